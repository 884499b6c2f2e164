import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listGen2Campaigns } from '../../api/campaigns';
import { isArchived } from '../../api/types';
import { simplifiedCampaign } from '../simplified';

export const description = updateDisplayOptions({ show: { resource: ['campaign'], operation: ['getAll'] } }, [
	{
		displayName: 'Include Archived',
		name: 'includeArchived',
		type: 'boolean',
		default: false,
		description: 'Whether to include archived campaigns',
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const includeArchived = this.getNodeParameter('includeArchived', itemIndex, false) as boolean;
	const campaigns = await listGen2Campaigns(this, itemIndex, { acceptAnyGeneration: true });
	return includeArchived ? campaigns : campaigns.filter((campaign) => !isArchived(campaign));
}

export const simplify = simplifiedCampaign;
