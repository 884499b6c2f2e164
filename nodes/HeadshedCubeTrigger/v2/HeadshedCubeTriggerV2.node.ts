import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodePropertyOptions,
	INodeTypeBaseDescription,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { customFieldLabelsOption } from '../../HeadshedCube/v2/actions/customFieldLabels';
import { crmParameters } from '../../HeadshedCube/v2/actions/parameters';
import { listGen2Campaigns } from '../../HeadshedCube/v2/api/campaigns';
import { parseCubeId } from '../../HeadshedCube/helpers/ids';
import * as listSearch from '../../HeadshedCube/v2/methods/listSearch';
import { pollDeadline, pollNewRecords } from '../polling/pollLists';
import { fullReadEveryMs, fullReadOption } from '../polling/fullReadOption';
import { latestRecords } from '../polling/testEvent';
import { describeTriggerVersion } from '../polling/triggerVersion';
import { submittedMicrosGen2 } from './recordIdentity';
import { gen2Source, isActiveCampaign, readBetween, watchedLists, withLabels } from './watchedLists';

const campaignsScope = { name: 'Campaigns', value: 'campaigns', description: 'The campaigns chosen, or every active one' };
const crmScope = { name: 'CRM', value: 'crm', description: "Every campaign of a data owner's CRM" };
const wholeTenantScope = { name: 'Whole Tenant', value: 'all', description: 'Every campaign of the tenant' };

/** Version 2: new call outcomes or product registrations in Cube's generation-2 API (2020 on). */
export class HeadshedCubeTriggerV2 {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		const showForScope = (scope: string) => ({ show: { scope: [scope] } });
		this.description = describeTriggerVersion(baseDescription, 2, '={{ $parameter["event"] === "newProductRegistration" ? "New product registrations" : "New call outcomes" }}', [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'New Call Outcome', value: 'newCallOutcome', description: 'A call outcome is registered' },
					{
						name: 'New Product Registration',
						value: 'newProductRegistration',
						description: 'A product is registered on a call',
					},
				],
				default: 'newCallOutcome',
			},
			{
				displayName: 'Scope',
				name: 'scope',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { event: ['newCallOutcome'] } },
				options: [campaignsScope, crmScope, wholeTenantScope],
				default: 'campaigns',
			},
			{
				displayName: 'Scope',
				name: 'scope',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { event: ['newProductRegistration'] } },
				options: [campaignsScope, crmScope],
				default: 'campaigns',
			},
			{
				displayName: 'Campaign Names or IDs',
				name: 'campaignIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getActiveCampaigns' },
				displayOptions: showForScope('campaigns'),
				default: [],
				description:
					'The campaigns to watch; none means every active campaign. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			...crmParameters.map((parameter) => ({ ...parameter, displayOptions: showForScope('crm') })),
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				// in the value, so that the editor shows the option on instead of "No properties"
				default: { customFieldLabels: true },
				options: [customFieldLabelsOption, fullReadOption],
			},
		]);
	}

	methods = {
		listSearch,
		loadOptions: {
			async getActiveCampaigns(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				return (await listGen2Campaigns(this)).filter(isActiveCampaign).flatMap((campaign) => {
					const id = parseCubeId(campaign.campaign__id);
					return id === undefined ? [] : [{ name: String(campaign.campaign__name ?? id), value: id }];
				});
			},
		},
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const now = Date.now();
		const watched = await watchedLists.call(this);
		if (this.getMode() === 'manual') {
			const read = async (from: number, to: number) => await readBetween.call(this, watched, from, to);
			const latest = await latestRecords(read, submittedMicrosGen2, now);
			return latest.length > 0 ? [this.helpers.returnJsonArray(await withLabels.call(this, watched, latest))] : null;
		}
		// Labels are read before the state is saved: a failed lookup emits nothing and saves nothing.
		const build = async (records: IDataObject[]) => await withLabels.call(this, watched, records);
		const items = await pollNewRecords(this, gen2Source(watched, fullReadEveryMs(this)), now, pollDeadline(this, now), build);
		return items && items.length > 0 ? [this.helpers.returnJsonArray(items)] : null;
	}
}
