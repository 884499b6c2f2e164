import type { IDataObject } from 'n8n-workflow';

import { parseCubeId } from '../../helpers/ids';

export type CrmType = 'B2C' | 'B2B';

export const CRM_TYPES: readonly CrmType[] = ['B2C', 'B2B'];

/** A data owner's CRM of one type: where customers and their custom fields live. */
export interface CrmKey {
	dataOwnerId: number;
	crmType: CrmType;
}

/** A campaign as generation 2 lists it; values are loosely typed (ids may come as strings). */
export interface Gen2Campaign extends IDataObject {
	campaign__id?: number | string;
	campaign__name?: string;
	campaign__archived_date?: string;
	campaign__is_active?: boolean | string;
	campaign__crm_type?: string;
	data_owner__id?: number | string;
	data_owner__name?: string;
}

/** One custom field of a CRM: `key` is its label, `lookup__id` the record key it fills. */
export interface CustomFieldDefinition extends IDataObject {
	id?: number | string;
	key?: string;
	lookup__id?: string;
}

export function isCrmType(value: unknown): value is CrmType {
	return CRM_TYPES.includes(value as CrmType);
}

export function crmOfCampaign(campaign: Gen2Campaign): CrmKey | undefined {
	const dataOwnerId = parseCubeId(campaign.data_owner__id);
	const crmType = campaign.campaign__crm_type;
	return dataOwnerId !== undefined && isCrmType(crmType) ? { dataOwnerId, crmType } : undefined;
}

/** Archived campaigns carry their archive date; active ones `""` (or nothing). */
export function isArchived(campaign: Gen2Campaign): boolean {
	const archived = campaign.campaign__archived_date;
	return typeof archived === 'string' && archived.trim() !== '';
}
