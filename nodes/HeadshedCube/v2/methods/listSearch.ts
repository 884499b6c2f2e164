import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listEntry } from '../../helpers/listEntry';
import { matching } from '../../helpers/matching';
import { dataOwnersIn, listGen2Campaigns } from '../api/campaigns';
import { parseCubeId } from '../../helpers/ids';
import { isArchived } from '../api/types';

/** Every campaign, archived ones marked, since their call outcomes are still read. */
export async function searchCampaigns(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const items = (await listGen2Campaigns(this)).flatMap((campaign) => {
		const id = parseCubeId(campaign.campaign__id);
		if (id === undefined) return [];
		const owner = campaign.data_owner__name ? `${campaign.data_owner__name}, ${campaign.campaign__crm_type}` : undefined;
		const archived = isArchived(campaign) ? ' [archived]' : '';
		return [listEntry(`${campaign.campaign__name ?? id}${archived}`, owner, id)];
	});
	return matching(items, filter);
}

/** Data owners, from the campaign list, with the CRM types they have. */
export async function searchDataOwners(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const owners = new Map<number, { name: string; crmTypes: string[] }>();
	for (const owner of dataOwnersIn(await listGen2Campaigns(this))) {
		const known = owners.get(owner.data_owner__id) ?? { name: owner.data_owner__name, crmTypes: [] };
		known.crmTypes.push(owner.crm_type);
		owners.set(owner.data_owner__id, known);
	}
	const items = [...owners].map(([id, { name, crmTypes }]) => listEntry(String(name || id), crmTypes.sort().join(', '), id));
	return matching(items, filter);
}
