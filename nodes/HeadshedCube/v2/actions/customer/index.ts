import { operationSelector } from '../../../parameters/common.descriptions';
import type { CubeResourceModule } from '../../../execution/types';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const customer: CubeResourceModule = {
	displayName: 'Customer',
	description: [
		operationSelector(
			'customer',
			[
				{
					name: 'Get',
					value: 'get',
					description: "Get one customer of a CRM by the ID in the user's own CRM",
					action: 'Get a customer',
				},
				{
					name: 'Get Many',
					value: 'getAll',
					description: "List a CRM's customers",
					action: 'Get many customers',
				},
			],
			'getAll',
		),
		...getAll.description,
		...get.description,
	],
	operations: { get, getAll },
};
