import type {
	INodeExecutionData,
	INodeTypeBaseDescription,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import * as loadOptions from '../../HeadshedCube/v1/methods/loadOptions';
import { readResponses, responseSource, watchedCampaigns } from './readResponses';
import { pollDeadline, pollNewRecords } from '../polling/pollLists';
import { submittedMicros } from './responseIdentity';
import { fullReadEveryMs, fullReadOption } from '../polling/fullReadOption';
import { latestRecords } from '../polling/testEvent';
import { describeTriggerVersion } from '../polling/triggerVersion';

/** Version 1: new responses of generation-1 campaigns (Cube's 2017 API). */
export class HeadshedCubeTriggerV1 {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = describeTriggerVersion(baseDescription, 1, '={{ "New responses" }}', [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{
						name: 'New Response',
						value: 'newResponse',
						description: 'A response (call outcome) is registered in a watched campaign',
					},
				],
				default: 'newResponse',
			},
			{
				displayName: 'Campaign Names or IDs',
				name: 'campaignIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getActiveCampaigns' },
				default: [],
				description:
					'The campaigns to watch; none means every active campaign. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [fullReadOption],
			},
		]);
	}

	methods = { loadOptions };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const now = Date.now();
		const campaignIds = await watchedCampaigns.call(this);

		if (this.getMode() === 'manual') {
			const read = async (from: number, to: number) => await readResponses.call(this, campaignIds, from, to);
			const newest = await latestRecords(read, submittedMicros, now);
			return newest.length > 0 ? [this.helpers.returnJsonArray(newest)] : null;
		}

		const source = responseSource(campaignIds, fullReadEveryMs(this));
		const fresh = await pollNewRecords(this, source, now, pollDeadline(this, now), async (records) => records);
		return fresh && fresh.length > 0 ? [this.helpers.returnJsonArray(fresh)] : null;
	}
}
