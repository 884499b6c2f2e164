import type { IDataObject } from 'n8n-workflow';

import { recordProblem } from '../../transport/answerShapes';
import { readList } from '../../transport/listEndpoint';
import { cubePaginate } from '../../transport/pagination';
import { cubeRequestBody } from '../../transport/request';
import type { PaginateOptions } from '../../transport/pagination';
import type { CubeContext } from '../../transport/types';
import { onCrmPath } from './crmPaths';
import type { CrmKey, CustomFieldDefinition } from './types';

export async function listCrmCustomers(
	context: CubeContext,
	crm: CrmKey,
	options: PaginateOptions = {},
): Promise<IDataObject[]> {
	return await onCrmPath(
		context,
		crm,
		'customers',
		async (path) => await cubePaginate<IDataObject>(context, path, { ...options, nextLinks: 'pageNumbers' }),
		options.itemIndex,
	);
}

/** `customerId` is the id in the user's own CRM, a string sent as it is (leading zeros kept). */
export async function getCrmCustomer(
	context: CubeContext,
	crm: CrmKey,
	customerId: string,
	itemIndex?: number,
): Promise<IDataObject> {
	return await onCrmPath(
		context,
		crm,
		'customers',
		async (path) =>
			await cubeRequestBody<IDataObject>(context, {
				method: 'GET',
				path: `${path}${encodeURIComponent(customerId)}`,
				itemIndex,
				expect: recordProblem,
			}),
		itemIndex,
	);
}

export async function listCustomFieldDefinitions(
	context: CubeContext,
	crm: CrmKey,
	itemIndex?: number,
): Promise<CustomFieldDefinition[]> {
	return await onCrmPath(
		context,
		crm,
		'crm_custom_fields',
		async (path) => await readList<CustomFieldDefinition>(context, { method: 'GET', path, itemIndex }),
		itemIndex,
	);
}
