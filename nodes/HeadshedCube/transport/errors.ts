import type { JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { TRANSPORT_LIMITS } from './limits';

import type { CubeBase } from './baseUrl';
import type { CubeContext, CubeRequest } from './types';

/** What an error needs to know of the connection: where it went, and how to hide secrets. */
interface ErrorScope {
	base: CubeBase;
	hide: (text: string) => string;
}

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

/** What the ids in a request path are, in the words of the API that path belongs to. */
const PATH_WORDS: Array<[RegExp, string]> = [
	[/\/data_owners\//, 'data owner'],
	[/\/assignments\//, 'assignment'],
	[/\/campaigns\//, 'campaign'],
	[/\/customers\/[^/?]/, 'customer'],
];

/** "the data owner or customer": what the path names, so that no generation's words leak into the other's. */
function namedIn(path: string): string {
	const words = PATH_WORDS.filter(([pattern]) => pattern.test(path)).map(([, word]) => word);
	if (words.length === 0) return 'the record';
	return `the ${words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`}`;
}

/** What the user can do about each kind of failure of a request to `path`. */
function adviceFor(statusCode: number, path: string): string {
	if (statusCode === 401) {
		return 'Check the token, or the username and password, in the Headshed Cube credential. Tokens are issued by your Cube administrator.';
	}
	if (statusCode === 403) {
		return `The credential is valid but may not access this. Ask your Cube administrator for access, or pick another ${namedIn(path).slice(4)}.`;
	}
	if (statusCode === 404) {
		return `Check the IDs in the path above: ${namedIn(path)} does not exist, or the credential cannot see it.`;
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

const MAX_TEXT_ANSWER = 200;

/**
 * Cube answers like Django REST Framework: `{"detail": "..."}` or `{"field": ["message"]}`.
 * Turns either into one readable line. Secrets are hidden (`hide`) before a long text is cut,
 * so that a cut cannot leave part of one where the whole would have been recognised.
 */
export function cubeMessageOf(body: unknown, hide: (text: string) => string = (text) => text): string {
	if (typeof body === 'string') {
		const text = hide(body).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
		return text.length > MAX_TEXT_ANSWER ? `${text.slice(0, MAX_TEXT_ANSWER)}…` : text;
	}
	if (Array.isArray(body)) {
		return body.map((part) => cubeMessageOf(part, hide)).filter(Boolean).join('; ');
	}
	if (body && typeof body === 'object') {
		const record = body as Record<string, unknown>;
		if (typeof record.detail === 'string') return hide(record.detail);
		return Object.entries(record)
			.map(([field, value]) => `${hide(field)}: ${cubeMessageOf(value, hide)}`)
			.join('; ');
	}
	return body === undefined || body === null ? '' : hide(String(body));
}

/** The method and the path as sent: below the Base URL's own path, where it has one. */
export function describeRequest(request: CubeRequest, base: CubeBase): string {
	return `${request.method} ${base.prefix}${request.path}`;
}

/** An HTTP error answer from Cube, with its own words, the request, and what to do. */
export function cubeApiError(
	context: CubeContext,
	request: CubeRequest,
	scope: ErrorScope,
	statusCode: number,
	body: unknown,
	attempts = 1,
): NodeApiError {
	const statusText = STATUS_TEXT[statusCode] ?? 'Error';
	const cubeMessage = scope.hide(cubeMessageOf(body, scope.hide));
	const tries = attempts > 1 ? ` (after ${attempts} attempts)` : '';
	const message = `Headshed Cube answered ${statusCode} ${statusText} to ${describeRequest(request, scope.base)}${tries}${cubeMessage ? `: ${cubeMessage}` : ''}`;
	const error = new NodeApiError(
		context.getNode(),
		{ httpCode: String(statusCode), message: cubeMessage, method: request.method, path: request.path } as JsonObject,
		{
			message,
			description: adviceFor(statusCode, request.path),
			httpCode: String(statusCode),
			itemIndex: request.itemIndex,
		},
	);
	error.context.cubeProblems = cubeProblemsOf(body, scope.hide);
	return error;
}

/**
 * Cube's complaints by the field they are about (`detail` for the request as a whole), so
 * that a caller can tell which one failed. Kept on the error's context.
 */
function cubeProblemsOf(body: unknown, hide: (text: string) => string): Record<string, string> {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
	const problems: Record<string, string> = {};
	for (const [field, value] of Object.entries(body as Record<string, unknown>)) {
		problems[field] = hide(cubeMessageOf(value, hide));
	}
	return problems;
}

/** Cube's answer to a request for something it does not have (a customer, a campaign, a page). */
export function isNotFoundError(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '404';
}

/** What Cube said about each field in an error answer; empty where it said nothing readable. */
export function cubeProblemsOfError(error: unknown): Record<string, string> {
	const problems = (error as { context?: { cubeProblems?: unknown } })?.context?.cubeProblems;
	return problems && typeof problems === 'object' ? (problems as Record<string, string>) : {};
}

const NOT_HTTPS = 'the server answered in plain HTTP where the Base URL asks for HTTPS';

const NETWORK_FAILURES: Record<string, string> = {
	ECUTSHORT: 'the connection was cut before the whole answer arrived',
	EDEADLINE: 'no complete answer arrived in time',
	ETOOLARGE: 'the answer was too large to read',
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

/** Codes of failures in the TLS handshake or of the server's certificate. */
const TLS_FAILURE = /CERT|SSL|TLS|EPROTO|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/;

function whatFailed(code: string): string {
	if (NETWORK_FAILURES[code]) return NETWORK_FAILURES[code];
	if (TLS_FAILURE.test(code)) return 'the secure (TLS) connection failed';
	if (code.startsWith('HPE_')) return 'the answer was not valid HTTP';
	return 'the connection failed';
}

function adviceForNetwork(code: string): string {
	// one piece of advice, not two that disagree: the address is wrong, not the certificate
	if (NETWORK_FAILURES[code] === NOT_HTTPS) {
		return `Socket error ${code}. Check the Base URL in the credential: a Cube tenant is https://youraccount.headshed.com with no port; a plain-HTTP server answered at this address and port. Only a test server on this machine (127.0.0.1 or localhost) may be given as http://.`;
	}
	if (TLS_FAILURE.test(code)) {
		return `Socket error ${code}. Check that the Base URL is the https:// address of your Cube tenant and that its certificate is valid for that name.`;
	}
	if (code === 'ETOOLARGE') {
		return `Cube's answer was larger than ${Math.round(TRANSPORT_LIMITS.maxAnswerBytes / 1048576)} MB, which no documented answer is. Check the Base URL; if it is right, contact Headshed support.`;
	}
	if (code.startsWith('HPE_')) {
		return `Socket error ${code}. Something between n8n and Cube answered with malformed HTTP. Check the Base URL and any proxy in between.`;
	}
	return `Socket error ${code}. Check the Base URL in the credential and that this n8n can reach it. Timeouts, cut answers and resets are retried for reads and updates; if they persist, Cube may be down.`;
}

/**
 * No answer at all: refused connection, reset, timeout, unknown host. The socket error's code
 * goes in the description: n8n would swap a message that contains one for a generic text.
 */
export function cubeNetworkError(
	context: CubeContext,
	request: CubeRequest,
	scope: ErrorScope,
	code: string,
	attempts: number,
): NodeApiError {
	const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
	return new NodeApiError(
		context.getNode(),
		{ socketError: code, method: request.method, path: request.path } as JsonObject,
		{
			message: `Could not reach Headshed Cube at ${scope.base.origin} for ${describeRequest(request, scope.base)}: ${whatFailed(code)}${tries}`,
			description: adviceForNetwork(code),
			itemIndex: request.itemIndex,
		},
	);
}

/**
 * A failure of the request itself that is neither an answer nor a known socket error (e.g. the
 * credential refused the address). Its own message is kept, without secrets.
 */
export function cubeRequestFailedError(
	context: CubeContext,
	request: CubeRequest,
	scope: ErrorScope,
	error: unknown,
): NodeApiError {
	const reason = scope.hide(error instanceof Error ? error.message : String(error));
	return new NodeApiError(
		context.getNode(),
		{ method: request.method, path: request.path, problem: reason } as JsonObject,
		{
			message: `Headshed Cube request ${describeRequest(request, scope.base)} failed: ${reason}`,
			description: 'Check the Base URL in the credential and run the workflow again.',
			itemIndex: request.itemIndex,
		},
	);
}

/** A 2xx answer that is not what the API documents (e.g. a truncated page). */
export function cubeMalformedError(
	context: CubeContext,
	request: CubeRequest,
	scope: ErrorScope,
	what: string,
	attempts: number,
): NodeApiError {
	const tries = attempts > 1 ? ` (after ${attempts} attempts)` : '';
	const problem = scope.hide(what);
	const created =
		request.method === 'POST'
			? ' The customer may have been created all the same: check Cube before running the workflow again.'
			: ' Run the workflow again; if it persists, contact Headshed support.';
	return new NodeApiError(
		context.getNode(),
		{ method: request.method, path: request.path, problem } as JsonObject,
		{
			message: `Headshed Cube sent an unreadable answer to ${describeRequest(request, scope.base)}${tries}: ${problem}`,
			description: `The answer was cut short or is not the documented format (a proxy's login or maintenance page, for example).${created}`,
			itemIndex: request.itemIndex,
		},
	);
}

/** A list that Cube's own pages contradict, or that is larger than the node reads at once. */
export function cubeListError(
	context: CubeContext,
	request: CubeRequest,
	scope: ErrorScope,
	what: string,
	advice: string,
): NodeApiError {
	return new NodeApiError(
		context.getNode(),
		{ method: request.method, path: request.path, problem: scope.hide(what) } as JsonObject,
		{
			message: `Headshed Cube's list at ${describeRequest(request, scope.base)} could not be read whole: ${scope.hide(what)}`,
			description: advice,
			itemIndex: request.itemIndex,
		},
	);
}
