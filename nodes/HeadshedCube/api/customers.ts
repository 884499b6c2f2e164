import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { cubePaginate, cubeRequest } from '../transport';
import type { CubeContext, CubeSession, PaginateOptions } from '../transport';
import type { CubeCustomer } from './types';

export interface CustomerKey {
	assignmentId: number;
	customerId: number;
}

function customerPath({ assignmentId, customerId }: CustomerKey): string {
	return `/api/v1/assignments/${assignmentId}/customers/${customerId}`;
}

export async function listCustomers(
	context: CubeContext,
	assignmentId: number,
	options: PaginateOptions = {},
): Promise<CubeCustomer[]> {
	return await cubePaginate<CubeCustomer>(
		context,
		`/api/v1/assignments/${assignmentId}/customers/`,
		options,
	);
}

export async function getCustomer(
	context: CubeContext,
	key: CustomerKey,
	itemIndex?: number,
	session?: CubeSession,
): Promise<CubeCustomer> {
	return await cubeRequest<CubeCustomer>(
		context,
		{ method: 'GET', path: customerPath(key), itemIndex },
		session,
	);
}

/** Cube's answer to a read or an update of a customer (or assignment) it does not have. */
export function isNotFoundError(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '404';
}

/** Cube requires both ids in the body as well as in the path. */
function bodyFor(key: CustomerKey, changes: IDataObject): IDataObject {
	return { ...changes, assignment_id: key.assignmentId, customer_id: key.customerId };
}

export async function updateCustomer(
	context: CubeContext,
	key: CustomerKey,
	changes: IDataObject,
	itemIndex?: number,
	session?: CubeSession,
): Promise<CubeCustomer> {
	return await cubeRequest<CubeCustomer>(
		context,
		{ method: 'PUT', path: customerPath(key), body: bodyFor(key, changes), itemIndex },
		session,
	);
}

export async function createCustomer(
	context: CubeContext,
	key: CustomerKey,
	fields: IDataObject,
	itemIndex?: number,
	session?: CubeSession,
): Promise<CubeCustomer> {
	return await cubeRequest<CubeCustomer>(
		context,
		{ method: 'POST', path: customerPath(key), body: bodyFor(key, fields), itemIndex },
		session,
	);
}

/** Cube says so in a 400 (DRF's unique validator) or, on other versions, a 409. */
export function isAlreadyExistsError(error: unknown): boolean {
	return (
		error instanceof NodeApiError &&
		(error.httpCode === '400' || error.httpCode === '409') &&
		/already exists/i.test(error.message)
	);
}
