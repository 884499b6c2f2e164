import type { IPollFunctions } from 'n8n-workflow';

import { toCubeId } from '../../HeadshedCube/helpers/ids';

/** The campaign ids chosen in the node, checked; an empty list when none is chosen. */
export function chosenCampaignIds(this: IPollFunctions): number[] {
	const raw = this.getNodeParameter('campaignIds', []) as unknown;
	// An expression may give one id, a list, or "101, 104"; only a wholly empty value means all.
	const values = Array.isArray(raw) ? raw : typeof raw === 'string' && raw.trim() === '' ? [] : String(raw).split(',');
	const chosen = values.map((value) => toCubeId(this.getNode(), value, 'Each campaign ID to watch', 0));
	return [...new Set(chosen)];
}
