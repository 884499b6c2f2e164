import type { JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { CubeContext, CubeRequest } from './types';

const STATUS_TEXT: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	409: 'Conflict',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

/** What the user can do about each kind of failure. */
function adviceFor(statusCode: number): string {
	if (statusCode === 401) {
		return 'Check the token, or the username and password, in the Headshed Cube credential. Tokens are issued by your Cube administrator.';
	}
	if (statusCode === 403) {
		return 'The credential is valid but may not access this. Ask your Cube administrator for access, or pick another assignment or campaign.';
	}
	if (statusCode === 404) {
		return 'Check the IDs in the path above: the assignment, campaign or customer does not exist, or the credential cannot see it.';
	}
	if (statusCode === 429) {
		return 'Cube is throttling requests. Run the workflow again later, or lower the node\'s concurrency.';
	}
	if (statusCode >= 500) {
		return 'This is usually temporary on Cube\'s side. Try again later; if it persists, contact Headshed support.';
	}
	if (statusCode >= 300 && statusCode < 400) {
		return 'Cube redirected the request, which the node does not follow. Check the Base URL in the credential (it must be the https:// address of your tenant).';
	}
	return 'Correct the value Cube names above and run the workflow again.';
}

/**
 * Cube answers like Django REST Framework: `{"detail": "..."}` or `{"field": ["message"]}`.
 * Turns either into one readable line.
 */
export function cubeMessageOf(body: unknown): string {
	if (typeof body === 'string') {
		const text = body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
		return text.length > 200 ? `${text.slice(0, 200)}…` : text;
	}
	if (Array.isArray(body)) {
		return body.map(cubeMessageOf).filter(Boolean).join('; ');
	}
	if (body && typeof body === 'object') {
		const record = body as Record<string, unknown>;
		if (typeof record.detail === 'string') return record.detail;
		return Object.entries(record)
			.map(([field, value]) => `${field}: ${cubeMessageOf(value)}`)
			.join('; ');
	}
	return body === undefined || body === null ? '' : String(body);
}

export function describeRequest(request: CubeRequest): string {
	return `${request.method} ${request.path}`;
}

/** An HTTP error answer from Cube, with its own words, the request, and what to do. */
export function cubeApiError(
	context: CubeContext,
	request: CubeRequest,
	statusCode: number,
	body: unknown,
	attempts = 1,
): NodeApiError {
	const statusText = STATUS_TEXT[statusCode] ?? 'Error';
	const cubeMessage = cubeMessageOf(body);
	const tries = attempts > 1 ? ` (after ${attempts} attempts)` : '';
	const message = `Headshed Cube answered ${statusCode} ${statusText} to ${describeRequest(request)}${tries}${cubeMessage ? `: ${cubeMessage}` : ''}`;
	return new NodeApiError(
		context.getNode(),
		{ httpCode: String(statusCode), message: cubeMessage, method: request.method, path: request.path } as JsonObject,
		{
			message,
			description: adviceFor(statusCode),
			httpCode: String(statusCode),
			itemIndex: request.itemIndex,
		},
	);
}

const NOT_HTTPS =
	'the server does not speak HTTPS there; if it is a plain http server, the Base URL must say http:// (only loopback may) or name its HTTPS port';

const NETWORK_FAILURES: Record<string, string> = {
	ECONNREFUSED: 'the connection was refused',
	ECONNRESET: 'the connection was reset',
	ECONNABORTED: 'the request timed out',
	ETIMEDOUT: 'the request timed out',
	ESOCKETTIMEDOUT: 'the request timed out',
	ENOTFOUND: 'the host name was not found',
	EAI_AGAIN: 'the host name could not be looked up',
	EPIPE: 'the connection broke',
	CERT_HAS_EXPIRED: "the server's certificate has expired",
	// what Node reports when an https:// address is answered in plain http
	EPROTO: NOT_HTTPS,
	ERR_SSL_WRONG_VERSION_NUMBER: NOT_HTTPS,
};

/**
 * No answer at all: refused connection, reset, timeout, unknown host. The socket error's code
 * goes in the description: n8n would swap a message that contains one for a generic text.
 */
export function cubeNetworkError(
	context: CubeContext,
	request: CubeRequest,
	origin: string,
	code: string,
	attempts: number,
): NodeApiError {
	const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
	const what = NETWORK_FAILURES[code] ?? 'the connection failed';
	return new NodeApiError(
		context.getNode(),
		{ socketError: code, method: request.method, path: request.path } as JsonObject,
		{
			message: `Could not reach Headshed Cube at ${origin} for ${describeRequest(request)}: ${what}${tries}`,
			description: `Socket error ${code}. Check the Base URL in the credential and that this n8n can reach it. Timeouts and resets are retried; if they persist, Cube may be down.`,
			itemIndex: request.itemIndex,
		},
	);
}

/** A 2xx answer that is not what the API documents (e.g. a truncated page). */
export function cubeMalformedError(
	context: CubeContext,
	request: CubeRequest,
	what: string,
	attempts: number,
): NodeApiError {
	const tries = attempts > 1 ? ` (after ${attempts} attempts)` : '';
	return new NodeApiError(
		context.getNode(),
		{ method: request.method, path: request.path, problem: what } as JsonObject,
		{
			message: `Headshed Cube sent an unreadable answer to ${describeRequest(request)}${tries}: ${what}`,
			description:
				'The answer was cut short or is not the documented format. Run the workflow again; if it persists, contact Headshed support.',
			itemIndex: request.itemIndex,
		},
	);
}
