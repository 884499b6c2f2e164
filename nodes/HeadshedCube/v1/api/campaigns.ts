import { checkTenantGeneration } from '../../transport/tenantGeneration';
import type { CubeContext } from '../../transport/types';
import { getUnpaginatedList } from '../../transport/listEndpoint';
import type { CubeCampaign } from './types';

/**
 * The campaigns; a list of generation-2 campaigns (data owners, no assignments) fails in words,
 * unless `acceptAnyGeneration`: Campaign → Get Many of saved version-1 workflows has always
 * returned a generation-2 tenant's campaigns as they come, and keeps doing so (contract.md).
 */
export async function listCampaigns(
	context: CubeContext,
	includeInactive: boolean,
	itemIndex?: number,
	{ acceptAnyGeneration = false } = {},
): Promise<CubeCampaign[]> {
	const campaigns = await getUnpaginatedList<CubeCampaign>(context, 'campaigns', {
		qs: includeInactive ? { include_inactive_campaigns: 'True' } : undefined,
		itemIndex,
	});
	if (!acceptAnyGeneration) checkTenantGeneration(context, 1, campaigns, itemIndex);
	return campaigns;
}
