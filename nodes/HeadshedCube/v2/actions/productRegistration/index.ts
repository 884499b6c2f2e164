import { operationSelector } from '../../../actions/common.descriptions';
import type { CubeResourceModule } from '../../../actions/types';
import * as getAll from './getAll.operation';

export const productRegistration: CubeResourceModule = {
	description: [
		operationSelector('productRegistration', [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the products registered in a campaign or a CRM in a date range',
				action: 'Get many product registrations',
			},
		]),
		...getAll.description,
	],
	operations: { getAll },
};
