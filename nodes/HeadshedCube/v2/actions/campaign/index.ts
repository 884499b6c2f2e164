import { operationSelector } from '../../../actions/common.descriptions';
import type { CubeResourceModule } from '../../../actions/types';
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
