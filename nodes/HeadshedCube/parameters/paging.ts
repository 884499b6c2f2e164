import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_PAGE_CONCURRENCY } from '../transport/pagination';
import { wholeNumberParameter } from './wholeNumberParameter';

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
	const paging: Paging = {
		concurrency: wholeNumberParameter.call(
			this,
			'options.concurrency',
			'Pages at Once',
			DEFAULT_PAGE_CONCURRENCY,
			itemIndex,
			MAX_PAGE_CONCURRENCY,
		),
	};
	if (!(this.getNodeParameter('returnAll', itemIndex, false) as boolean)) {
		paging.limit = wholeNumberParameter.call(this, 'limit', 'Limit', 50, itemIndex);
	}
	return paging;
}
