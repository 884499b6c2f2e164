import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { ExecutionCache } from '../../../execution/executionCache';
import { returnAllAndLimit } from '../../../parameters/common.descriptions';
import { readPaging } from '../../../parameters/paging';
import { isNotFoundError } from '../../../transport/errors';
import { asNodeError } from '../../../transport/nodeError';
import { getCrmCustomer, listCrmCustomers } from '../../api/customers';
import type { CrmKey } from '../../api/types';
import { labelledListOptions, labelCrmRecordsIfAsked } from '../customFieldLabels';
import { crmParameters, readCrm } from '../parameters';
import { simplifiedCustomer } from '../simplified';
import { customerMatcher, SEARCH_BY, searchValueProblem, type SearchBy } from './customerMatch';

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['search'] } }, [
	...crmParameters,
	{
		displayName: 'Search By',
		name: 'searchBy',
		type: 'options',
		options: [
			{ name: 'Customer ID', value: 'customerId', description: "The customer's ID in your own CRM, exactly" },
			{ name: 'Email', value: 'email', description: 'The whole e-mail address, in any case' },
			{ name: 'Name', value: 'name', description: 'Part of the name, in any case' },
			{
				name: 'Phone',
				value: 'phone',
				description: 'Any of the phone numbers, with or without country code, spaces or dashes',
			},
		],
		default: 'phone',
		description: 'What the search value is',
	},
	{
		displayName: 'Search Value',
		name: 'searchValue',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. +47 954 99 097',
		description:
			'The phone number (+4795499097, 004795499097 and 95499097 are one number), e-mail address, part of the name, or customer ID to find',
	},
	...returnAllAndLimit,
	labelledListOptions(),
]);

function readSearch(this: IExecuteFunctions, itemIndex: number): { searchBy: SearchBy; value: string } {
	const searchBy = this.getNodeParameter('searchBy', itemIndex, 'phone') as SearchBy;
	const raw = this.getNodeParameter('searchValue', itemIndex, '') as unknown;
	const value = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (!SEARCH_BY.includes(searchBy)) {
		throw new NodeOperationError(this.getNode(), `Search By ${JSON.stringify(searchBy)} is not offered`, {
			itemIndex,
			description: 'Choose phone, email, name or customerId.',
		});
	}
	const problem = searchValueProblem(searchBy, value);
	if (problem) {
		throw new NodeOperationError(this.getNode(), problem, {
			itemIndex,
			description: `Give the ${searchBy === 'customerId' ? 'customer ID' : searchBy} to search for, e.g. from the question asked or from a field of the input item.`,
		});
	}
	return { searchBy, value };
}

/** The customer of that CRM id, or none: one request (two where the documented path answers 404). */
async function byCustomerId(this: IExecuteFunctions, crm: CrmKey, customerId: string, itemIndex: number) {
	try {
		return [await getCrmCustomer(this, crm, customerId, itemIndex)];
	} catch (error) {
		if (isNotFoundError(error)) return [];
		throw asNodeError(this.getNode(), error, itemIndex);
	}
}

/**
 * The customers that match, in Cube's order. The list is read Pages at Once at a time, and
 * reading stops after the batch that brings Limit matches; only a search that finds fewer than
 * Limit (or Return All) reads the whole list.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	cache: ExecutionCache,
): Promise<IDataObject[]> {
	const crm = readCrm.call(this, itemIndex);
	const { searchBy, value } = readSearch.call(this, itemIndex);
	const customers =
		searchBy === 'customerId'
			? await byCustomerId.call(this, crm, value, itemIndex)
			: await listCrmCustomers(this, crm, {
					...readPaging.call(this, itemIndex),
					keep: customerMatcher(searchBy, value),
					itemIndex,
				});
	return await labelCrmRecordsIfAsked.call(this, cache, crm, customers, itemIndex);
}

export const simplify = simplifiedCustomer;
