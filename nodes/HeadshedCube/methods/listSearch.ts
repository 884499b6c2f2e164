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
import { matching } from './matching';

export async function searchAssignments(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const items = (await listAssignments(this)).map((assignment) => {
		const client = clientOf(assignment).client_name;
		return {
			name: `${assignmentNameOf(assignment)}${client ? ` (${client})` : ''}`,
			value: String(assignmentIdOf(assignment)),
		};
	});
	return matching(items, filter);
}

/** Inactive campaigns are listed too, since their responses are still read. */
export async function searchCampaigns(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const items = (await listCampaigns(this, true)).map((campaign) => {
		const client = clientOf(campaign).client_name;
		return {
			name: `${campaignNameOf(campaign)}${client ? ` (${client})` : ''}`,
			value: String(campaignIdOf(campaign)),
		};
	});
	return matching(items, filter);
}
