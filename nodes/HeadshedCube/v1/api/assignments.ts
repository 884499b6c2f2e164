import type { CubeContext } from '../../transport/types';
import { getUnpaginatedList } from '../../transport/listEndpoint';
import type { CubeAssignment } from './types';

export async function listAssignments(
	context: CubeContext,
	itemIndex?: number,
): Promise<CubeAssignment[]> {
	return await getUnpaginatedList<CubeAssignment>(context, 'assignments', { itemIndex });
}
