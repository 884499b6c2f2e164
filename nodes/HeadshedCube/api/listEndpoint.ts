import { sendCubeRequest } from '../transport';
import type { CubeContext, CubeRequest } from '../transport';
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
	const list: CubeRequest = { ...request, method: 'GET', path: `/api/v1/${resource}`, expect: listProblem };
	const newer = await sendCubeRequest(context, { ...list, notFoundIsAnswer: true });
	const answer = newer.statusCode === 404 ? await sendCubeRequest(context, { ...list, path: `/${resource}` }) : newer;
	return listOf<T>(answer.body);
}
