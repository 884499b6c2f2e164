import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readDateRange } from '../../parameters/dateRange';

/** From and To Date as generation 2's query parameters; an empty date is left to Cube (today). */
export function readDateQuery(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const { from, to } = readDateRange.call(this, itemIndex);
	return { ...(from ? { from_date: from } : {}), ...(to ? { to_date: to } : {}) };
}
