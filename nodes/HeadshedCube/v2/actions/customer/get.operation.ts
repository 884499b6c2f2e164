import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { ExecutionCache } from '../../../execution/executionCache';
import { getCrmCustomer } from '../../api/customers';
import { customFieldLabelsOption, labelCrmRecords, readCustomFieldLabels } from '../customFieldLabels';
import { crmParameters, readCrm } from '../parameters';
import { simplifiedCustomer } from '../simplified';

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['get'] } }, [
	...crmParameters,
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 000123',
		description: "The customer's ID in your own CRM (Cube's crm__customer_id), exactly as it is there",
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		// in the value, so that the editor shows the option on instead of "No properties"
		default: { customFieldLabels: true },
		options: [customFieldLabelsOption],
	},
]);

function readCustomerId(this: IExecuteFunctions, itemIndex: number): string {
	const value = this.getNodeParameter('customerId', itemIndex, '') as unknown;
	const customerId = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
	if (customerId.trim() === '') {
		throw new NodeOperationError(this.getNode(), 'Customer ID is empty', {
			itemIndex,
			description: "Enter the customer's ID in your own CRM, or map it from a field that holds one.",
		});
	}
	return customerId;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	cache: ExecutionCache,
): Promise<IDataObject> {
	const crm = readCrm.call(this, itemIndex);
	const customer = await getCrmCustomer(this, crm, readCustomerId.call(this, itemIndex), itemIndex);
	if (!readCustomFieldLabels.call(this, itemIndex)) return customer;
	const [labelled] = await labelCrmRecords.call(this, cache, crm, [customer], itemIndex);
	return labelled;
}

export const simplify = simplifiedCustomer;
