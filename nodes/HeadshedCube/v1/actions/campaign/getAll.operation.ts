import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listCampaigns } from '../../api/campaigns';
import { simplifiedCampaign } from '../simplified';

const properties: INodeProperties[] = [
	{
		displayName: 'Include Inactive',
		name: 'includeInactive',
		type: 'boolean',
		default: false,
		description: 'Whether to include campaigns that have ended or been deactivated',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['campaign'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const includeInactive = this.getNodeParameter('includeInactive', itemIndex, false) as boolean;
	return await listCampaigns(this, includeInactive, itemIndex, { acceptAnyGeneration: true });
}

export const simplify = simplifiedCampaign;
