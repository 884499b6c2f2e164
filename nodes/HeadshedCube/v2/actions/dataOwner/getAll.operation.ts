import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ExecutionCache } from '../../../execution/executionCache';
import { dataOwnersIn } from '../../api/campaigns';
import { campaignsOnce } from '../campaigns';
import { simplifiedDataOwner } from '../simplified';

export const description: INodeProperties[] = [];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	cache: ExecutionCache,
): Promise<IDataObject[]> {
	return dataOwnersIn(await campaignsOnce.call(this, cache, itemIndex));
}

export const simplify = simplifiedDataOwner;
