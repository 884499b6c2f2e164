import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listAssignments } from '../../api/assignments';
import { simplifiedAssignment } from '../simplified';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await listAssignments(this, itemIndex);
}

export const simplify = simplifiedAssignment;
