import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { createCustomer } from '../../api/customers';
import { customerWriteDescription, readCustomerWrite } from './customerFields';

export const description = customerWriteDescription('create');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { key, changes } = readCustomerWrite.call(this, itemIndex);
	return await createCustomer(this, key, changes, itemIndex);
}
