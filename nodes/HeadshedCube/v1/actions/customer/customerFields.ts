import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { isCustomFieldKey, STANDARD_CUSTOMER_FIELDS, type StandardCustomerField } from '../../api/customerSchema';
import type { CustomerKey } from '../../api/customers';
import { readAssignmentId, readCustomerId } from '../../../helpers/ids';
import { assignmentLocator } from '../../../parameters/common.descriptions';
import type { ExecutionCache } from '../../../execution/executionCache';
import { customerWriteOptions } from './writeOptions';

/** "address_street_no" is shown as "Address Street No". */
function fieldDisplayName(field: StandardCustomerField): string {
	return field
		.split('_')
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');
}

const FIELD_HINTS: Partial<Record<StandardCustomerField, Partial<INodeProperties>>> = {
	birth_date: { description: 'As YYYY-MM-DD' },
	email: { placeholder: 'name@email.com' },
};

export const customerIdParameter: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customerId',
	type: 'number',
	default: 0,
	required: true,
	description: "The customer's ID in your own CRM (Cube's customer_id), a whole number",
};

export const customerFieldsParameters: INodeProperties[] = [
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: STANDARD_CUSTOMER_FIELDS.map((name) => ({
			displayName: fieldDisplayName(name),
			name,
			type: 'string',
			default: '',
			...FIELD_HINTS[name],
		})),
	},
	{
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Field',
		default: {},
		description: "The assignment's own fields, such as \"Oppstartsdato\"",
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'name',
						type: 'options',
						typeOptions: {
							loadOptionsMethod: 'getCustomFieldNames',
							loadOptionsDependsOn: ['assignmentId.value'],
						},
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
					},
				],
			},
		],
	},
];

export function readCustomerKey(this: IExecuteFunctions, itemIndex: number): CustomerKey {
	return {
		assignmentId: readAssignmentId.call(this, itemIndex),
		customerId: readCustomerId.call(this, itemIndex),
	};
}

/** The standard and custom fields of one item, as one body for Cube. */
export function readCustomerChanges(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = this.getNodeParameter('fields', itemIndex, {}) as IDataObject;
	const customFields = this.getNodeParameter('customFields.field', itemIndex, []) as Array<{
		name?: string;
		value?: unknown;
	}>;
	const changes: IDataObject = { ...fields };
	for (const { name, value } of customFields) {
		const key = typeof name === 'string' ? name.trim() : '';
		if (!key) {
			throw new NodeOperationError(this.getNode(), 'A custom field has no name', {
				itemIndex,
				description: 'Choose the field from the list, or remove the empty entry.',
			});
		}
		if (!isCustomFieldKey(key)) {
			throw new NodeOperationError(
				this.getNode(),
				`"${key}" is a standard field, not a custom one`,
				{ itemIndex, description: 'Set it under Fields instead of Custom Fields.' },
			);
		}
		// An own property even for names such as `__proto__`, which plain assignment would take
		// as the object's prototype and drop from the body.
		Object.defineProperty(changes, key, { value, enumerable: true, writable: true, configurable: true });
	}
	return changes;
}

/** The parameters of create, update and upsert, which all write one customer card. */
export function customerWriteDescription(operation: 'create' | 'update' | 'upsert'): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: ['customer'], operation: [operation] } }, [
		assignmentLocator,
		customerIdParameter,
		...customerFieldsParameters,
		customerWriteOptions,
	]);
}

export function readCustomerWrite(
	this: IExecuteFunctions,
	itemIndex: number,
): { key: CustomerKey; changes: IDataObject } {
	return {
		key: readCustomerKey.call(this, itemIndex),
		changes: readCustomerChanges.call(this, itemIndex),
	};
}

/**
 * Reads one item's write and runs it once the items before it that write the same customer
 * are done, so that with several items at once the last item still has the last word, and
 * once a sending slot of the execution is free.
 */
export async function writeInOrder(
	this: IExecuteFunctions,
	itemIndex: number,
	cache: ExecutionCache,
	write: (key: CustomerKey, changes: IDataObject) => Promise<IDataObject>,
): Promise<IDataObject> {
	const { key, changes } = readCustomerWrite.call(this, itemIndex);
	return await cache.inOrder(
		`customer ${key.assignmentId}/${key.customerId}`,
		async () => await cache.sending.use(itemIndex, async () => await write(key, changes)),
	);
}
