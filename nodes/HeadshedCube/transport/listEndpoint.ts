import { sendCubeRequest } from './request';
import type { CubeContext, CubeRequest } from './types';
import { listOf, listProblem } from './answerShapes';

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
	const newer = await readListAnswer(context, { ...list, notFoundIsAnswer: true });
	const answer = newer.statusCode === 404 ? await readListAnswer(context, { ...list, path: `/${resource}` }) : newer;
	return listOf<T>(answer.body);
}

/** A bare list, or one a server configured with pagination wraps in a page. */
export async function readList<T>(context: CubeContext, request: CubeRequest): Promise<T[]> {
	return listOf<T>((await readListAnswer(context, request)).body);
}

async function readListAnswer(context: CubeContext, request: CubeRequest) {
	return await sendCubeRequest(context, { ...request, expect: listProblem });
}
