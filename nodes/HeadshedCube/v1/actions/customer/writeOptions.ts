import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { wholeNumberParameter } from '../../../parameters/wholeNumberParameter';

export const DEFAULT_REQUESTS_AT_ONCE = 8;

/** More would load the tenant for little gain: at 20 ms a request, 8 already give ~400 items/s. */
export const MAX_REQUESTS_AT_ONCE = 20;

/** The "Options" of the customer writes (create, update, create or update). */
export const customerWriteOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Requests at Once',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_REQUESTS_AT_ONCE },
			default: DEFAULT_REQUESTS_AT_ONCE,
			description:
				'How many items to send to Cube at the same time. Higher imports faster and loads your Cube tenant more; 1 sends one item after another.',
		},
	],
};

/** "Requests at Once" of the execution, as the first item sets it. */
export function readRequestsAtOnce(this: IExecuteFunctions, itemIndex: number): number {
	return wholeNumberParameter.call(
		this,
		'options.concurrency',
		'Requests at Once',
		DEFAULT_REQUESTS_AT_ONCE,
		itemIndex,
		MAX_REQUESTS_AT_ONCE,
	);
}
