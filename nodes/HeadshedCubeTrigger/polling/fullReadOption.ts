import type { INodeProperties, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CURSOR_LIMITS } from './cursorState';

/**
 * How often the trigger reads every page of the watched dates. Cheap polls read only the end of
 * a list where new records come in; the full read also finds what they cannot see (a record
 * listed late among older ones while another was deleted, a change of order).
 */
export const fullReadOption: INodeProperties = {
	displayName: 'Full Read Every (Minutes)',
	name: 'fullReadMinutes',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 60,
	description:
		'How often every page of the watched days is read. A record that the quicker polls cannot see is emitted within this time; each full read costs one request per page of those days.',
};

/** The full read's interval in milliseconds, checked: a whole number of minutes, at least 1. */
export function fullReadEveryMs(context: IPollFunctions): number {
	const minutes = context.getNodeParameter('options.fullReadMinutes', CURSOR_LIMITS.defaultFullReadMs / 60_000) as unknown;
	const value = typeof minutes === 'string' && minutes.trim() !== '' ? Number(minutes) : minutes;
	if (typeof value !== 'number' || !Number.isFinite(value) || value < 1) {
		throw new NodeOperationError(context.getNode(), `Full Read Every (Minutes) must be a number of at least 1, got ${JSON.stringify(minutes)}`, {
			description: 'Set the option to how many minutes may pass between full reads, e.g. 60.',
		});
	}
	return Math.round(value * 60_000);
}
