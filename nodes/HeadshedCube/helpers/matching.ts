import type { INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

/** Matches the filter against the name and the id, ignoring case; sorted by name. */
export function matching(items: INodeListSearchItems[], filter?: string): INodeListSearchResult {
	const needle = filter?.trim().toLowerCase();
	const results = needle
		? items.filter((item) => `${item.name} ${item.value}`.toLowerCase().includes(needle))
		: items;
	return { results: results.sort((a, b) => a.name.localeCompare(b.name)) };
}
