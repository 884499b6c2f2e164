import { NodeApiError } from 'n8n-workflow';

import { asNodeError, cubeRequest } from '../transport';
import type { CubeContext, CubeRequest } from '../transport';

/**
 * The 2017 documents print `/campaigns` and `/assignments`; later ones put them under
 * `/api/v1/`. The newer path is tried first, the older one only when it is not there.
 */
export async function getUnpaginatedList<T>(
	context: CubeContext,
	resource: 'assignments' | 'campaigns',
	request: Omit<CubeRequest, 'method' | 'path'> = {},
): Promise<T[]> {
	try {
		return await readList<T>(context, { ...request, method: 'GET', path: `/api/v1/${resource}` });
	} catch (error) {
		if (!(error instanceof NodeApiError) || error.httpCode !== '404') {
			throw asNodeError(context.getNode(), error, request.itemIndex);
		}
		return await readList<T>(context, { ...request, method: 'GET', path: `/${resource}` });
	}
}

/** A bare list, or one a server configured with pagination wraps in a page. */
export async function readList<T>(context: CubeContext, request: CubeRequest): Promise<T[]> {
	const body = await cubeRequest<unknown>(context, request);
	if (body && typeof body === 'object' && Array.isArray((body as { results?: unknown }).results)) {
		return (body as { results: T[] }).results;
	}
	return Array.isArray(body) ? (body as T[]) : [];
}
