import { operationSelector } from '../../../parameters/common.descriptions';
import type { CubeResourceModule } from '../../../execution/types';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const customer: CubeResourceModule = {
	displayName: 'Customer',
	description: [
		operationSelector(
			'customer',
			[
				{
					name: 'Create',
					value: 'create',
					description: 'Create a customer card in an assignment',
					action: 'Create a customer',
				},
				{
					name: 'Create or Update',
					value: 'upsert',
					description: 'Create a new record, or update the current one if it already exists (upsert)',
					action: 'Create or update a customer',
				},
				{
					name: 'Get',
					value: 'get',
					description: 'Get one customer card by its CRM ID',
					action: 'Get a customer',
				},
				{
					name: 'Get Many',
					value: 'getAll',
					description: "List an assignment's customer cards",
					action: 'Get many customers',
				},
				{
					name: 'Update',
					value: 'update',
					description: 'Change fields of a customer card',
					action: 'Update a customer',
				},
			],
			'getAll',
		),
		...getAll.description,
		...get.description,
		...create.description,
		...update.description,
		...upsert.description,
	],
	operations: { create, get, getAll, update, upsert },
};
