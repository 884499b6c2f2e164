import type { IDataObject } from 'n8n-workflow';

/** At most this many fields in a simplified record: what a person or a model reads at a glance. */
export const SIMPLIFIED_MAX_FIELDS = 10;

/** A simplified record from the raw one Cube returned. */
export type Simplifier = (record: IDataObject) => IDataObject;

/**
 * Where a simplified field's value comes from: a raw key, the first filled of several keys, or
 * a function of the record.
 */
export type FieldSource = string | string[] | ((record: IDataObject) => unknown);

const isEmpty = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function valueOf(record: IDataObject, source: FieldSource): unknown {
	if (typeof source === 'function') return source(record);
	const keys = Array.isArray(source) ? source : [source];
	return record[keys.find((key) => !isEmpty(record[key])) ?? keys[0]];
}

/** The filled values of `keys` joined, e.g. a customer's phone numbers; "" when none is. */
export const joinFilled =
	(keys: string[], separator = ', ') =>
	(record: IDataObject): string =>
		keys
			.map((key) => record[key])
			.filter((value) => !isEmpty(value))
			.map(String)
			.join(separator);

/**
 * A simplifier: `fields` maps each simplified label to its source, in the order a reader wants
 * them; `more` adds fields of the record's own (custom fields under their labels) after them.
 * Empty values are left out (they tell a reader nothing and cost a model tokens), and the record
 * is cut at SIMPLIFIED_MAX_FIELDS.
 */
export function simplifier(
	fields: Record<string, FieldSource>,
	more?: (record: IDataObject) => Array<[string, unknown]>,
): Simplifier {
	return (record) => {
		const simplified: IDataObject = {};
		const entries: Array<[string, unknown]> = Object.entries(fields).map(([label, source]) => [
			label,
			valueOf(record, source),
		]);
		if (more) entries.push(...more(record));
		for (const [label, value] of entries) {
			if (Object.keys(simplified).length >= SIMPLIFIED_MAX_FIELDS) break;
			if (isEmpty(value) || label in simplified) continue;
			simplified[label] = value as IDataObject[string];
		}
		return simplified;
	};
}

/** The record's keys that start with `prefix`, with the prefix taken off, as [label, value]. */
export const prefixedFields =
	(prefix: string) =>
	(record: IDataObject): Array<[string, unknown]> =>
		Object.entries(record)
			.filter(([key]) => key.startsWith(prefix) && key.length > prefix.length)
			.map(([key, value]) => [key.slice(prefix.length), value]);
