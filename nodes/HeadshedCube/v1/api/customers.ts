import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { cubeProblemsOfError } from '../../transport/errors';
import { cubePaginate } from '../../transport/pagination';
import { cubeRequestBody } from '../../transport/request';
import type { PaginateOptions } from '../../transport/pagination';
import type { CubeSession } from '../../transport/request';
import type { CubeContext } from '../../transport/types';
import { recordProblem } from '../../transport/answerShapes';
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
	return await cubeRequestBody<CubeCustomer>(
		context,
		{ method: 'GET', path: customerPath(key), itemIndex, expect: recordProblem },
		session,
	);
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
	return await cubeRequestBody<CubeCustomer>(
		context,
		{ method: 'PUT', path: customerPath(key), body: bodyFor(key, changes), itemIndex, expect: recordProblem },
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
	return await cubeRequestBody<CubeCustomer>(
		context,
		{ method: 'POST', path: customerPath(key), body: bodyFor(key, fields), itemIndex, expect: recordProblem },
		session,
	);
}

/** Where Cube puts a complaint about the customer as a whole rather than one of its fields. */
const CUSTOMER_ITSELF = ['customer_id', 'detail', 'non_field_errors'];

/**
 * Cube says so in a 400 (DRF's unique validator on `customer_id`) or, on other versions, a 409.
 * "Already exists" about another field (an e-mail used by another customer) is a real refusal.
 */
export function isAlreadyExistsError(error: unknown): boolean {
	if (!(error instanceof NodeApiError) || (error.httpCode !== '400' && error.httpCode !== '409')) {
		return false;
	}
	const problems = Object.entries(cubeProblemsOfError(error));
	const aboutCustomer = problems.filter(([field]) => CUSTOMER_ITSELF.includes(field));
	if (problems.length > aboutCustomer.length) return false;
	return aboutCustomer.some(([, message]) => /already exists/i.test(message));
}
