import type { IDataObject } from 'n8n-workflow';

import { isUnderBase } from './baseUrl';
import { cubeListError, cubeMalformedError } from './errors';
import { TRANSPORT_LIMITS } from './limits';
import { RequestGate } from './retryPolicy';
import { cubeConnection, sendCubeRequest, type CubeConnection } from './request';
import type { CubeContext, CubePage, CubeRequest } from './types';

export const DEFAULT_PAGE_CONCURRENCY = 4;

export interface PaginateOptions<T = IDataObject> {
	qs?: IDataObject;
	/** Stop once this many records are in hand; no further pages are requested. */
	limit?: number;
	/**
	 * Only the records it accepts are returned, and `limit` counts those: pages are then read
	 * "Pages at Once" at a time, and reading stops after the batch that completes the limit.
	 */
	keep?: (record: T) => boolean;
	/** How many pages may be in flight at once after the first. */
	concurrency?: number;
	itemIndex?: number;
	/** The page to start at (1 when not given); the pages after it follow in order. */
	startPage?: number;
	/**
	 * `follow` (default): a `next` link without a page number is followed (path and query only).
	 * `pageNumbers`: generation 2's links may repeat the request URL or name another endpoint,
	 * so a link only says that another page exists, and the next page of this request is read.
	 */
	nextLinks?: 'follow' | 'pageNumbers';
}

/** A list read from some page to its end, with what that page told. */
export interface PagedList<T> {
	records: T[];
	/** The list's length as Cube counted it. */
	count: number;
	/** Records per page, known once a page with a `next` link was read. */
	pageSize?: number;
}

/** One paginated list being read: where from, with which credential, and its first request. */
interface ListSource {
	context: CubeContext;
	connection: CubeConnection;
	gate: RequestGate;
	first: CubeRequest;
}

/** The list lost records while it was read: offsets moved, so some records were skipped. */
interface Shrinkage {
	from: number;
	to?: number;
}

type ReadOutcome<T> = { list: PagedList<T> } | { shrank: Shrinkage };

const isRecord = (value: unknown) => !!value && typeof value === 'object' && !Array.isArray(value);

/** What is wrong with a page, or undefined where it is the documented `{count, next, results}`. */
export function pageProblem(body: unknown): string | undefined {
	if (typeof body === 'string') return 'the page is not valid JSON';
	if (!isRecord(body)) return 'the page is not a JSON object';
	const page = body as Partial<CubePage<unknown>>;
	if (!Array.isArray(page.results)) return 'the page has no "results" list';
	if (!page.results.every(isRecord)) return 'the page\'s "results" hold something that is not a record';
	if (page.next !== null && page.next !== undefined && typeof page.next !== 'string') {
		return 'the page\'s "next" link is not text';
	}
	if (page.count !== undefined && !(Number.isSafeInteger(page.count) && page.count >= 0)) {
		return `the page's "count" (${JSON.stringify(page.count)}) is not a number of records`;
	}
	return undefined;
}

async function fetchPage<T>(source: ListSource, request: CubeRequest): Promise<CubePage<T>> {
	const response = await sendCubeRequest(source.context, request, source.gate, source.connection);
	return response.body as CubePage<T>;
}

/** A page after the first; undefined where it is gone, as when the list became shorter. */
async function fetchLaterPage<T>(source: ListSource, request: CubeRequest): Promise<CubePage<T> | undefined> {
	const later = { ...request, notFoundIsAnswer: true };
	const response = await sendCubeRequest(source.context, later, source.gate, source.connection);
	return response.statusCode === 404 ? undefined : (response.body as CubePage<T>);
}

/** Adds `more` to `records` one by one: spreading a large page into push() overflows the stack. */
function append<T>(records: T[], more: T[]): void {
	for (const record of more) records.push(record);
}

/** The page number a `next` link asks for, even from a malformed query like `?x=Sale/?page=2`. */
export function pageNumberOf(link: string): number | undefined {
	const match = /[?&/]page=(\d+)(?:&|$)/.exec(link);
	return match ? Number(match[1]) : undefined;
}

/**
 * The part of a `next` link that is trusted: its path and query, resolved against the
 * configured base. The link's scheme and host are ignored (the documents print http:// links).
 */
function pathOfLink(source: ListSource, link: string): string {
	const { base } = source.connection;
	let parsed: URL;
	try {
		parsed = new URL(link, `${base.origin}${base.prefix}/`);
	} catch {
		throw malformed(source, `the next-page link "${link}" is not an address`);
	}
	if (!isUnderBase(base, `${base.origin}${parsed.pathname}${parsed.search}`)) {
		throw malformed(source, `the next-page link leads outside the API (${parsed.pathname})`);
	}
	return `${parsed.pathname.slice(base.prefix.length)}${parsed.search}`;
}

