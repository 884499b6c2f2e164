import { operationSelector } from '../common.descriptions';
import type { CubeResourceModule } from '../types';
import * as getAll from './getAll.operation';

export const client: CubeResourceModule = {
	description: [
		operationSelector('client', [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the clients that own assignments',
				action: 'Get many clients',
			},
		]),
		...getAll.description,
	],
	operations: { getAll },
};
