import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../parameters/common.descriptions';
import type { ExecutionCache } from '../../../execution/executionCache';
import { readPaging } from '../../../parameters/paging';
import { listCrmCustomers } from '../../api/customers';
import { labelledListOptions, labelCrmRecordsIfAsked } from '../customFieldLabels';
import { crmParameters, readCrm } from '../parameters';
import { simplifiedCustomer } from '../simplified';

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['getAll'] } }, [
	...crmParameters,
	...returnAllAndLimit,
	labelledListOptions(),
]);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	cache: ExecutionCache,
): Promise<IDataObject[]> {
	const crm = readCrm.call(this, itemIndex);
	const customers = await listCrmCustomers(this, crm, { ...readPaging.call(this, itemIndex), itemIndex });
	return await labelCrmRecordsIfAsked.call(this, cache, crm, customers, itemIndex);
}

export const simplify = simplifiedCustomer;