function malformed(source: ListSource, what: string) {
	return cubeMalformedError(source.context, source.first, source.connection, what, 1);
}

function endlessListError(source: ListSource, what: string) {
	return cubeListError(
		source.context,
		source.first,
		source.connection,
		`${what}, so the list would never end`,
		'Cube\'s pages contradict each other. Run the workflow again; if it persists, contact Headshed support.',
	);
}

function pageRequest(source: ListSource, page: number): CubeRequest {
	return { ...source.first, qs: { ...source.first.qs, page } };
}

/**
 * Pages 2..last are the same request with `page=K`; once the first page has told the count and
 * the page size they can be fetched several at a time, and are put back in order.
 */
async function fetchNumberedPages<T>(
	source: ListSource,
	fromPage: number,
	toPage: number,
	concurrency: number,
): Promise<Array<CubePage<T>> | 'missing'> {
	const pages: Array<CubePage<T>> = new Array(toPage - fromPage + 1);
	let nextPage = fromPage;
	let stop = false;
	let missing = false;
	const worker = async () => {
		while (!stop && nextPage <= toPage) {
			const number = nextPage++;
			const page = await fetchLaterPage<T>(source, pageRequest(source, number));
			if (page) pages[number - fromPage] = page;
			else stop = missing = true;
		}
	};
	// A worker ends when no page is left or when its request failed; either way the others
	// start no more. Each is let finish its request in flight, so that none is left running
	// against Cube once the node has reported the failure.
	const workers = Array.from({ length: Math.min(concurrency, toPage - fromPage + 1) }, () =>
		worker().finally(() => (stop = true)),
	);
	const outcomes = await Promise.allSettled(workers);
	const failure = outcomes.find((outcome) => outcome.status === 'rejected');
	if (failure) throw (failure as PromiseRejectedResult).reason;
	return missing ? 'missing' : pages;
}

/**
 * Reads the list once, from its first page. Cube pages by offset, so a record deleted meanwhile
 * moves the others up a place and one of them is never seen: a smaller `count` on a later page
 * (or a page that is gone) is reported as shrinkage, for the caller to read again. Records
 * added meanwhile land at the end, where the links lead to them.
 */
