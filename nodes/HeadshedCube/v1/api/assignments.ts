import { explainNotFound } from '../../transport/tenantGeneration';
import type { CubeContext } from '../../transport/types';
import { getUnpaginatedList } from '../../transport/listEndpoint';
import type { CubeAssignment } from './types';

/** The assignments; generation 2 has none, so a 404 may mean a tenant of that generation. */
export async function listAssignments(
	context: CubeContext,
	itemIndex?: number,
): Promise<CubeAssignment[]> {
	try {
		return await getUnpaginatedList<CubeAssignment>(context, 'assignments', { itemIndex });
	} catch (error) {
		throw await explainNotFound(context, 1, error, itemIndex);
	}
}
