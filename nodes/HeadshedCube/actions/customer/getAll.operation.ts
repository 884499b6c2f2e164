import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listCustomers } from '../../api/customers';
import { toCubeId } from '../../helpers/ids';
import { assignmentLocator, returnAllAndLimit } from '../common.descriptions';
import { listOptions, readPaging } from '../paging';

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['getAll'] } },
	[assignmentLocator, ...returnAllAndLimit, listOptions()] as INodeProperties[],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const assignment = this.getNodeParameter('assignmentId', itemIndex, undefined, {
		extractValue: true,
	});
	const assignmentId = toCubeId(this.getNode(), assignment, 'Assignment ID', itemIndex);
	return await listCustomers(this, assignmentId, { ...readPaging.call(this, itemIndex), itemIndex });
}
