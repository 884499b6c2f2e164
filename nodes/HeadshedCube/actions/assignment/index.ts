import { operationSelector } from '../common.descriptions';
import type { CubeResourceModule } from '../types';
import * as getAll from './getAll.operation';

export const assignment: CubeResourceModule = {
	description: [
		operationSelector('assignment', [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the assignments the credential can see',
				action: 'Get many assignments',
			},
		]),
		...getAll.description,
	],
	operations: { getAll },
};
