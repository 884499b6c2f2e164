import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateCustomer } from '../../api/customers';
import { customerWriteDescription, readCustomerWrite } from './customerFields';

export const description = customerWriteDescription('update');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { key, changes } = readCustomerWrite.call(this, itemIndex);
	return await updateCustomer(this, key, changes, itemIndex);
}
