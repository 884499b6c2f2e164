import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listCampaigns } from '../api/campaigns';
import { isCustomFieldKey } from '../api/customerSchema';
import { listCustomers } from '../api/customers';
import { currentAssignmentId } from '../../helpers/ids';
import { campaignIdOf, campaignNameOf } from '../api/types';

/** Enough customer cards to see the assignment's fields without reading the whole list. */
const SAMPLE_SIZE = 25;

/** The assignment's own field names, read from the keys of its customer cards. */
export async function getCustomFieldNames(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const assignmentId = currentAssignmentId.call(this);
	if (assignmentId === undefined) return [];
	const customers = await listCustomers(this, assignmentId, { limit: SAMPLE_SIZE });
	const names = new Set<string>();
	for (const customer of customers) {
		for (const key of Object.keys(customer)) {
			if (isCustomFieldKey(key)) names.add(key);
		}
	}
	return [...names].sort((a, b) => a.localeCompare(b)).map((name) => ({ name, value: name }));
}

/** Active campaigns, for the trigger's choice of what to watch. */
export async function getActiveCampaigns(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return (await listCampaigns(this, false))
		.map((campaign) => ({ name: campaignNameOf(campaign), value: campaignIdOf(campaign) ?? '' }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
