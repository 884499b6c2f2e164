import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Simplifier } from '../helpers/simplify';
import { sinceVersion, untilVersion } from './versionConditions';

export type OutputMode = 'simplified' | 'raw' | 'selected';

function outputParameter(defaultMode: OutputMode): INodeProperties {
	return {
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{ name: 'Raw', value: 'raw', description: 'Every field, exactly as Cube returns it' },
			{
				name: 'Selected Fields',
				value: 'selected',
				description: 'Only the record keys listed in Fields',
			},
			{
				name: 'Simplified',
				value: 'simplified',
				description: 'At most 10 fields a record, flat and labelled, empty ones left out: what a person or an AI model needs',
			},
		],
		default: defaultMode,
		description: 'How much of each record to return',
	};
}

const fieldsParameter: INodeProperties = {
	displayName: 'Fields',
	name: 'fields',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. crm__customer_id, crm__standard_info__name',
	description: 'The record keys to keep, separated by commas, as they appear in the Raw output',
	displayOptions: { show: { output: ['selected'] } },
};

/**
 * Output and Fields of one operation. Saved nodes of the versions before `simplifiedFrom` return
 * the raw records as they always did, so Output defaults to Raw there; from `simplifiedFrom` on
 * (and where it is not given, never) new nodes default to Simplified.
 */
export function outputParameters(resource: string, operation: string, simplifiedFrom?: number): INodeProperties[] {
	const show = { resource: [resource], operation: [operation] };
	const outputs: INodeProperties[] =
		simplifiedFrom === undefined
			? [{ ...outputParameter('raw'), displayOptions: { show } }]
			: [
					{ ...outputParameter('raw'), displayOptions: { show: { ...show, ...untilVersion(simplifiedFrom) } } },
					{
						...outputParameter('simplified'),
						displayOptions: { show: { ...show, ...sinceVersion(simplifiedFrom) } },
					},
				];
	return [...outputs, { ...fieldsParameter, displayOptions: { show: { ...show, output: ['selected'] } } }];
}

/** The keys listed in Fields: text separated by commas or new lines, or a list (from an expression). */
function readFields(this: IExecuteFunctions, itemIndex: number): string[] {
	const value = this.getNodeParameter('fields', itemIndex, '') as unknown;
	const listed = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/[,\n]/) : [];
	const fields = listed.map((field) => field.trim()).filter((field) => field !== '');
	if (fields.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Fields is empty, so Selected Fields would return nothing', {
			itemIndex,
			description:
				'List the record keys to keep, separated by commas (run once with Output set to Raw to see them), or choose Simplified.',
		});
	}
	return fields;
}

function keepOnly(record: IDataObject, fields: string[]): IDataObject {
	const kept: IDataObject = {};
	for (const field of fields) if (field in record) kept[field] = record[field];
	return kept;
}

/** One item's records in the Output it asks for. */
export function shapeOutput(
	this: IExecuteFunctions,
	itemIndex: number,
	records: IDataObject[],
	simplify: Simplifier,
): IDataObject[] {
	const output = this.getNodeParameter('output', itemIndex, 'raw') as unknown;
	if (output === 'raw') return records;
	if (output === 'simplified') return records.map(simplify);
	if (output === 'selected') {
		const fields = readFields.call(this, itemIndex);
		return records.map((record) => keepOnly(record, fields));
	}
	throw new NodeOperationError(this.getNode(), `Output ${JSON.stringify(output)} is not offered`, {
		itemIndex,
		description: 'Choose Simplified, Raw or Selected Fields.',
	});
}
