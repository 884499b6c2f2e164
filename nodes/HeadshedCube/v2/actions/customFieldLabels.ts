import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ExecutionCache } from '../../execution/executionCache';
import { listOptions } from '../../parameters/paging';
import { parseCubeId } from '../../helpers/ids';
import type { CubeContext } from '../../transport/types';
import { listCustomFieldDefinitions } from '../api/customers';
import type { Gen2Scope } from '../api/scopedLists';
import { crmOfCampaign, type CrmKey, type CustomFieldDefinition } from '../api/types';
import { campaignsOnce } from './campaigns';

const CUSTOM_FIELD_PREFIX = 'crm__custom_info__';

export const customFieldLabelsOption: INodeProperties = {
	displayName: 'Custom Field Labels',
	name: 'customFieldLabels',
	type: 'boolean',
	default: true,
	description:
		"Whether to rename each crm__custom_info__&lt;ID&gt; key to crm__custom_info__&lt;label&gt;, from the CRM's custom field definitions. A field keeps its ID where a label cannot name it alone: another field of the CRM has the same label (e.g. two fields called Kommentar), or Cube has no definition for it.",
};

/**
 * The Options of a list whose records carry custom fields. Custom Field Labels is in the
 * collection's value: n8n shows a collection's options only once they are there, so an option
 * that is on but absent reads "No properties", and nobody can see it, nor turn it off.
 */
export function labelledListOptions(): INodeProperties {
	return { ...listOptions([customFieldLabelsOption]), default: { customFieldLabels: true } };
}

export function readCustomFieldLabels(this: IExecuteFunctions, itemIndex: number): boolean {
	return this.getNodeParameter('options.customFieldLabels', itemIndex, true) as boolean;
}

/** Record key → labelled key, for the definitions whose label is their own. */
export function labelledKeys(definitions: CustomFieldDefinition[]): Map<string, string> {
	const fields = definitions
		.map((definition) => ({
			key:
				typeof definition.lookup__id === 'string' && definition.lookup__id
					? definition.lookup__id
					: `${CUSTOM_FIELD_PREFIX}${definition.id}`,
			label: typeof definition.key === 'string' ? definition.key.trim() : '',
		}))
		.filter((field) => field.label);
	const sharing = new Map<string, number>();
	for (const { label } of fields) sharing.set(label, (sharing.get(label) ?? 0) + 1);
	const idKeys = new Set(fields.map((field) => field.key));
	const renames = new Map<string, string>();
	for (const { key, label } of fields) {
		const labelled = `${CUSTOM_FIELD_PREFIX}${label}`;
		// A shared label, or one that reads as another field's id key, would overwrite a value; a
		// label of digits reads as the id key of a field that may have no definition at all.
		const readsAsId = /^\d+$/.test(label) && labelled !== key;
		if (sharing.get(label) === 1 && !readsAsId && (labelled === key || !idKeys.has(labelled))) {
			renames.set(key, labelled);
		}
	}
	return renames;
}

/**
 * The record with its custom field keys renamed, in the same order. A rename whose labelled key
 * the record already has (a key no definition names) is not made: no label may hide a value.
 */
export function withLabelledKeys(record: IDataObject, renames: Map<string, string>): IDataObject {
	if (renames.size === 0) return record;
	const labelled: IDataObject = {};
	const taken = new Set(Object.keys(record).filter((key) => !renames.has(key)));
	for (const [key, value] of Object.entries(record)) {
		const renamed = renames.get(key);
		const target = renamed !== undefined && !taken.has(renamed) ? renamed : key;
		taken.add(target);
		labelled[target] = value;
	}
	return labelled;
}

/** The renames of one CRM, from its definitions, read once per execution and CRM. */
async function renamesOfCrm(
	this: CubeContext,
	cache: ExecutionCache,
	crm: CrmKey,
	itemIndex: number,
): Promise<Map<string, string>> {
	return await cache.remember(
		`v2:customFieldLabels:${crm.dataOwnerId}:${crm.crmType}`,
		async () => labelledKeys(await listCustomFieldDefinitions(this, crm, itemIndex)),
	);
}

/**
 * Which CRM a record of the scope belongs to. Records of a campaign or of the whole tenant carry
 * no data owner id, so it is found in the campaign list: by the campaign, or by the record's data
 * owner name and CRM type. Undefined where the list cannot tell (then the record keeps its ids).
 */
async function crmFinder(
	this: CubeContext,
	cache: ExecutionCache,
	scope: Gen2Scope,
	itemIndex: number,
): Promise<(record: IDataObject) => CrmKey | undefined> {
	if (scope.kind === 'crm') return () => scope.crm;
	const campaigns = await campaignsOnce.call(this, cache, itemIndex);
	if (scope.kind === 'campaign') {
		const campaign = campaigns.find((candidate) => parseCubeId(candidate.campaign__id) === scope.campaignId);
		const crm = campaign && crmOfCampaign(campaign);
		return () => crm;
	}
	const byOwnerName = new Map<string, CrmKey | null>();
	for (const campaign of campaigns) {
		const crm = crmOfCampaign(campaign);
		if (!crm) continue;
		const key = `${String(campaign.data_owner__name)}|${crm.crmType}`;
		const known = byOwnerName.get(key);
		// Two data owners of one name: their records cannot be told apart.
		byOwnerName.set(key, known === undefined || known?.dataOwnerId === crm.dataOwnerId ? crm : null);
	}
	return (record) =>
		byOwnerName.get(`${String(record.data_owner__name)}|${String(record.campaign__crm_type)}`) ?? undefined;
}

/** The records with custom field labels in place of ids, CRM by CRM. */
export async function labelRecords(
	this: CubeContext,
	cache: ExecutionCache,
	scope: Gen2Scope,
	records: IDataObject[],
	itemIndex: number,
): Promise<IDataObject[]> {
	if (records.length === 0) return records;
	const crmOf = await crmFinder.call(this, cache, scope, itemIndex);
	const labelled: IDataObject[] = [];
	for (const record of records) {
		const crm = crmOf(record);
		labelled.push(crm ? withLabelledKeys(record, await renamesOfCrm.call(this, cache, crm, itemIndex)) : record);
	}
	return labelled;
}

/** The records of one CRM with custom field labels in place of ids. */
export async function labelCrmRecords(
	this: CubeContext,
	cache: ExecutionCache,
	crm: CrmKey,
	records: IDataObject[],
	itemIndex: number,
): Promise<IDataObject[]> {
	return await labelRecords.call(this, cache, { kind: 'crm', crm }, records, itemIndex);
}

/** One item's CRM records, with labels where its Custom Field Labels option asks for them (the default). */
export async function labelCrmRecordsIfAsked(
	this: IExecuteFunctions,
	cache: ExecutionCache,
	crm: CrmKey,
	records: IDataObject[],
	itemIndex: number,
): Promise<IDataObject[]> {
	if (!readCustomFieldLabels.call(this, itemIndex)) return records;
	return await labelCrmRecords.call(this, cache, crm, records, itemIndex);
}
