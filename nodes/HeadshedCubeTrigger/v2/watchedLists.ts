import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ExecutionCache } from '../../HeadshedCube/execution/executionCache';
import { cubeDateOfInstant } from '../../HeadshedCube/helpers/cubeDate';
import { listGen2Campaigns } from '../../HeadshedCube/v2/api/campaigns';
import { readInScope, type Gen2Scope, type ScopedEndpoint } from '../../HeadshedCube/v2/api/scopedLists';
import { parseCubeId } from '../../HeadshedCube/helpers/ids';
import { isArchived, type Gen2Campaign } from '../../HeadshedCube/v2/api/types';
import { labelRecords } from '../../HeadshedCube/v2/actions/customFieldLabels';
import { toCrmKey } from '../../HeadshedCube/v2/actions/parameters';
import { chosenCampaignIds } from '../polling/chosenCampaigns';
import type { ListSource, ScopeId } from '../polling/pollLists';
import { gen2Identity } from './recordIdentity';

const ENDPOINT_OF_EVENT: Record<string, ScopedEndpoint> = {
	newCallOutcome: 'call_outcomes',
	newProductRegistration: 'product_registrations',
};

/** What a version-2 trigger watches: one endpoint, in one or more scopes keyed as in its cursor. */
export interface WatchedLists {
	event: string;
	endpoint: ScopedEndpoint;
	scopes: Map<ScopeId, Gen2Scope>;
	/** Where custom field labels are looked up: the CRM watched, or the campaign list. */
	labelScope: Gen2Scope;
}

/** Active: not archived, and not marked inactive (Cube sends `true` or `""`, loosely typed). */
export function isActiveCampaign(campaign: Gen2Campaign): boolean {
	const active = campaign.campaign__is_active;
	return !isArchived(campaign) && !(active === false || active === '' || String(active).toLowerCase() === 'false');
}

async function watchedCampaignScopes(this: IPollFunctions): Promise<Map<ScopeId, Gen2Scope>> {
	let campaignIds = chosenCampaignIds.call(this);
	if (campaignIds.length === 0) {
		const active = (await listGen2Campaigns(this)).filter(isActiveCampaign);
		campaignIds = [...new Set(active.map((campaign) => parseCubeId(campaign.campaign__id)))].filter(
			(id): id is number => id !== undefined,
		);
	}
	return new Map(campaignIds.map((campaignId) => [campaignId, { kind: 'campaign', campaignId }]));
}

/**
 * The lists the node's parameters ask for, checked before any request: a scope the event does
 * not offer, a CRM type other than B2C or B2B, or ids that are not ids are refused, never widened.
 */
export async function watchedLists(this: IPollFunctions): Promise<WatchedLists> {
	const event = this.getNodeParameter('event', 'newCallOutcome') as string;
	const endpoint = ENDPOINT_OF_EVENT[event];
	const scope = this.getNodeParameter('scope', 'campaigns') as string;
	const refuse = (message: string, description: string) => new NodeOperationError(this.getNode(), message, { description });
	if (!endpoint) throw refuse(`Event ${JSON.stringify(event)} is not offered`, 'Choose New Call Outcome or New Product Registration.');
	if (scope === 'campaigns') {
		return { event, endpoint, scopes: await watchedCampaignScopes.call(this), labelScope: { kind: 'all' } };
	}
	if (scope === 'crm') {
		const owner = this.getNodeParameter('dataOwnerId', undefined, { extractValue: true });
		const crm = toCrmKey(this.getNode(), owner, this.getNodeParameter('crmType', 'B2C'));
		const crmScope: Gen2Scope = { kind: 'crm', crm };
		return { event, endpoint, scopes: new Map([[`crm:${crm.dataOwnerId}:${crm.crmType}`, crmScope]]), labelScope: crmScope };
	}
	if (scope === 'all' && endpoint === 'call_outcomes') {
		return { event, endpoint, scopes: new Map([['all', { kind: 'all' }]]), labelScope: { kind: 'all' } };
	}
	throw refuse(
		`Scope ${JSON.stringify(scope)} is not offered for this event`,
		endpoint === 'call_outcomes' ? 'Choose Campaigns, CRM or Whole Tenant.' : 'Choose Campaigns or CRM.',
	);
}

/** The watched lists as the poll reads them: each scope's records of some Cube dates, a page at a time. */
export function gen2Source(watched: WatchedLists, fullReadEveryMs: number): ListSource<IDataObject> {
	return {
		event: watched.event,
		scopes: [...watched.scopes.keys()],
		identity: gen2Identity,
		fullReadEveryMs,
		async readPage(this: IPollFunctions, scope, from, to, page) {
			const where = watched.scopes.get(scope) as Gen2Scope;
			const qs = { from_date: from, to_date: to };
			const list = await readInScope(this, watched.endpoint, where, { qs, startPage: page, onePage: true });
			return { records: list.records, count: list.count, hasNext: list.pageSize !== undefined };
		},
		// A campaign ended or deleted is skipped; a CRM or the tenant that is not there fails the poll.
		skippedWhenMissing: (scope) => (typeof scope === 'number' ? `campaign ${scope}` : undefined),
	};
}

/** Every watched record submitted between two instants (whole Cube dates), for "Fetch test event". */
export async function readBetween(
	this: IPollFunctions,
	watched: WatchedLists,
	fromInstant: number,
	toInstant: number,
): Promise<IDataObject[]> {
	const timeZone = this.getTimezone();
	const qs = { from_date: cubeDateOfInstant(fromInstant, timeZone), to_date: cubeDateOfInstant(toInstant, timeZone) };
	const records: IDataObject[] = [];
	for (const scope of watched.scopes.values()) {
		records.push(...(await readInScope(this, watched.endpoint, scope, { qs })).records);
	}
	return records;
}

/** The records with custom field labels in place of ids, where the node asks for them (the default). */
export async function withLabels(this: IPollFunctions, watched: WatchedLists, records: IDataObject[]): Promise<IDataObject[]> {
	if (!(this.getNodeParameter('options.customFieldLabels', true) as boolean)) return records;
	return await labelRecords.call(this, new ExecutionCache(), watched.labelScope, records, 0);
}
