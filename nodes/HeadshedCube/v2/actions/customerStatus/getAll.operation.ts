import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ExecutionCache } from '../../../execution/executionCache';
import { executeScopedList, scopedListDescription, type ScopedList } from '../scopedList';
import { simplifiedCustomerStatus } from '../simplified';

const list: ScopedList = {
	resource: 'customerStatus',
	endpoint: 'callflow_customers',
	withAll: false,
	own: [
		{
			displayName: 'Call State',
			name: 'callState',
			type: 'string',
			default: '',
			placeholder: 'e.g. Completed - Yes',
			description:
				"Only customers in this state of the campaign's call flow, such as Completed - Yes. Empty means every state.",
		},
	],
};

export const description = scopedListDescription(list);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	cache: ExecutionCache,
): Promise<IDataObject[]> {
	const callState = String(this.getNodeParameter('callState', itemIndex, '') ?? '').trim();
	if (!callState) return await executeScopedList.call(this, list, itemIndex, cache);
	// Only a campaign's endpoint documents `call_state`; a CRM's list is filtered here.
	return await executeScopedList.call(this, list, itemIndex, cache, (scope) =>
		scope.kind === 'campaign'
			? { qs: { call_state: callState } }
			: { keep: (record) => record.callflow__callstate__name === callState },
	);
}

export const simplify = simplifiedCustomerStatus;
