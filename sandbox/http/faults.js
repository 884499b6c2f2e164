'use strict';

const KINDS = ['status', 'malformed', 'badShape', 'reset', 'hang'];

const DETAIL_BY_STATUS = {
	400: 'Bad request.',
	401: 'Invalid token.',
	403: 'You do not have permission to perform this action.',
	404: 'Not found.',
	405: 'Method not allowed.',
};

const TRUNCATED_PAGE = '{"count": 10, "next": null, "results": [{"id": 1,';

function normalizeFault(spec) {
	if (spec === null || typeof spec !== 'object') throw new TypeError('addFault expects an object');
	const kind = spec.kind ?? (spec.status !== undefined ? 'status' : undefined);
	if (!KINDS.includes(kind)) {
		throw new RangeError(`Fault needs a status or a kind (${KINDS.slice(1).join(', ')}), got ${JSON.stringify(spec.kind)}`);
	}
	const status = kind === 'status' ? Number(spec.status) : undefined;
	if (kind === 'status' && !(Number.isInteger(status) && status >= 400 && status <= 599)) {
		throw new RangeError(`Fault status must be an HTTP error status (400-599), got ${JSON.stringify(spec.status)}`);
	}
	const times = spec.times === undefined ? 1 : Number(spec.times);
	if (!(times >= 1) || (!Number.isInteger(times) && times !== Infinity)) {
		throw new RangeError(`Fault times must be a positive integer or Infinity, got ${JSON.stringify(spec.times)}`);
	}
	if (spec.path !== undefined && typeof spec.path !== 'string' && !(spec.path instanceof RegExp)) {
		throw new TypeError('Fault path must be a string (substring) or a RegExp');
	}
	return {
		kind,
		status,
		retryAfter: spec.retryAfter,
		times,
		method: spec.method === undefined ? undefined : String(spec.method).toUpperCase(),
		path: spec.path,
		body: spec.body,
	};
}

function matches(fault, method, pathWithQuery) {
	if (fault.method && fault.method !== method) return false;
	if (fault.path === undefined) return true;
	if (typeof fault.path === 'string') return pathWithQuery.includes(fault.path);
	fault.path.lastIndex = 0;
	return fault.path.test(pathWithQuery);
}

/** Faults queued by tests; each is used up by the next `times` API requests it matches. */
function createFaultQueue() {
	const pending = [];
	return {
		pending,
		add(spec) {
			const fault = { ...normalizeFault(spec), used: 0 };
			pending.push(fault);
			return fault;
		},
		clear() {
			pending.length = 0;
		},
		take(method, pathWithQuery) {
			const index = pending.findIndex((fault) => matches(fault, method, pathWithQuery));
			if (index < 0) return null;
			const fault = pending[index];
			fault.used += 1;
			if (fault.used >= fault.times) pending.splice(index, 1);
			return fault;
		},
	};
}

/**
 * What to do for a fault: { action: 'reset' | 'hang' } or
 * { action: 'respond', status, headers, text } (text is sent as is, valid JSON or not).
 */
function faultOutcome(fault) {
	if (fault.kind === 'reset' || fault.kind === 'hang') return { action: fault.kind };
	if (fault.kind === 'malformed') return { action: 'respond', status: 200, headers: {}, text: TRUNCATED_PAGE };
	if (fault.kind === 'badShape') return { action: 'respond', status: 200, headers: {}, text: '{"detail": "ok"}' };
	const headers = {};
	if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
	if (fault.status === 401) headers['WWW-Authenticate'] = 'Token';
	let detail;
	if (fault.status === 429) {
		detail = fault.retryAfter === undefined
			? 'Request was throttled.'
			: `Request was throttled. Expected available in ${fault.retryAfter} seconds.`;
	} else {
		detail = fault.status >= 500 ? 'Service temporarily unavailable.' : (DETAIL_BY_STATUS[fault.status] ?? 'Error.');
	}
	const body = fault.body ?? { detail };
	return {
		action: 'respond',
		status: fault.status,
		headers,
		text: typeof body === 'string' ? body : JSON.stringify(body),
	};
}

/** A fault as plain JSON (for the control endpoint and logs). */
function describeFault(fault) {
	return {
		kind: fault.kind,
		status: fault.status ?? null,
		retryAfter: fault.retryAfter ?? null,
		times: fault.times === Infinity ? 'Infinity' : fault.times,
		used: fault.used,
		method: fault.method ?? null,
		path: fault.path === undefined ? null : String(fault.path),
	};
}

module.exports = { createFaultQueue, faultOutcome, describeFault };
