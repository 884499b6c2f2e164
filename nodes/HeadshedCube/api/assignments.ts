import type { CubeContext } from '../transport';
import { getUnpaginatedList } from './listEndpoint';
import type { CubeAssignment } from './types';

export async function listAssignments(
	context: CubeContext,
	itemIndex?: number,
): Promise<CubeAssignment[]> {
	return await getUnpaginatedList<CubeAssignment>(context, 'assignments', { itemIndex });
}
