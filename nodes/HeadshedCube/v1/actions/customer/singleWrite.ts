import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { CustomerKey } from '../../api/customers';
import type { CubeCustomer } from '../../api/types';
import type { CubeSession } from '../../../transport/request';
import type { ExecutionCache } from '../../../execution/executionCache';
import type { CubeOperation } from '../../../execution/types';
import { customerWriteDescription, writeInOrder } from './customerFields';
import { readRequestsAtOnce } from './writeOptions';

type SendWrite = (
	context: IExecuteFunctions,
	key: CustomerKey,
	changes: IDataObject,
	itemIndex: number,
	session: CubeSession,
) => Promise<CubeCustomer>;

/** Create or update as an operation: one request per item, several items at once. */
export function singleWrite(operation: 'create' | 'update', send: SendWrite): CubeOperation {
	return {
		description: customerWriteDescription(operation),
		itemsInFlight: readRequestsAtOnce,
		async execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache) {
			return await writeInOrder.call(this, itemIndex, cache, async (key, changes) =>
				await send(this, key, changes, itemIndex, cache.session),
			);
		},
	};
}
