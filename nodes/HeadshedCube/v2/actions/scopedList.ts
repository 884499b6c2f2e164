import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../parameters/common.descriptions';
import { dateRangeParameters } from '../../parameters/dateRange';
import type { ExecutionCache } from '../../execution/executionCache';
import { readPaging } from '../../parameters/paging';
import type { CubeOperation } from '../../execution/types';
import type { Simplifier } from '../../helpers/simplify';
import { listInScope, type Gen2Scope, type ScopedEndpoint } from '../api/scopedLists';
import { labelledListOptions, labelRecords, readCustomFieldLabels } from './customFieldLabels';
import { readDateQuery } from './datedQuery';
import { scopeParameters, readScope } from './parameters';

/** What call outcomes, customer status and product registrations have in common. */
export interface ScopedList {
	resource: string;
	endpoint: ScopedEndpoint;
	/** Whether the whole tenant is a scope (call outcomes only). */
	withAll: boolean;
	/** Parameters between the scope and "Return All". */
	own: INodeProperties[];
}

export function scopedListDescription({ resource, withAll, own }: ScopedList): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: [resource], operation: ['getAll'] } }, [
		...scopeParameters(withAll),
		...own,
		...returnAllAndLimit,
		labelledListOptions(),
	]);
}

export interface ScopedQuery {
	qs?: IDataObject;
	/** Where the scope's endpoint has no filter of its own: the records to keep. */
	keep?: (record: IDataObject) => boolean;
}

/** Reads the list of one item's scope, with its query (dates, state), labelled where asked. */
export async function executeScopedList(
	this: IExecuteFunctions,
	list: ScopedList,
	itemIndex: number,
	cache: ExecutionCache,
	queryOf: (scope: Gen2Scope) => ScopedQuery = () => ({}),
): Promise<IDataObject[]> {
	const scope = readScope.call(this, itemIndex, list.withAll);
	const { qs, keep } = queryOf(scope);
	const { limit, concurrency } = readPaging.call(this, itemIndex);
	const read = await listInScope(this, list.endpoint, scope, {
		// A filter of the node's own needs every record before it can count to the limit.
		limit: keep ? undefined : limit,
		concurrency,
		qs,
		itemIndex,
	});
	const records = keep ? read.filter(keep).slice(0, limit) : read;
	if (!readCustomFieldLabels.call(this, itemIndex)) return records;
	return await labelRecords.call(this, cache, scope, records, itemIndex);
}

/** An operation whose list is filtered by From and To Date: call outcomes, product registrations. */
export function datedScopedList(
	list: Omit<ScopedList, 'own'> & { records: string; simplify: Simplifier },
): CubeOperation {
	const scoped: ScopedList = { ...list, own: dateRangeParameters(list.records) };
	return {
		description: scopedListDescription(scoped),
		simplify: list.simplify,
		async execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject[]> {
			return await executeScopedList.call(this, scoped, itemIndex, cache, () => ({
				qs: readDateQuery.call(this, itemIndex),
			}));
		},
	};
}
