import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { createCustomer } from '../../api/customers';
import type { ExecutionCache } from '../executionCache';
import { customerWriteDescription, writeInOrder } from './customerFields';
import { readRequestsAtOnce } from './writeOptions';

export const description = customerWriteDescription('create');

export const itemsInFlight = readRequestsAtOnce;

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	cache: ExecutionCache,
): Promise<IDataObject> {
	return await writeInOrder.call(this, itemIndex, cache, async (key, changes) =>
		await createCustomer(this, key, changes, itemIndex, cache.session),
	);
}
