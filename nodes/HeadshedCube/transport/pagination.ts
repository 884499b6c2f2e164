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
	/** Read only the first page requested (`startPage`): the caller walks the pages itself. */
	onePage?: boolean;
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

/**
 * Why a read cannot be trusted: Cube pages by offset, so a record deleted (or added before the
 * end) while the list is read moves the others across page boundaries, and one is skipped or
 * repeated. `count` tells a shrinking list; a page that reads differently the second time tells
 * the rest (a deletion and an addition leave `count` as it was).
 */
type Change = { shrank: { from: number; to?: number } } | { differed: { page: number } };

/** One page as it was read, by its number, for the verifying re-read. */
interface PageRead<T> {
	number: number;
	results: T[];
}

type ReadOutcome<T> = { list: PagedList<T>; pages: Array<PageRead<T>>; lastAlone: boolean } | { change: Change };

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
 * Pages `fromPage`..`toPage` are the same request with `page=K`; once the first page has told
 * the count and the page size they can be fetched several at a time, and are put back in order.
 * A page without a `next` link, an empty page or a page that is not there (404) is the list's
 * end, whatever `count` claimed: no page after it is asked for, and any already in flight are
 * dropped. `missing` says that the end was a 404 after a page that linked on. The last page is
 * asked for alone, once all the others are answered (see `firstChangedPage`); `lastAlone` says
 * that the last page returned was read so.
 */
async function fetchNumberedPages<T>(
	source: ListSource,
	fromPage: number,
	toPage: number,
	concurrency: number,
): Promise<{ pages: Array<CubePage<T>>; missing: boolean; lastAlone: boolean }> {
	const pages: Array<CubePage<T>> = [];
	let end = toPage;
	let nextPage = fromPage;
	let notThere = Infinity;
	const take = async (number: number) => {
		const page = await fetchLaterPage<T>(source, pageRequest(source, number));
		if (!page) {
			notThere = Math.min(notThere, number);
			end = Math.min(end, number - 1);
		} else {
			pages[number - fromPage] = page;
			if (!page.next || page.results.length === 0) end = Math.min(end, number);
		}
	};
	await inWorkers(Math.min(concurrency, toPage - fromPage), async (failed) => {
		while (!failed() && nextPage <= Math.min(end, toPage - 1)) await take(nextPage++);
	});
	if (end === toPage) await take(toPage);
	const read = pages.slice(0, Math.max(0, end - fromPage + 1));
	const last = read[read.length - 1];
	const missing = notThere === end + 1 && (last === undefined || !!last.next);
	return { pages: read, missing, lastAlone: end === toPage };
}

/**
 * Reads the list once, from its first page. A smaller `count` on a later page, or a page that is
 * gone, is reported as a change, for the caller to read again. Records added meanwhile land at
 * the end, where the links lead to them.
 */
async function readOnce<T>(
	source: ListSource,
	limit: number | undefined,
	concurrency: number,
	startPage: number,
	byNumber: boolean,
	onePage = false,
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
	if (onePage) {
		const records = limit === undefined ? firstPage.results : firstPage.results.slice(0, limit);
		const pageSize = firstPage.next ? firstPage.results.length : undefined;
		return { list: { records, count: announced ?? firstPage.results.length, pageSize }, pages: [], lastAlone: true };
	}
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
	/** The pages read by number, in order, for the verifying re-read. */
	const pagesRead: Array<PageRead<T>> = [{ number: startPage, results: firstPage.results }];
	let next = firstPage.next ?? null;
	let lastPageNumber = startPage;
	/** Whether the last page read was asked for only once every other page was answered. */
	let lastAlone = true;
	let highestCount = announced ?? TRANSPORT_LIMITS.maxListRecords;
	/** Where the list became shorter than announced; undefined while it has not. */
	const shrinkageIn = (page: CubePage<T>): Change | undefined => {
		if (page.count === undefined || announced === undefined) return undefined;
		highestCount = Math.max(highestCount, page.count);
		return page.count < announced ? { shrank: { from: announced, to: page.count } } : undefined;
	};
	const numberOf = (link: string) => pageNumberOf(link) ?? (byNumber ? lastPageNumber + 1 : undefined);
	// Links that name no page cannot tell the last page; the first page's count can.
	const complete = () => byNumber && announced !== undefined && readCount >= announced;

	const pageSize = firstPage.results.length;
	if (next && startPage === 1 && numberOf(next) === 2 && pageSize > 0 && announced !== undefined) {
		const pagesWanted = Math.ceil(Math.min(announced, readLimit ?? Infinity) / pageSize);
		// Without a filter the pages the limit needs are known now; with one, a batch at a time.
		const batch = keep ? concurrency : pagesWanted;
		for (let from = 2; next && from <= pagesWanted && !enough(); from += batch) {
			const to = Math.min(pagesWanted, from + batch - 1);
			const { pages, missing, ...fanOut } = await fetchNumberedPages<T>(source, from, to, concurrency);
			if (missing) return { change: { shrank: { from: announced } } };
			lastAlone = fanOut.lastAlone;
			for (const page of pages) {
				const shrank = shrinkageIn(page);
				if (shrank) return { change: shrank };
				take(page.results);
				pagesRead.push({ number: ++lastPageNumber, results: page.results });
			}
			next = pages.length > 0 ? (pages[pages.length - 1].next ?? null) : null;
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
			return { change: { shrank: { from: announced } } };
		}
		const shrank = shrinkageIn(page);
		if (shrank) return { change: shrank };
		if (byNumber && page.results.length === 0) break;
		if (page.results.length === 0 && page.next) {
			throw endlessListError(source, 'an empty page links to yet another page');
		}
		take(page.results);
		if (number !== undefined) {
			lastPageNumber = number;
			pagesRead.push({ number, results: page.results });
			lastAlone = true;
		}
		next = page.next ?? null;
	}
	// A list whose pages ended before its `count` (a `next: null` or an empty page) is as long as
	// its pages: that is the count the caller is given, so that no one waits for the rest.
	const ended = !next && !enough();
	const count =
		announced === undefined || (ended && startPage === 1) ? Math.min(announced ?? Infinity, readCount) : announced;
	return {
		list: {
			records: limit === undefined ? records : records.slice(0, limit),
			count,
			pageSize: firstPage.next ? pageSize : undefined,
		},
		pages: pagesRead,
		lastAlone,
	};
}

