import type { IDataObject } from 'n8n-workflow';

import { isUnderBase } from './baseUrl';
import { cubeMalformedError } from './errors';
import { asNodeError } from './nodeError';
import { RequestGate, RETRY_LIMITS } from './retryPolicy';
import { cubeConnection, sendCubeRequest, type CubeConnection } from './request';
import type { CubeContext, CubePage, CubeRequest } from './types';

export const DEFAULT_PAGE_CONCURRENCY = 4;

export interface PaginateOptions {
	qs?: IDataObject;
	/** Stop once this many records are in hand; no further pages are requested. */
	limit?: number;
	/** How many pages may be in flight at once after the first. */
	concurrency?: number;
	itemIndex?: number;
	/**
	 * `follow` (default): a `next` link without a page number is followed (path and query only).
	 * `pageNumbers`: generation 2's links may repeat the request URL or name another endpoint,
	 * so a link only says that another page exists, and the next page of this request is read.
	 */
	nextLinks?: 'follow' | 'pageNumbers';
}

interface PagedRead {
	context: CubeContext;
	connection: CubeConnection;
	gate: RequestGate;
	first: CubeRequest;
}

function isPage(body: unknown): body is CubePage<unknown> {
	if (!body || typeof body !== 'object') return false;
	const page = body as Partial<CubePage<unknown>>;
	return (
		Array.isArray(page.results) &&
		(page.next === null || page.next === undefined || typeof page.next === 'string')
	);
}

/** A malformed page is usually a cut-short answer, so it is asked for again, a few times. */
async function fetchPage<T>(read: PagedRead, request: CubeRequest): Promise<CubePage<T>> {
	for (let attempt = 1; ; attempt++) {
		const response = await sendCubeRequest(read.context, request, read.gate, read.connection);
		if (isPage(response.body)) return response.body as CubePage<T>;
		if (attempt >= RETRY_LIMITS.transientAttempts) {
			const what =
				typeof response.body === 'string'
					? 'the page is not valid JSON'
					: 'the page has no "results" list';
			throw cubeMalformedError(read.context, request, what, attempt);
		}
	}
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
function pathOfLink(read: PagedRead, link: string): string {
	let parsed: URL;
	try {
		parsed = new URL(link, `${read.connection.base.origin}${read.connection.base.prefix}/`);
	} catch {
		throw cubeMalformedError(read.context, read.first, `the next-page link "${link}" is not an address`, 1);
	}
	const rebased = `${read.connection.base.origin}${parsed.pathname}${parsed.search}`;
	if (!isUnderBase(read.connection.base, rebased)) {
		throw cubeMalformedError(
			read.context,
			read.first,
			`the next-page link leads outside the API (${parsed.pathname})`,
			1,
		);
	}
	return `${parsed.pathname.slice(read.connection.base.prefix.length)}${parsed.search}`;
}

function repeatedPageError(read: PagedRead, link: string) {
	return cubeMalformedError(
		read.context,
		read.first,
		`the next-page link "${link}" leads back to a page already read, so the list would never end`,
		1,
	);
}

/**
 * Pages 2..last are the same request with `page=K`; once the first page has told the count and
 * the page size they can be fetched several at a time, and are put back in order.
 */
async function fetchNumberedPages<T>(
	read: PagedRead,
	fromPage: number,
	toPage: number,
	concurrency: number,
): Promise<Array<CubePage<T>>> {
	const pages: Array<CubePage<T>> = new Array(toPage - fromPage + 1);
	let nextPage = fromPage;
	let failed = false;
	const worker = async () => {
		while (!failed && nextPage <= toPage) {
			const page = nextPage++;
			try {
				pages[page - fromPage] = await fetchPage<T>(read, {
					...read.first,
					qs: { ...read.first.qs, page },
				});
			} catch (error) {
				failed = true;
				throw asNodeError(read.context.getNode(), error, read.first.itemIndex);
			}
		}
	};
	// Every worker is let finish its request in flight, so that none is left running against
	// Cube once the node has reported the failure.
	const outcomes = await Promise.allSettled(
		Array.from({ length: Math.min(concurrency, toPage - fromPage + 1) }, worker),
	);
	const failure = outcomes.find((outcome) => outcome.status === 'rejected');
	if (failure) throw (failure as PromiseRejectedResult).reason;
	return pages;
}

/**
 * Reads a paginated list in order, up to `limit` records, with every page requested from the
 * configured base URL only.
 */
export async function cubePaginate<T>(
	context: CubeContext,
	path: string,
	options: PaginateOptions = {},
): Promise<T[]> {
	const { limit, itemIndex } = options;
	const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_PAGE_CONCURRENCY));
	const connection = await cubeConnection(context, itemIndex);
	const read: PagedRead = {
		context,
		connection,
		gate: new RequestGate(),
		first: { method: 'GET', path, qs: options.qs, itemIndex },
	};
	const enough = (records: T[]) => limit !== undefined && records.length >= limit;
	const done = (records: T[]) => (limit === undefined ? records : records.slice(0, limit));

	const firstPage = await fetchPage<T>(read, read.first);
	const records = [...firstPage.results];
	let next = firstPage.next ?? null;
	let lastPageNumber = 1;
	const byNumber = options.nextLinks === 'pageNumbers';
	const numberOf = (link: string) => pageNumberOf(link) ?? (byNumber ? lastPageNumber + 1 : undefined);
	// Links that name no page cannot tell the last page; the first page's count can.
	const complete = () => byNumber && Number.isFinite(firstPage.count) && records.length >= firstPage.count;

	const secondPage = next ? numberOf(next) : undefined;
	const pageSize = firstPage.results.length;
	if (next && secondPage === 2 && pageSize > 0 && Number.isFinite(firstPage.count)) {
		const pagesInAll = Math.ceil(firstPage.count / pageSize);
		const pagesWanted =
			limit === undefined ? pagesInAll : Math.min(pagesInAll, Math.ceil(limit / pageSize));
		if (!enough(records) && pagesWanted >= 2) {
			const pages = await fetchNumberedPages<T>(read, 2, pagesWanted, concurrency);
			for (const page of pages) records.push(...page.results);
			lastPageNumber = pagesWanted;
			next = pages[pages.length - 1].next ?? null;
		}
	}

	// The rest, one page at a time: links without page numbers, or a list that grew meanwhile.
	const seen = new Set<string>();
	while (next && !enough(records) && !complete()) {
		const number = numberOf(next);
		if (number !== undefined && number <= lastPageNumber) throw repeatedPageError(read, next);
		const nextPath = pathOfLink(read, next);
		if (seen.has(nextPath)) throw repeatedPageError(read, next);
		seen.add(nextPath);
		const page =
			number !== undefined
				? await fetchPage<T>(read, { ...read.first, qs: { ...read.first.qs, page: number } })
				: await fetchPage<T>(read, { ...read.first, path: nextPath, qs: undefined });
		records.push(...page.results);
		if (number !== undefined) lastPageNumber = number;
		next = byNumber && page.results.length === 0 ? null : (page.next ?? null);
	}
	return done(records);
}
