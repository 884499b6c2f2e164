import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { listCampaigns } from '../../api/campaigns';
import { listCustomers } from '../../api/customers';
import { listResponses, type ResponseDateRange } from '../../api/responses';
import { campaignAssignmentIdOf, campaignIdOf, type CubeCustomer, type CubeResponseRecord } from '../../api/types';
import { CubeDateError, cubeDateOfInstant, showCubeDate, toCubeDate } from '../../helpers/cubeDate';
import { toCubeId } from '../../helpers/ids';
import { asNodeError } from '../../transport';
import { campaignLocator, returnAllAndLimit } from '../common.descriptions';
import type { ExecutionCache } from '../executionCache';
import { listOptions, readPaging, type Paging } from '../paging';

const properties: INodeProperties[] = [
	campaignLocator,
	{
		displayName: 'From Date',
		name: 'fromDate',
		type: 'dateTime',
		default: '',
		description:
			"First day of responses to return, in the workflow's time zone. Empty means today.",
	},
	{
		displayName: 'To Date',
		name: 'toDate',
		type: 'dateTime',
		default: '',
		description:
			"Last day of responses to return, in the workflow's time zone. Empty means the same as Cube's default, today.",
	},
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

function readDateRange(this: IExecuteFunctions, itemIndex: number): ResponseDateRange {
	const timeZone = this.getTimezone();
	const read = (name: 'fromDate' | 'toDate', label: string) => {
		try {
			return toCubeDate(this.getNodeParameter(name, itemIndex, ''), timeZone);
		} catch (error) {
			if (!(error instanceof CubeDateError)) throw asNodeError(this.getNode(), error, itemIndex);
			throw new NodeOperationError(this.getNode(), `${label}: ${error.message}`, {
				itemIndex,
				description: 'Use a date such as 2024-05-31, or leave the field empty for today.',
			});
		}
	};
	const to = read('toDate', 'To Date');
	// The API's path has no way to say "up to a day" without a start, so a lone end starts today.
	const from = read('fromDate', 'From Date') ?? (to ? cubeDateOfInstant(Date.now(), timeZone) : undefined);
	if (from && to && from > to) {
		throw new NodeOperationError(
			this.getNode(),
			`From Date (${showCubeDate(from)}) is after To Date (${showCubeDate(to)})`,
			{
				itemIndex,
				description: 'Swap the dates, or set a From Date when the To Date lies before today.',
			},
		);
	}
	return { from, to };
}

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
	const campaign = this.getNodeParameter('campaignId', itemIndex, undefined, { extractValue: true });
	const campaignId = toCubeId(this.getNode(), campaign, 'Campaign ID', itemIndex);
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
