import { operationSelector } from '../../../parameters/common.descriptions';
import type { CubeResourceModule } from '../../../execution/types';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as search from './search.operation';

export const customer: CubeResourceModule = {
	displayName: 'Customer',
	description: [
		operationSelector(
			'customer',
			[
				{
					name: 'Get',
					value: 'get',
					description: "Get one customer of a CRM by its ID in your own CRM: name, phone numbers, e-mail and custom fields",
					action: 'Get a customer',
				},
				{
					name: 'Get Many',
					value: 'getAll',
					description: "List a CRM's customers (name, phone numbers, e-mail, custom fields); one item per customer",
					action: 'Get many customers',
				},
				{
					name: 'Search',
					value: 'search',
					description:
						'Find the customers of a CRM by phone number, e-mail address, name or customer ID; returns one item per match',
					action: 'Search customers',
				},
			],
			'getAll',
		),
		...getAll.description,
		...get.description,
		...search.description,
	],
	operations: { get, getAll, search },
};
