import { operationSelector } from '../../../actions/common.descriptions';
import type { CubeResourceModule } from '../../../actions/types';
import * as getAll from './getAll.operation';

export const dataOwner: CubeResourceModule = {
	description: [
		operationSelector('dataOwner', [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the data owners and their CRM types, from the campaign list',
				action: 'Get many data owners',
			},
		]),
		...getAll.description,
	],
	operations: { getAll },
};