/**
 * Runs `count` workers at once and waits for every one. A worker ends when nothing is left or
 * when its request failed; after a failure `failed()` tells the others to start no more. Each is
 * let finish its request in flight, so that none is left running against Cube once the node has
 * reported the failure, which is then thrown.
 */
async function inWorkers(count: number, worker: (failed: () => boolean) => Promise<void>): Promise<void> {
	let failed = false;
	const workers = Array.from({ length: count }, async () =>
		await worker(() => failed).catch((error: unknown) => {
			failed = true;
			throw error;
		}),
	);
	const outcomes = await Promise.allSettled(workers);
	const failure = outcomes.find((outcome) => outcome.status === 'rejected');
	if (failure) throw (failure as PromiseRejectedResult).reason;
}

/**
 * The verifying re-read: every page is read again, after the last one was answered, and must
 * hold the same records as the first time. Each page then held those records from its first
 * reading to its second, and so at the moment the last page was read: the records are the list
 * as it stood then, none skipped or repeated. The last page itself needs no second reading
 * where it was asked for only after every other page was answered (`lastAlone`), which also
 * lets records added at the end meanwhile through. The first page that reads differently (or
 * is gone) is returned.
 */
async function firstChangedPage<T>(
	source: ListSource,
	pages: Array<PageRead<T>>,
	lastAlone: boolean,
	concurrency: number,
): Promise<number | undefined> {
	const toCheck = lastAlone ? pages.slice(0, -1) : pages;
	let next = 0;
	let changed: number | undefined;
	await inWorkers(Math.min(concurrency, toCheck.length), async (failed) => {
		while (!failed() && changed === undefined && next < toCheck.length) {
			const { number, results } = toCheck[next++];
			const again = await fetchLaterPage<T>(source, number === 1 ? source.first : pageRequest(source, number));
			if (!again || JSON.stringify(again.results) !== JSON.stringify(results)) {
				changed = Math.min(changed ?? Infinity, number);
			}
		}
	});
	return changed;
}

/**
 * Reads a paginated list in order, up to `limit` records, with every page requested from the
 * configured base URL only. A list that changes while it is read is read again.
 */
export async function cubePaginate<T>(
	context: CubeContext,
	path: string,
	options: PaginateOptions<T> = {},
): Promise<T[]> {
	return (await cubeReadList<T>(context, path, options)).records;
}

function describeChange(change: Change): string {
	if ('differed' in change) return `page ${change.differed.page} held other records when read again`;
	const { from, to } = change.shrank;
	return to === undefined ? `Cube counted ${from} at first, then fewer` : `Cube counted ${from} at first, then ${to}`;
}

/**
 * As `cubePaginate`, from `options.startPage` on, with the count and page size Cube gave. Every
 * read of more than one numbered page is verified (see `firstChangedPage`); a read that changed
 * is done again, up to `TRANSPORT_LIMITS.listRereads` times, then fails in words.
 */
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
		const outcome = await readOnce<T>(source, limit, concurrency, startPage, options.nextLinks === 'pageNumbers', options.onePage, keep);
		let change: Change | undefined;
		if ('change' in outcome) change = outcome.change;
		else {
			const differed = await firstChangedPage(source, outcome.pages, outcome.lastAlone, concurrency);
			if (differed === undefined) return outcome.list;
			change = { differed: { page: differed } };
		}
		if (reads > TRANSPORT_LIMITS.listRereads) {
			throw cubeListError(
				context,
				source.first,
				source.connection,
				`it changed while it was read, ${reads} times in a row (${describeChange(change)}); offset paging would have skipped or repeated records`,
				'Someone is adding or deleting records in this list right now. Run the workflow again once that is done.',
			);
		}
	}
}
