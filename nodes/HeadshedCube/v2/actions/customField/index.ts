import { operationSelector } from '../../../actions/common.descriptions';
import type { CubeResourceModule } from '../../../actions/types';
import * as getAll from './getAll.operation';

export const customField: CubeResourceModule = {
	description: [
		operationSelector('customField', [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the custom field definitions of a CRM',
				action: 'Get many custom fields',
			},
		]),
		...getAll.description,
	],
	operations: { getAll },
};
