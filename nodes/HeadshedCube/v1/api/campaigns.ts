import { checkTenantGeneration } from '../../transport/tenantGeneration';
import type { CubeContext } from '../../transport/types';
import { getUnpaginatedList } from '../../transport/listEndpoint';
import type { CubeCampaign } from './types';

/** The campaigns; a list of generation-2 campaigns (data owners, no assignments) fails in words. */
export async function listCampaigns(
	context: CubeContext,
	includeInactive: boolean,
	itemIndex?: number,
): Promise<CubeCampaign[]> {
	const campaigns = await getUnpaginatedList<CubeCampaign>(context, 'campaigns', {
		qs: includeInactive ? { include_inactive_campaigns: 'True' } : undefined,
		itemIndex,
	});
	checkTenantGeneration(context, 1, campaigns, itemIndex);
	return campaigns;
}
