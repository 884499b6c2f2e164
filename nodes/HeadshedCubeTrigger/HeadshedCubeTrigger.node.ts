import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { loadOptions } from '../HeadshedCube/methods';
import { type CubeResponseRecord } from '../HeadshedCube/api/types';
import { readResponses, watchedCampaigns } from './fetchResponses';
import {
	advanceCursor,
	CURSOR_LIMITS,
	isResponseCursor,
	startingCursor,
	submittedAt,
	unseenResponses,
} from './responseCursor';

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
			'Read and write clients, assignments, campaigns, customers and responses in Headshed Cube, or start a workflow for every new response',
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
			let { records } = await readResponses.call(this, campaignIds, now, now);
			if (records.length < TEST_EVENT_COUNT) {
				({ records } = await readResponses.call(this, campaignIds, now - TEST_EVENT_DAYS * 86_400_000, now));
			}
			const newest = records.sort((a, b) => submittedAt(a) - submittedAt(b)).slice(-TEST_EVENT_COUNT);
			return newest.length > 0 ? [this.helpers.returnJsonArray(newest)] : null;
		}

		const state = this.getWorkflowStaticData('node');
		const margin = CURSOR_LIMITS.zoneMarginMs;
		if (!isResponseCursor(state.cursor)) {
			// Activation: remember what is there, emit nothing.
			const { records } = await readResponses.call(this, campaignIds, now - CURSOR_LIMITS.lateArrivalMs - margin, now + margin);
			state.cursor = startingCursor(now, records);
			return null;
		}

		const cursor = state.cursor;
		const budget = (this as unknown as PollBudget).getPollBudgetMs?.();
		const read = await readResponses.call(
			this,
			campaignIds,
			Date.parse(cursor.floor) - CURSOR_LIMITS.lateArrivalMs - margin,
			now + margin,
			{
				startAt: cursor.resumeAt,
				deadline: budget ? now + budget * (1 - BUDGET_RESERVE) : undefined,
			},
		);
		const fresh: CubeResponseRecord[] = unseenResponses(cursor, read.records);
		// Saved only now, after every request succeeded: a failed poll leaves the cursor as it was.
		state.cursor = advanceCursor(cursor, read.records, fresh, read.stoppedAt === undefined, now, read.stoppedAt);
		return fresh.length > 0 ? [this.helpers.returnJsonArray(fresh)] : null;
	}
}
