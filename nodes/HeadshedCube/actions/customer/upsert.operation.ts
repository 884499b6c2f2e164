import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	createCustomer,
	findCustomer,
	isAlreadyExistsError,
	updateCustomer,
} from '../../api/customers';
import { asNodeError } from '../../transport';
import { customerWriteDescription, readCustomerWrite } from './customerFields';

export const description = customerWriteDescription('upsert');

/**
 * Updates the customer where Cube has it and creates it where not. A create that meets
 * "already exists" lost a race with another writer, so the change is applied as an update.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { key, changes } = readCustomerWrite.call(this, itemIndex);
	if (await findCustomer(this, key, itemIndex)) {
		return await updateCustomer(this, key, changes, itemIndex);
	}
	try {
		return await createCustomer(this, key, changes, itemIndex);
	} catch (error) {
		if (!isAlreadyExistsError(error)) throw asNodeError(this.getNode(), error, itemIndex);
		return await updateCustomer(this, key, changes, itemIndex);
	}
}
