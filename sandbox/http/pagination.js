'use strict';

const { decodeOrKeep } = require('./uri');

const INVALID_PAGE = { status: 404, body: { detail: 'Invalid page.' } };
const INVALID_CURSOR = { status: 404, body: { detail: 'Invalid cursor' } };

const encodeCursor = (offset) => Buffer.from(`o=${offset}`).toString('base64url');

function decodeCursor(cursor) {
	const match = /^o=(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
	return match ? Number(match[1]) : null;
}

/**
 * The page the request asks for. Besides `page` and `cursor`, a `?page=K` buried inside
 * another parameter's value counts: that is what following the documents' malformed
 * `...?response_type=Sale/?page=2` link sends.
 */
function requestedPosition(params, rawQuery) {
	if (params.has('page')) return { page: params.get('page') };
	const buried = /\?page=([^&?#]*)/.exec(rawQuery);
	if (buried) return { page: decodeOrKeep(buried[1]) };
	if (params.has('cursor')) return { cursor: params.get('cursor') };
	return { page: '1' };
}

function resolveOffset(position, count, pageSize) {
	const lastPage = Math.max(1, Math.ceil(count / pageSize));
	if (position.cursor !== undefined) {
		const offset = decodeCursor(position.cursor);
		return offset !== null && (offset < count || offset === 0) ? { offset } : { error: INVALID_CURSOR };
	}
	// DRF accepts 'last' as a page number.
	const page = position.page === 'last' ? lastPage : /^\d+$/.test(position.page) ? Number(position.page) : NaN;
	return page >= 1 && page <= lastPage ? { offset: (page - 1) * pageSize } : { error: INVALID_PAGE };
}

function otherParams(params, dropped) {
	const kept = new URLSearchParams();
	for (const [key, value] of params) if (!dropped.includes(key)) kept.append(key, value);
	return kept;
}

function withQuery(base, query) {
	return query ? `${base}?${query}` : base;
}

/**
 * Builds next/previous links in the configured style.
 * link.origin: 'http://<Host header>'; link.hostileOrigin: where 'hostile' links point.
 */
function linkWriter(style, link) {
	const { pathname, params } = link;
	const pageLink = (origin, page) => {
		const query = otherParams(params, ['page', 'cursor']);
		// DRF drops page=1 from `previous` links.
		if (page > 1) query.set('page', String(page));
		return withQuery(`${origin}${pathname}`, query.toString());
	};
	switch (style) {
		case 'hostile':
			return { page: (page) => pageLink(link.hostileOrigin, page) };
		case 'malformed':
			return {
				page: (page) => {
					const others = otherParams(params, ['page', 'cursor', 'response_type']).toString();
					return `${link.origin}${pathname}?${others ? `${others}&` : ''}response_type=Sale/?page=${page}`;
				},
			};
		case 'cursor':
			return {
				offset: (offset) => {
					const query = otherParams(params, ['page', 'cursor']);
					query.set('cursor', encodeCursor(offset));
					return withQuery(`${link.origin}${pathname}`, query.toString());
				},
			};
		default:
			return { page: (page) => pageLink(link.origin, page) };
	}
}

/**
 * A DRF-style page of `items`: { status, body: {count, next, previous, results} }, or the
 * 404 DRF gives for a page that does not exist.
 */
function paginate(items, { pageSize, nextLinkStyle }, link) {
	const count = items.length;
	const resolved = resolveOffset(requestedPosition(link.params, link.rawQuery), count, pageSize);
	if (resolved.error) return resolved.error;
	const { offset } = resolved;
	const hasNext = offset + pageSize < count;
	const hasPrevious = offset > 0;
	const writer = linkWriter(nextLinkStyle, link);
	let next = null;
	let previous = null;
	if (writer.offset) {
		if (hasNext) next = writer.offset(offset + pageSize);
		if (hasPrevious) previous = writer.offset(Math.max(0, offset - pageSize));
	} else {
		const page = Math.floor(offset / pageSize) + 1;
		if (nextLinkStyle === 'repeat') {
			// A server bug to survive: with more than one page, every `next` says page 2.
			if (count > pageSize) next = writer.page(2);
		} else if (hasNext) next = writer.page(page + 1);
		if (hasPrevious) previous = writer.page(Math.max(1, page - 1));
	}
	return {
		status: 200,
		body: { count, next, previous, results: items.slice(offset, offset + pageSize) },
	};
}

module.exports = { paginate, encodeCursor, decodeCursor };
