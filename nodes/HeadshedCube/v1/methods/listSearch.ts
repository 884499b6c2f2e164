import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { listAssignments } from '../api/assignments';
import { listCampaigns } from '../api/campaigns';
import {
	assignmentIdOf,
	assignmentNameOf,
	campaignIdOf,
	campaignNameOf,
	clientOf,
} from '../api/types';
import { matching } from '../../helpers/matching';

/**
 * One entry of a list: the name, its client, and the ID, since n8n's list shows only the name,
 * and a value given "By ID" still shows as the bare ID after switching to "From List".
 */
function listItem(name: string, client: string | undefined, id: number | undefined): INodeListSearchItems {
	return { name: `${name}${client ? ` (${client})` : ''} · ID ${id}`, value: String(id) };
}

export async function searchAssignments(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const items = (await listAssignments(this)).map((assignment) =>
		listItem(assignmentNameOf(assignment), clientOf(assignment).client_name, assignmentIdOf(assignment)),
	);
	return matching(items, filter);
}

/** Inactive campaigns are listed too, since their responses are still read. */
export async function searchCampaigns(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const items = (await listCampaigns(this, true)).map((campaign) =>
		listItem(campaignNameOf(campaign), clientOf(campaign).client_name, campaignIdOf(campaign)),
	);
	return matching(items, filter);
}
