'use strict';

const SCHEMES = ['token', 'basic', 'none'];

function redactedHeaders(headers) {
	const copy = { ...headers };
	if ('authorization' in copy) copy.authorization = '[redacted]';
	return copy;
}

/**
 * The log of served API requests. `entries` is one live array for the sandbox's lifetime
 * (cleared in place); `limit` drops the oldest entries so a long-running CLI does not grow forever.
 */
function createRequestLog({ limit = 10000 } = {}) {
	const entries = [];
	return {
		entries,
		clear() {
			entries.length = 0;
		},
		/** Logs an incoming request; status and fault are filled in when it is answered. */
		start({ method, pathname, params, pathWithQuery, headers, body, scheme, clockMs }) {
			const entry = {
				method,
				path: pathname,
				query: Object.fromEntries(params),
				pathWithQuery,
				status: null,
				/** How many records a page answer held. */
				records: null,
				authorization: SCHEMES.includes(scheme) ? scheme : 'invalid',
				headers: redactedHeaders(headers),
				body,
				at: new Date().toISOString(),
				clockAt: new Date(clockMs).toISOString(),
				fault: null,
			};
			entries.push(entry);
			if (entries.length > limit) entries.splice(0, entries.length - limit);
			return entry;
		},
	};
}

module.exports = { createRequestLog };
