import type { IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readCampaignId, toCubeId } from '../../helpers/ids';
import { campaignLocator, idLocator } from '../../parameters/common.descriptions';
import type { Gen2Scope } from '../api/scopedLists';
import { CRM_TYPES, isCrmType, type CrmKey } from '../api/types';

export const dataOwnerLocator: INodeProperties = {
	...idLocator('dataOwnerId', 'Data Owner', 'searchDataOwners', 'e.g. 12'),
	description: 'The data owner whose CRM to read: its ID, a whole number, as Data Owner → Get Many lists it',
};

export const crmTypeParameter: INodeProperties = {
	displayName: 'CRM Type',
	name: 'crmType',
	type: 'options',
	options: [
		{ name: 'B2B', value: 'B2B', description: "The data owner's business CRM" },
		{ name: 'B2C', value: 'B2C', description: "The data owner's consumer CRM" },
	],
	default: 'B2C',
	description: 'Which of the data owner\'s two CRMs: B2C (consumers) or B2B (businesses)',
};

/** A data owner's CRM: the data owner and the CRM type. */
export const crmParameters: INodeProperties[] = [dataOwnerLocator, crmTypeParameter];

/** "Scope", and the campaign or CRM it asks for. `withAll`: the whole tenant is a choice too. */
export function scopeParameters(withAll: boolean): INodeProperties[] {
	const scope: INodeProperties = {
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Campaign', value: 'campaign', description: 'One campaign' },
			{ name: 'CRM', value: 'crm', description: "Every campaign of a data owner's CRM" },
			...(withAll ? [{ name: 'Whole Tenant', value: 'all', description: 'Every campaign' }] : []),
		],
		default: 'campaign',
		description: withAll
			? 'Where to read: one campaign, every campaign of a CRM, or the whole tenant'
			: 'Where to read: one campaign, or every campaign of a CRM',
	};
	const showFor = (value: string) => ({ show: { scope: [value] } });
	return [
		scope,
		{ ...campaignLocator, displayOptions: showFor('campaign') },
		...crmParameters.map((parameter) => ({ ...parameter, displayOptions: showFor('crm') })),
	];
}

export function readCrm(this: IExecuteFunctions, itemIndex: number): CrmKey {
	const owner = this.getNodeParameter('dataOwnerId', itemIndex, undefined, { extractValue: true });
	const crmType = this.getNodeParameter('crmType', itemIndex, 'B2C') as unknown;
	return toCrmKey(this.getNode(), owner, crmType, itemIndex);
}

/** A data owner id and CRM type as given, checked: a CRM type other than B2C or B2B is refused. */
export function toCrmKey(node: INode, owner: unknown, crmType: unknown, itemIndex = 0): CrmKey {
	const dataOwnerId = toCubeId(node, owner, 'Data Owner ID', itemIndex);
	if (!isCrmType(crmType)) {
		throw new NodeOperationError(
			node,
			`CRM Type must be ${CRM_TYPES.join(' or ')} (got ${JSON.stringify(crmType)})`,
			{ itemIndex, description: 'Every data owner has at most two CRMs: B2C (consumers) and B2B (businesses).' },
		);
	}
	return { dataOwnerId, crmType };
}

export function readScope(this: IExecuteFunctions, itemIndex: number, withAll: boolean): Gen2Scope {
	const scope = this.getNodeParameter('scope', itemIndex, 'campaign') as unknown;
	if (scope === 'campaign') {
		return { kind: 'campaign', campaignId: readCampaignId.call(this, itemIndex) };
	}
	if (scope === 'crm') return { kind: 'crm', crm: readCrm.call(this, itemIndex) };
	if (scope === 'all' && withAll) return { kind: 'all' };
	throw new NodeOperationError(this.getNode(), `Scope ${JSON.stringify(scope)} is not offered here`, {
		itemIndex,
		description: withAll ? 'Choose Campaign, CRM or Whole Tenant.' : 'Choose Campaign or CRM.',
	});
}
