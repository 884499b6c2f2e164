import type { IDataObject } from 'n8n-workflow';

import { readList } from '../../transport/listEndpoint';
import { checkTenantGeneration, explainNotFound } from '../../transport/tenantGeneration';
import type { CubeContext } from '../../transport/types';
import { crmOfCampaign, type CrmType, type Gen2Campaign } from './types';

/**
 * Every campaign, archived ones included: a bare list at `/api/v1/campaigns`. A list of
 * generation-1 campaigns (no data owners in it) fails in words instead of listing nothing,
 * unless `acceptAnyGeneration`: Campaign → Get Many of saved workflows has always returned the
 * tenant's campaigns as they come, and keeps doing so (contract.md).
 */
export async function listGen2Campaigns(
	context: CubeContext,
	itemIndex?: number,
	{ acceptAnyGeneration = false } = {},
): Promise<Gen2Campaign[]> {
	let campaigns: Gen2Campaign[];
	try {
		campaigns = await readList<Gen2Campaign>(context, { method: 'GET', path: '/api/v1/campaigns', itemIndex });
	} catch (error) {
		throw await explainNotFound(context, 2, error, itemIndex);
	}
	if (!acceptAnyGeneration) checkTenantGeneration(context, 2, campaigns, itemIndex);
	return campaigns;
}

export interface DataOwnerCrm extends IDataObject {
	data_owner__id: number;
	data_owner__name: string;
	crm_type: CrmType;
}

/**
 * Generation 2 has no data owner endpoint: the campaign list is the only place that names data
 * owners and their CRM types. One entry per data owner and CRM type, in the list's order.
 */
export function dataOwnersIn(campaigns: Gen2Campaign[]): DataOwnerCrm[] {
	const found = new Map<string, DataOwnerCrm>();
	for (const campaign of campaigns) {
		const crm = crmOfCampaign(campaign);
		if (!crm) continue;
		const key = `${crm.dataOwnerId}:${crm.crmType}`;
		if (!found.has(key)) {
			found.set(key, {
				data_owner__id: crm.dataOwnerId,
				data_owner__name: String(campaign.data_owner__name ?? ''),
				crm_type: crm.crmType,
			});
		}
	}
	return [...found.values()];
}
