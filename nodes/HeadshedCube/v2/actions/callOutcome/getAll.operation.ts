import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { dateRangeParameters } from '../../../actions/dateRange';
import type { ExecutionCache } from '../../../actions/executionCache';
import { readDateQuery } from '../datedQuery';
import { executeScopedList, scopedListDescription, type ScopedList } from '../scopedList';

const list: ScopedList = {
	resource: 'callOutcome',
	endpoint: 'call_outcomes',
	withAll: true,
	own: dateRangeParameters('call outcomes'),
};

export const description = scopedListDescription(list);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	cache: ExecutionCache,
): Promise<IDataObject[]> {
	return await executeScopedList.call(this, list, itemIndex, cache, () => ({
		qs: readDateQuery.call(this, itemIndex),
	}));
}
