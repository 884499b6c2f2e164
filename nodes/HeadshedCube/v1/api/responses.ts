import { cubePaginate, cubeReadList } from '../../transport/pagination';
import type { PagedList, PaginateOptions } from '../../transport/pagination';
import type { CubeContext } from '../../transport/types';
import type { CubeResponseRecord } from './types';

export interface ResponseDateRange {
	/** `YYYYMMDD`; without it Cube takes its own today. */
	from?: string;
	/** `YYYYMMDD`; only given together with `from`. */
	to?: string;
}

export function responsesPath(campaignId: number, range: ResponseDateRange): string {
	let path = `/api/v1/campaigns/${campaignId}/responses/`;
	if (range.from) path += `from_date/${range.from}/`;
	if (range.from && range.to) path += `to_date/${range.to}/`;
	return path;
}

export async function listResponses(
	context: CubeContext,
	campaignId: number,
	range: ResponseDateRange,
	options: PaginateOptions = {},
): Promise<CubeResponseRecord[]> {
	return await cubePaginate<CubeResponseRecord>(context, responsesPath(campaignId, range), options);
}

/** Page `page` of the responses of a date range, with the count Cube gave (and the page size where it linked a next page). */
export async function readResponsePage(
	context: CubeContext,
	campaignId: number,
	range: ResponseDateRange,
	page: number,
): Promise<PagedList<CubeResponseRecord>> {
	return await cubeReadList<CubeResponseRecord>(context, responsesPath(campaignId, range), { startPage: page, onePage: true });
}
