import type { IPollFunctions } from 'n8n-workflow';

import { listCampaigns } from '../HeadshedCube/api/campaigns';
import { listResponses } from '../HeadshedCube/api/responses';
import { campaignIdOf, type CubeResponseRecord } from '../HeadshedCube/api/types';
import { cubeDateOfInstant } from '../HeadshedCube/helpers/cubeDate';

/** The campaigns chosen in the node, or every active one when none is chosen. */
export async function watchedCampaigns(this: IPollFunctions): Promise<number[]> {
	const chosen = (this.getNodeParameter('campaignIds', []) as Array<number | string>)
		.map(Number)
		.filter((id) => Number.isSafeInteger(id) && id > 0);
	if (chosen.length > 0) return [...new Set(chosen)];
	const active = await listCampaigns(this, false);
	return active.map(campaignIdOf).filter((id): id is number => typeof id === 'number');
}

export interface ResponsesRead {
	records: CubeResponseRecord[];
	/** Index of the first campaign not read, when the poll ran out of time. */
	stoppedAt?: number;
}

/**
 * Reads the responses submitted between two instants from each campaign, starting at
 * `startAt` in the list. Cube filters by calendar date only, so whole days are asked for.
 */
export async function readResponses(
	this: IPollFunctions,
	campaignIds: number[],
	fromInstant: number,
	toInstant: number,
	options: { startAt?: number; deadline?: number } = {},
): Promise<ResponsesRead> {
	const timeZone = this.getTimezone();
	const range = {
		from: cubeDateOfInstant(fromInstant, timeZone),
		to: cubeDateOfInstant(toInstant, timeZone),
	};
	const records: CubeResponseRecord[] = [];
	const startAt = (options.startAt ?? 0) % Math.max(1, campaignIds.length);
	for (let step = 0; step < campaignIds.length; step++) {
		const index = (startAt + step) % campaignIds.length;
		if (step > 0 && options.deadline !== undefined && Date.now() > options.deadline) {
			return { records, stoppedAt: index };
		}
		const campaignId = campaignIds[index];
		const responses = await listResponses(this, campaignId, range);
		// Older Cube versions may leave the campaign out of each record; the key needs it.
		records.push(...responses.map((response) => ({ campaign_id: campaignId, ...response })));
	}
	return { records };
}