async function readOnce<T>(
	source: ListSource,
	limit: number | undefined,
	concurrency: number,
	startPage: number,
	byNumber: boolean,
	keep?: (record: T) => boolean,
): Promise<ReadOutcome<T>> {
	const records: T[] = [];
	/** Records read, kept or not: what Cube's count is compared with. */
	let readCount = 0;
	const take = (page: T[]) => {
		readCount += page.length;
		append(records, keep ? page.filter(keep) : page);
	};
	const enough = () => limit !== undefined && records.length >= limit;
	const firstPage = await fetchPage<T>(source, startPage > 1 ? pageRequest(source, startPage) : source.first);
	const announced = firstPage.count;
	// With a filter, any page may hold the records wanted: the whole list may have to be read.
	const readLimit = keep ? undefined : limit;
	const wanted = Math.min(readLimit ?? Infinity, announced ?? Infinity);
	if (wanted > TRANSPORT_LIMITS.maxListRecords && announced !== undefined) {
		throw cubeListError(
			source.context,
			source.first,
			source.connection,
			`Cube counts ${announced} records, more than the ${TRANSPORT_LIMITS.maxListRecords} the node reads at once`,
			'Turn off "Return All" and set a Limit, or narrow the list (e.g. a shorter date range).',
		);
	}
	take(firstPage.results);
	let next = firstPage.next ?? null;
	let lastPageNumber = startPage;
	let highestCount = announced ?? TRANSPORT_LIMITS.maxListRecords;
	/** Where the list became shorter than announced; undefined while it has not. */
	const shrinkageIn = (page: CubePage<T>): Shrinkage | undefined => {
		if (page.count === undefined || announced === undefined) return undefined;
		highestCount = Math.max(highestCount, page.count);
		return page.count < announced ? { from: announced, to: page.count } : undefined;
	};
	const numberOf = (link: string) => pageNumberOf(link) ?? (byNumber ? lastPageNumber + 1 : undefined);
	// Links that name no page cannot tell the last page; the first page's count can.
	const complete = () => byNumber && announced !== undefined && readCount >= announced;

	const pageSize = firstPage.results.length;
	if (next && startPage === 1 && numberOf(next) === 2 && pageSize > 0 && announced !== undefined) {
		const pagesWanted = Math.ceil(Math.min(announced, readLimit ?? Infinity) / pageSize);
		// Without a filter the pages the limit needs are known now; with one, a batch at a time.
		const batch = keep ? concurrency : pagesWanted;
		for (let from = 2; from <= pagesWanted && !enough(); from += batch) {
			const to = Math.min(pagesWanted, from + batch - 1);
			const pages = await fetchNumberedPages<T>(source, from, to, concurrency);
			if (pages === 'missing') return { shrank: { from: announced } };
			for (const page of pages) {
				const shrank = shrinkageIn(page);
				if (shrank) return { shrank };
				take(page.results);
			}
			lastPageNumber = to;
			next = pages[pages.length - 1].next ?? null;
		}
	}

	// The rest, one page at a time: links without page numbers, or a list that grew meanwhile.
	// Every page must bring records the first page announced: links that never end are refused.
	const seen = new Set<string>();
	while (next && !enough() && !complete()) {
		const number = numberOf(next);
		if (number !== undefined && number <= lastPageNumber) {
			throw endlessListError(source, `the next-page link "${next}" leads back to a page already read`);
		}
		// Where links name no page, only the page number of this request is read: the link's
		// path is not needed, and it may repeat the request or name another endpoint.
		const nextPath = byNumber ? undefined : pathOfLink(source, next);
		if (nextPath !== undefined && seen.has(nextPath)) {
			throw endlessListError(source, `the next-page link "${next}" leads back to a page already read`);
		}
		if (nextPath !== undefined) seen.add(nextPath);
		if (readCount >= Math.min(highestCount, TRANSPORT_LIMITS.maxListRecords)) {
			throw endlessListError(source, `more next-page links came after the ${readCount} records Cube counted`);
		}
		const page = await fetchLaterPage<T>(
			source,
			number !== undefined ? pageRequest(source, number) : { ...source.first, path: String(nextPath), qs: undefined },
		);
		if (!page) {
			if (announced === undefined) throw malformed(source, `the next-page link "${next}" leads to a page that is not there`);
			return { shrank: { from: announced } };
		}
		const shrank = shrinkageIn(page);
		if (shrank) return { shrank };
		if (byNumber && page.results.length === 0) break;
		if (page.results.length === 0 && page.next) {
			throw endlessListError(source, 'an empty page links to yet another page');
		}
		take(page.results);
		if (number !== undefined) lastPageNumber = number;
		next = page.next ?? null;
	}
	return {
		list: {
			records: limit === undefined ? records : records.slice(0, limit),
			count: announced ?? readCount,
			pageSize: firstPage.next ? pageSize : undefined,
		},
	};
}

/**
 * Reads a paginated list in order, up to `limit` records, with every page requested from the
 * configured base URL only. A list that loses records while it is read is read again.
 */
export async function cubePaginate<T>(
	context: CubeContext,
	path: string,
	options: PaginateOptions<T> = {},
): Promise<T[]> {
	return (await cubeReadList<T>(context, path, options)).records;
}

/** As `cubePaginate`, from `options.startPage` on, with the count and page size Cube gave. */
export async function cubeReadList<T>(
	context: CubeContext,
	path: string,
	options: PaginateOptions<T> = {},
): Promise<PagedList<T>> {
	const { limit, itemIndex, startPage = 1, keep } = options;
	const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_PAGE_CONCURRENCY));
	const source: ListSource = {
		context,
		connection: await cubeConnection(context, itemIndex),
		gate: new RequestGate(),
		first: { method: 'GET', path, qs: options.qs, itemIndex, expect: pageProblem },
	};
	for (let reads = 1; ; reads++) {
		const outcome = await readOnce<T>(
			source,
			limit,
			concurrency,
			startPage,
			options.nextLinks === 'pageNumbers',
			keep,
		);
		if ('list' in outcome) return outcome.list;
		if (reads > TRANSPORT_LIMITS.listRereads) {
			const { from, to } = outcome.shrank;
			const counts = to === undefined ? `${from} at first, then fewer` : `${from} at first, then ${to}`;
			throw cubeListError(
				context,
				source.first,
				source.connection,
				`records were deleted while it was read, ${reads} times in a row (Cube counted ${counts}); offset paging would have skipped some`,
				'Someone is deleting records in this list right now. Run the workflow again once that is done.',
			);
		}
	}
}
