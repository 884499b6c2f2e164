import type { IDataObject } from 'n8n-workflow';

import { listOf, listProblem } from './answerShapes';
import { cubePaginate } from './pagination';
import { sendCubeRequest } from './request';
import type { CubeContext, CubeRequest } from './types';

/**
 * The 2017 documents print `/campaigns` and `/assignments`; later ones put them under
 * `/api/v1/`. The newer path is tried first, the older one only when it is not there.
 */
export async function getUnpaginatedList<T>(
	context: CubeContext,
	resource: 'assignments' | 'campaigns',
	request: Omit<CubeRequest, 'method' | 'path'> = {},
): Promise<T[]> {
	const list: CubeRequest = { ...request, method: 'GET', path: `/api/v1/${resource}` };
	const newer = await sendCubeRequest(context, { ...list, notFoundIsAnswer: true, expect: listProblem });
	if (newer.statusCode !== 404) return await recordsOf<T>(context, list, newer.body);
	const older = { ...list, path: `/${resource}` };
	return await readList<T>(context, older);
}

/** A bare list, or one a server configured with pagination wraps in pages: every page of it. */
export async function readList<T>(context: CubeContext, request: CubeRequest): Promise<T[]> {
	const answer = await sendCubeRequest(context, { ...request, expect: listProblem });
	return await recordsOf<T>(context, request, answer.body);
}

/** Whether an answer is a page that says more records follow than it holds. */
function hasMorePages(body: unknown): boolean {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
	const { next, count, results } = body as { next?: unknown; count?: unknown; results?: unknown[] };
	return !!next || (typeof count === 'number' && Array.isArray(results) && count > results.length);
}

/**
 * The records of a list's answer. The documents call these lists bare arrays; a server that
 * pages them anyway is read as the paged list it is, every page (the first once more, through
 * the same reading as every paged list), so that no record is left on a later page.
 */
async function recordsOf<T>(context: CubeContext, request: CubeRequest, body: unknown): Promise<T[]> {
	if (!hasMorePages(body)) return listOf<T>(body);
	return await cubePaginate<T>(context, request.path, {
		qs: request.qs as IDataObject | undefined,
		itemIndex: request.itemIndex,
		nextLinks: 'pageNumbers',
	});
}
