import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listAssignments } from '../api/assignments';
import { listCampaigns } from '../api/campaigns';
import {
	assignmentIdOf,
	assignmentNameOf,
	campaignIdOf,
	campaignNameOf,
	clientOf,
} from '../api/types';
import { listEntry } from '../../helpers/listEntry';
import { matching } from '../../helpers/matching';

export async function searchAssignments(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const items = (await listAssignments(this)).map((assignment) =>
		listEntry(assignmentNameOf(assignment), clientOf(assignment).client_name, assignmentIdOf(assignment)),
	);
	return matching(items, filter);
}

/** Inactive campaigns are listed too, since their responses are still read. */
export async function searchCampaigns(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const items = (await listCampaigns(this, true)).map((campaign) =>
		listEntry(campaignNameOf(campaign), clientOf(campaign).client_name, campaignIdOf(campaign)),
	);
	return matching(items, filter);
}
