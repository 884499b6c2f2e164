import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { listCampaigns } from '../../api/campaigns';
import { listCustomers } from '../../api/customers';
import { listResponses } from '../../api/responses';
import { campaignAssignmentIdOf, campaignIdOf, type CubeCustomer, type CubeResponseRecord } from '../../api/types';
import { readCampaignId } from '../../../helpers/ids';
import { campaignLocator, returnAllAndLimit } from '../../../parameters/common.descriptions';
import { dateRangeParameters, readDateRange } from '../../../parameters/dateRange';
import type { ExecutionCache } from '../../../execution/executionCache';
import { listOptions, readPaging, type Paging } from '../../../parameters/paging';
import { simplifiedResponse } from '../simplified';

const properties: INodeProperties[] = [
	campaignLocator,
	...dateRangeParameters('responses'),
	...returnAllAndLimit,
	listOptions([
		{
			displayName: 'Include Customer',
			name: 'includeCustomer',
			type: 'boolean',
			default: false,
			description:
				"Whether to add each response's customer card (from the campaign's assignment) as a \"customer\" field",
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['response'], operation: ['getAll'] } },
	properties,
);

async function customerIndexOfCampaign(
	this: IExecuteFunctions,
	campaignId: number,
	cache: ExecutionCache,
	itemIndex: number,
	concurrency: number,
): Promise<Map<string, CubeCustomer>> {
	const campaigns = await cache.remember('campaigns:all', async () => await listCampaigns(this, true, itemIndex));
	const campaign = campaigns.find((candidate) => campaignIdOf(candidate) === campaignId);
	const assignmentId = campaign && campaignAssignmentIdOf(campaign);
	if (assignmentId === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`Campaign ${campaignId} is not in Cube's campaign list, so its customers cannot be found`,
			{ itemIndex, description: 'Check the campaign, or turn off "Include Customer".' },
		);
	}
	return await cache.remember(`customers:${assignmentId}`, async () => {
		const customers = await listCustomers(this, assignmentId, { concurrency, itemIndex });
		return new Map(customers.map((customer) => [String(customer.customer_id), customer]));
	});
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	cache: ExecutionCache,
): Promise<IDataObject[]> {
	const campaignId = readCampaignId.call(this, itemIndex);
	const range = readDateRange.call(this, itemIndex);
	const includeCustomer = this.getNodeParameter('options.includeCustomer', itemIndex, false) as boolean;

	const paging: Paging = readPaging.call(this, itemIndex);
	const responses: CubeResponseRecord[] = await listResponses(this, campaignId, range, { ...paging, itemIndex });
	if (!includeCustomer || responses.length === 0) return responses;

	const customers = await customerIndexOfCampaign.call(this, campaignId, cache, itemIndex, paging.concurrency);
	return responses.map((response) => ({
		...response,
		customer: customers.get(String(response.crm_customer_id)) ?? null,
	}));
}

export const simplify = simplifiedResponse;
