import type { ExecutionCache } from '../../execution/executionCache';
import type { CubeContext } from '../../transport/types';
import { listGen2Campaigns } from '../api/campaigns';
import type { Gen2Campaign } from '../api/types';

/** The campaign list, read at most once per execution however many items need it. */
export async function campaignsOnce(
	this: CubeContext,
	cache: ExecutionCache,
	itemIndex: number,
): Promise<Gen2Campaign[]> {
	return await cache.remember('v2:campaigns', async () => await listGen2Campaigns(this, itemIndex));
}
