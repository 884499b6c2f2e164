import { operationSelector } from '../common.descriptions';
import type { CubeResourceModule } from '../types';
import * as getAll from './getAll.operation';

export const campaign: CubeResourceModule = {
	description: [
		operationSelector('campaign', [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the campaigns, active ones or all',
				action: 'Get many campaigns',
			},
		]),
		...getAll.description,
	],
	operations: { getAll },
};
