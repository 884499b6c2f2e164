import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { loadOptions } from '../HeadshedCube/methods';
import { readResponses, watchedCampaigns } from './readResponses';
import { pollNewResponses } from './pollResponses';
import { submittedMicros } from './responseCursor';

/** "Fetch test event" looks this far back when today has nothing to show. */
const TEST_EVENT_DAYS = 7;
const TEST_EVENT_COUNT = 10;
/** Part of n8n's poll budget kept for emitting and saving. */
const BUDGET_RESERVE = 0.2;

type PollBudget = { getPollBudgetMs?: () => number | undefined };

export class HeadshedCubeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Headshed Cube Trigger',
		name: 'headshedCubeTrigger',
		icon: { light: 'file:headshedCube.svg', dark: 'file:headshedCube.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "New responses" }}',
		// n8n's node panel lists this trigger and the Headshed Cube node as one entry and shows the
		// trigger's description for both, above the node's actions too: it has to speak for both.
		description:
			'Read customers, call outcomes and campaigns in Headshed Cube, or start a workflow for every new response',
		// n8n's Docs link adds its query after the codex URL, fragment and all; this one it uses as is
		documentationUrl: 'https://github.com/Headshed/n8n-nodes-headshed-cube#headshed-cube-trigger',
		defaults: { name: 'Headshed Cube Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'headshedCubeApi', required: true }],
		properties: [
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
		],
	};

	methods = { loadOptions };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const now = Date.now();
		const campaignIds = await watchedCampaigns.call(this);

		if (this.getMode() === 'manual') {
			// Today first; the week only when today has too little to show.
			let records = await readResponses.call(this, campaignIds, now, now);
			if (records.length < TEST_EVENT_COUNT) {
				records = await readResponses.call(this, campaignIds, now - TEST_EVENT_DAYS * 86_400_000, now);
			}
			const newest = records.sort((a, b) => submittedMicros(a) - submittedMicros(b)).slice(-TEST_EVENT_COUNT);
			return newest.length > 0 ? [this.helpers.returnJsonArray(newest)] : null;
		}

		const budget = (this as unknown as PollBudget).getPollBudgetMs?.();
		const deadline = budget ? now + budget * (1 - BUDGET_RESERVE) : undefined;
		const fresh = await pollNewResponses.call(this, campaignIds, now, deadline);
		return fresh.length > 0 ? [this.helpers.returnJsonArray(fresh)] : null;
	}
}
