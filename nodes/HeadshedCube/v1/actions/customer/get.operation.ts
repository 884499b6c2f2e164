import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getCustomer } from '../../api/customers';
import { assignmentLocator } from '../../../parameters/common.descriptions';
import { customerIdParameter, readCustomerKey } from './customerFields';
import { simplifiedCustomer } from '../simplified';

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['get'] } },
	[assignmentLocator, customerIdParameter],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await getCustomer(this, readCustomerKey.call(this, itemIndex), itemIndex);
}

export const simplify = simplifiedCustomer;
