import type { IDataObject } from 'n8n-workflow';

import { cubeReadList } from '../../transport/pagination';
import type { PagedList, PaginateOptions } from '../../transport/pagination';
import type { CubeContext } from '../../transport/types';
import { onCrmPath } from './crmPaths';
import type { CrmKey } from './types';

/** Where call outcomes, customer status and product registrations are read from. */
export type Gen2Scope =
	| { kind: 'campaign'; campaignId: number }
	| { kind: 'crm'; crm: CrmKey }
	| { kind: 'all' };

export type ScopedEndpoint = 'call_outcomes' | 'callflow_customers' | 'product_registrations';

/** The records of one endpoint in a scope, every page read from the request's own path. */
export async function listInScope(
	context: CubeContext,
	endpoint: ScopedEndpoint,
	scope: Gen2Scope,
	options: PaginateOptions = {},
): Promise<IDataObject[]> {
	return (await readInScope(context, endpoint, scope, options)).records;
}

/** As `listInScope`, from `options.startPage` on, with the count and page size Cube gave. */
export async function readInScope(
	context: CubeContext,
	endpoint: ScopedEndpoint,
	scope: Gen2Scope,
	options: PaginateOptions = {},
): Promise<PagedList<IDataObject>> {
	const read = async (path: string) =>
		await cubeReadList<IDataObject>(context, path, { ...options, nextLinks: 'pageNumbers' });
	if (scope.kind === 'campaign') return await read(`/api/v1/campaigns/${scope.campaignId}/${endpoint}/`);
	if (scope.kind === 'crm') return await onCrmPath(context, scope.crm, endpoint, read, options.itemIndex);
	return await read(`/api/v1/${endpoint}/`);
}
