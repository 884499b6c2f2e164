import type { IPollFunctions } from 'n8n-workflow';

import { listCampaigns } from '../../HeadshedCube/v1/api/campaigns';
import { listResponses, readResponsePage } from '../../HeadshedCube/v1/api/responses';
import { campaignIdOf, type CubeResponseRecord } from '../../HeadshedCube/v1/api/types';
import { cubeDateOfInstant } from '../../HeadshedCube/helpers/cubeDate';
import type { ListPage } from '../polling/dayList';
import type { ListSource } from '../polling/pollLists';
import { chosenCampaignIds } from '../polling/chosenCampaigns';
import { knownToV1, responseIdentity } from './responseIdentity';

/**
 * The campaigns chosen in the node, or every active one when none is chosen. An id that is not
 * a campaign id is refused: watching everything instead would emit other clients' responses.
 */
export async function watchedCampaigns(this: IPollFunctions): Promise<number[]> {
	const chosen = chosenCampaignIds.call(this);
	if (chosen.length > 0) return chosen;
	const active = await listCampaigns(this, false);
	return active.map(campaignIdOf).filter((id): id is number => typeof id === 'number');
}

/** Every response of the campaigns between two instants, for "Fetch test event". */
export async function readResponses(
	this: IPollFunctions,
	campaignIds: number[],
	fromInstant: number,
	toInstant: number,
): Promise<CubeResponseRecord[]> {
	const timeZone = this.getTimezone();
	const range = {
		from: cubeDateOfInstant(fromInstant, timeZone),
		to: cubeDateOfInstant(toInstant, timeZone),
	};
	const records: CubeResponseRecord[] = [];
	for (const campaignId of campaignIds) {
		for (const response of await listResponses(this, campaignId, range)) {
			records.push(withCampaign(response, campaignId));
		}
	}
	return records;
}

/** Older Cube versions may leave the campaign out of each record; the key needs it. */
function withCampaign(response: CubeResponseRecord, campaignId: number): CubeResponseRecord {
	return { campaign_id: campaignId, ...response };
}

/** Page `page` of one campaign's responses of Cube dates `from` to `to`. */
async function readPage(
	this: IPollFunctions,
	campaignId: number,
	from: string,
	to: string,
	page: number,
): Promise<ListPage<CubeResponseRecord>> {
	const list = await readResponsePage(this, campaignId, { from, to }, page);
	const records = list.records.map((response) => withCampaign(response, campaignId));
	return { records, count: list.count, hasNext: list.pageSize !== undefined };
}

/** Version 1's lists: each campaign's new responses by Cube date. */
export function responseSource(campaignIds: number[], fullReadEveryMs: number): ListSource<CubeResponseRecord> {
	return {
		event: 'newResponse',
		scopes: campaignIds,
		identity: responseIdentity,
		fullReadEveryMs,
		async readPage(this: IPollFunctions, scope, from, to, page) {
			return await readPage.call(this, Number(scope), from, to, page);
		},
		skippedWhenMissing: (scope) => `campaign ${scope}`,
		knownToV1,
	};
}
