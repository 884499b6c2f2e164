import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { wholeNumberWithin } from '../helpers/bounds';
import { DEFAULT_PAGE_CONCURRENCY } from '../transport';

export const MAX_PAGE_CONCURRENCY = 10;

/** An option of list operations: how many pages may be read from Cube at the same time. */
export const pageConcurrencyOption: INodeProperties = {
	displayName: 'Pages at Once',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_PAGE_CONCURRENCY },
	default: DEFAULT_PAGE_CONCURRENCY,
	description:
		'How many pages to request from Cube at the same time once the first page has told how many there are. Lower it if Cube throttles you.',
};

/** The "Options" of a list operation: its own options, then "Pages at Once". */
export function listOptions(own: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...own, pageConcurrencyOption],
	};
}

export interface Paging {
	/** Undefined for "Return All". */
	limit?: number;
	concurrency: number;
}

/** "Return All", "Limit" and "Pages at Once" of one item. */
export function readPaging(this: IExecuteFunctions, itemIndex: number): Paging {
	const concurrency = this.getNodeParameter('options.concurrency', itemIndex, DEFAULT_PAGE_CONCURRENCY);
	const paging: Paging = {
		concurrency: wholeNumberWithin(concurrency, 1, MAX_PAGE_CONCURRENCY, DEFAULT_PAGE_CONCURRENCY),
	};
	if (!(this.getNodeParameter('returnAll', itemIndex, false) as boolean)) {
		paging.limit = Math.max(1, Math.floor(this.getNodeParameter('limit', itemIndex, 50) as number));
	}
	return paging;
}
