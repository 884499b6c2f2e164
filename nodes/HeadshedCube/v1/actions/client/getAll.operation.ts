import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listAssignments } from '../../api/assignments';
import { clientOf } from '../../api/types';
import { simplifiedClient } from '../simplified';

export const description: INodeProperties[] = [];

/** Cube has no client endpoint: the clients are the distinct owners of the assignments. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const clients = new Map<string, IDataObject>();
	for (const assignment of await listAssignments(this, itemIndex)) {
		const client = clientOf(assignment);
		if (client.client_id === undefined) continue;
		const key = String(client.client_id);
		if (!clients.has(key)) clients.set(key, client);
	}
	return [...clients.values()];
}

export const simplify = simplifiedClient;
