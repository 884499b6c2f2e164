import type { INodeListSearchItems } from 'n8n-workflow';

/**
 * One entry of a searchable list: the name, what it belongs to, and the ID. n8n's list shows
 * only the name, and a value given "By ID" still shows as the bare ID after switching to "From
 * List": the ID in the name is what tells which entry that is.
 */
export function listEntry(name: string, details: string | undefined, id: number | string | undefined): INodeListSearchItems {
	return { name: `${name}${details ? ` (${details})` : ''} · ID ${id}`, value: String(id) };
}
