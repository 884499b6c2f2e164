import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CubeDateError, cubeDateOfInstant, showCubeDate, toCubeDate } from '../helpers/cubeDate';
import { asNodeError } from '../transport/nodeError';

/** Days as Cube filters them, `YYYYMMDD`; undefined leaves the day to Cube (its today). */
export interface CubeDateRange {
	from?: string;
	to?: string;
}

/** "From Date" and "To Date" of a list of `records` (e.g. "responses"). */
export function dateRangeParameters(records: string): INodeProperties[] {
	return [
		{
			displayName: 'From Date',
			name: 'fromDate',
			type: 'dateTime',
			default: '',
			description: `First day of ${records} to return, in the workflow's time zone. Empty means today.`,
		},
		{
			displayName: 'To Date',
			name: 'toDate',
			type: 'dateTime',
			default: '',
			description: `Last day of ${records} to return, in the workflow's time zone. Empty means the same as Cube's default, today.`,
		},
	];
}

/** The item's dates in the workflow's time zone; unreadable dates and From after To are refused. */
export function readDateRange(this: IExecuteFunctions, itemIndex: number): CubeDateRange {
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
	// Cube has no way to say "up to a day" without a start, so a lone end starts today.
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
