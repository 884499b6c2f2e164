import type { CubeContext } from '../../transport/types';
import { getUnpaginatedList } from '../../transport/listEndpoint';
import type { CubeCampaign } from './types';

export async function listCampaigns(
	context: CubeContext,
	includeInactive: boolean,
	itemIndex?: number,
): Promise<CubeCampaign[]> {
	return await getUnpaginatedList<CubeCampaign>(context, 'campaigns', {
		qs: includeInactive ? { include_inactive_campaigns: 'True' } : undefined,
		itemIndex,
	});
}
