import { sleep } from 'n8n-workflow';

import type { CubeMethod } from './types';

export const RETRY_LIMITS = {
	/** Tries in all for a 5xx, a reset, a timeout or a malformed answer (GET and PUT only). */
	transientAttempts: 4,
	/** Tries in all for a 429, for every method: the server refused to start the work. */
	throttledAttempts: 6,
	/** Waits longer than this are not worth holding an execution for. */
	maxWaitMs: 60_000,
	firstBackoffMs: 500,
	maxBackoffMs: 8_000,
};

const TRANSIENT_STATUSES = new Set([502, 503, 504]);
const TRANSIENT_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'ECUTSHORT',
	'EDEADLINE',
]);

/**
 * A PUT sets the same fields again, so it may be repeated; a POST may already have created
 * the customer when the answer was lost, so it is repeated only after a 429, which means the
 * server did not start it.
 */
function repeatable(method: CubeMethod): boolean {
	return method === 'GET' || method === 'PUT';
}

export function backoffMs(attempt: number): number {
	const exponential = RETRY_LIMITS.firstBackoffMs * 2 ** (attempt - 1);
	return Math.min(exponential, RETRY_LIMITS.maxBackoffMs);
}

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
	const text = Array.isArray(value) ? value[0] : value;
	if (typeof text !== 'string' && typeof text !== 'number') return undefined;
	const trimmed = String(text).trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
	const date = Date.parse(trimmed);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait before trying an HTTP error again, or undefined to give up. `Retry-After` may
 * lengthen the wait, never shorten it below the back-off: a server that says 0 (or a date in the
 * past) would otherwise have every try spent within milliseconds.
 */
export function retryDelayForStatus(
	method: CubeMethod,
	statusCode: number,
	retryAfterHeader: unknown,
	attempt: number,
): number | undefined {
	const asked = parseRetryAfter(retryAfterHeader);
	if (asked !== undefined && asked > RETRY_LIMITS.maxWaitMs) return undefined;
	if (statusCode === 429) {
		if (attempt >= RETRY_LIMITS.throttledAttempts) return undefined;
		return Math.max(asked ?? 0, backoffMs(attempt));
	}
	if (TRANSIENT_STATUSES.has(statusCode) && repeatable(method)) {
		if (attempt >= RETRY_LIMITS.transientAttempts) return undefined;
		return Math.max(asked ?? 0, backoffMs(attempt));
	}
	return undefined;
}

export function retryDelayForNetworkError(
	method: CubeMethod,
	code: string,
	attempt: number,
): number | undefined {
	if (!TRANSIENT_NETWORK_CODES.has(code) || !repeatable(method)) return undefined;
	if (attempt >= RETRY_LIMITS.transientAttempts) return undefined;
	return backoffMs(attempt);
}

/** A 2xx whose body is cut short or not the documented shape is usually passing trouble. */
export function retryDelayForMalformedAnswer(method: CubeMethod, attempt: number): number | undefined {
	if (!repeatable(method) || attempt >= RETRY_LIMITS.transientAttempts) return undefined;
	return backoffMs(attempt);
}

/**
 * Shared by the requests of one job (e.g. the workers of one paginated read), so that a 429
 * seen by one of them slows all of them instead of each finding out by itself.
 */
export class RequestGate {
	private resumeAt = 0;

	pause(ms: number): void {
		this.resumeAt = Math.max(this.resumeAt, Date.now() + ms);
	}

	async waitTurn(): Promise<void> {
		const wait = this.resumeAt - Date.now();
		if (wait > 0) await sleep(wait);
	}
}
