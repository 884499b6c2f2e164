import { isNotFoundError } from '../../transport/errors';
import { asNodeError } from '../../transport/nodeError';
import type { CubeContext } from '../../transport/types';
import type { CrmKey } from './types';

export type CrmEndpoint =
	| 'customers'
	| 'crm_custom_fields'
	| 'call_outcomes'
	| 'callflow_customers'
	| 'product_registrations';

/** The endpoints whose documented path has the `crm/` segment; the others lack it. */
const DOCUMENTED_WITH_CRM_SEGMENT = new Set<CrmEndpoint>([
	'call_outcomes',
	'callflow_customers',
	'product_registrations',
]);

function crmPath({ dataOwnerId, crmType }: CrmKey, endpoint: CrmEndpoint, withSegment: boolean): string {
	return `/api/v1/data_owners/${dataOwnerId}/${withSegment ? 'crm/' : ''}${crmType}/${endpoint}/`;
}


/**
 * Reads `endpoint` of a CRM on its documented path; where that answers 404, on the other form
 * (with or without `crm/`), since the documents disagree between versions. When both answer
 * 404, the documented path's error is the one reported.
 */
export async function onCrmPath<T>(
	context: CubeContext,
	crm: CrmKey,
	endpoint: CrmEndpoint,
	read: (path: string) => Promise<T>,
	itemIndex?: number,
): Promise<T> {
	const documented = DOCUMENTED_WITH_CRM_SEGMENT.has(endpoint);
	try {
		return await read(crmPath(crm, endpoint, documented));
	} catch (error) {
		if (!isNotFoundError(error)) throw asNodeError(context.getNode(), error, itemIndex);
		try {
			return await read(crmPath(crm, endpoint, !documented));
		} catch (otherError) {
			throw asNodeError(context.getNode(), isNotFoundError(otherError) ? error : otherError, itemIndex);
		}
	}
}
