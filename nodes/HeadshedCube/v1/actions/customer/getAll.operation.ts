import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listCustomers } from '../../api/customers';
import { readAssignmentId } from '../../../helpers/ids';
import { assignmentLocator, returnAllAndLimit } from '../../../parameters/common.descriptions';
import { listOptions, readPaging } from '../../../parameters/paging';
import { simplifiedCustomer } from '../simplified';

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['getAll'] } },
	[assignmentLocator, ...returnAllAndLimit, listOptions()] as INodeProperties[],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const assignmentId = readAssignmentId.call(this, itemIndex);
	return await listCustomers(this, assignmentId, { ...readPaging.call(this, itemIndex), itemIndex });
}

export const simplify = simplifiedCustomer;
