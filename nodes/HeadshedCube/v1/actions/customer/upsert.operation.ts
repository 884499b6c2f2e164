import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { CustomerKey } from '../../api/customers';
import {
	createCustomer,
	isAlreadyExistsError,
	updateCustomer,
} from '../../api/customers';
import type { CubeCustomer } from '../../api/types';
import { isNotFoundError } from '../../../transport/errors';
import { asNodeError } from '../../../transport/nodeError';
import type { ExecutionCache } from '../../../execution/executionCache';
import { customerWriteDescription, writeInOrder } from './customerFields';
import { readRequestsAtOnce } from './writeOptions';

export const description = customerWriteDescription('upsert');

export const itemsInFlight = readRequestsAtOnce;

/**
 * What the items of this execution found so far. An import is mostly updates or mostly new
 * customers, so each item first tries what most items before it needed.
 */
class UpsertOutcomes {
	updated = 0;

	created = 0;

	get expectExisting(): boolean {
		return this.updated >= this.created;
	}
}

interface CustomerWrite {
	context: IExecuteFunctions;
	key: CustomerKey;
	changes: IDataObject;
	itemIndex: number;
	cache: ExecutionCache;
	outcomes: UpsertOutcomes;
}

async function update({ context, key, changes, itemIndex, cache, outcomes }: CustomerWrite) {
	const card = await updateCustomer(context, key, changes, itemIndex, cache.session);
	outcomes.updated++;
	return card;
}

/** A create that meets "already exists" lost a race with another writer: it becomes an update. */
async function createElseUpdate(write: CustomerWrite): Promise<CubeCustomer> {
	const { context, key, changes, itemIndex, cache, outcomes } = write;
	try {
		const card = await createCustomer(context, key, changes, itemIndex, cache.session);
		outcomes.created++;
		return card;
	} catch (error) {
		if (!isAlreadyExistsError(error)) throw asNodeError(context.getNode(), error, itemIndex);
	}
	return await update(write);
}

/** Cube answers an update of a customer it does not have with 404: then it is created. */
async function updateElseCreate(write: CustomerWrite): Promise<CubeCustomer> {
	try {
		return await update(write);
	} catch (error) {
		if (!isNotFoundError(error)) throw asNodeError(write.context.getNode(), error, write.itemIndex);
	}
	return await createElseUpdate(write);
}

/**
 * Updates the customer where Cube has it and creates it where not, without asking first: the
 * write that most items needed so far is tried first, and the other one only if Cube refuses
 * it. A POST is sent at most once per item.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	cache: ExecutionCache,
): Promise<IDataObject> {
	const outcomes = cache.shared('customer upsert outcomes', () => new UpsertOutcomes());
	return await writeInOrder.call(this, itemIndex, cache, async (key, changes) => {
		const write = { context: this, key, changes, itemIndex, cache, outcomes };
		return outcomes.expectExisting ? await updateElseCreate(write) : await createElseUpdate(write);
	});
}
