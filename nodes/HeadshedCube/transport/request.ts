import type { ICredentialsDecrypted, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { AnswerFailure, parseAnswer, readAnswerText } from './answer';
import { checkCubeBaseUrl, type CubeBase } from './baseUrl';
import {
	cubeApiError,
	cubeMalformedError,
	cubeNetworkError,
	cubeRequestFailedError,
	describeRequest,
} from './errors';
import { TRANSPORT_LIMITS } from './limits';
import {
	RequestGate,
	retryDelayForMalformedAnswer,
	retryDelayForNetworkError,
	retryDelayForStatus,
} from './retryPolicy';
import { hideSecrets, secretsOf } from './secrets';
import type { CubeContext, CubeRequest, CubeResponse } from './types';

export const CREDENTIAL_TYPE = 'headshedCubeApi';

/** Where requests go, and the credential they carry, read once for a job of many requests. */
export interface CubeConnection {
	base: CubeBase;
	credentials?: ICredentialsDecrypted;
	/** Removes the credential's secrets from any text that came from the server. */
	hide: (text: string) => string;
}

export async function cubeConnection(context: CubeContext, itemIndex?: number): Promise<CubeConnection> {
	const data = await context.getCredentials(CREDENTIAL_TYPE, itemIndex);
	const check = checkCubeBaseUrl(data.baseUrl);
	if (!check.ok) throw new NodeOperationError(context.getNode(), check.problem, { itemIndex });
	// Handing n8n the credential read here spares a lookup and a decryption for every page.
	const reference = context.getNode().credentials?.[CREDENTIAL_TYPE];
	const credentials = reference?.id
		? { id: reference.id, name: reference.name, type: CREDENTIAL_TYPE, data }
		: undefined;
	const secrets = secretsOf(data);
	return { base: check.base, credentials, hide: (text) => hideSecrets(text, secrets) };
}

/** The code of a failure that produced no HTTP answer, as axios, Node and OpenSSL name it. */
function networkErrorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		// n8n's request helper puts the socket error's code in `httpCode`.
		const { code, httpCode, cause } = current as { code?: unknown; httpCode?: unknown; cause?: unknown };
		for (const candidate of [code, httpCode]) {
			if (typeof candidate === 'string' && /^[A-Z][A-Z0-9_]{2,}$/.test(candidate)) return candidate;
		}
		current = cause;
	}
	return undefined;
}

/**
 * n8n's request helper sets `abortSignal` to the execution's cancel signal, over whatever the
 * caller gave. Both must stop the request, so the option joins what is set with the deadline.
 */
function withDeadline(options: IHttpRequestOptions, deadline: AbortSignal): IHttpRequestOptions {
	let signal = deadline;
	Object.defineProperty(options, 'abortSignal', {
		enumerable: true,
		configurable: true,
		get: () => signal,
		set: (cancel: AbortSignal | undefined) => {
			signal = cancel ? AbortSignal.any([cancel, deadline]) : deadline;
		},
	});
	return options;
}

/**
 * A segment of `path` that URLs resolve away (`.`, `..`, also percent-encoded), so that the
 * request would reach another resource, e.g. the customer list for customer ".".
 */
function droppedSegmentOf(path: string): string | undefined {
	const segments = path.split('?')[0].split('/');
	return segments.find((segment) => /^(\.|%2e){1,2}$/i.test(segment));
}

type Attempt =
	| { kind: 'answer'; response: CubeResponse }
	| { kind: 'network'; code: string }
	| { kind: 'failed'; error: unknown };

/** One try: the answer with its body read to the end and parsed, or why there is none. */
async function attempt(
	context: CubeContext,
	connection: CubeConnection,
	request: CubeRequest,
	deadlineMs: number,
): Promise<Attempt> {
	const { origin, prefix } = connection.base;
	const deadline = AbortSignal.timeout(deadlineMs);
	const options = withDeadline(
		{
			method: request.method,
			url: `${origin}${prefix}${request.path}`,
			qs: request.qs,
			// Serialised here: n8n's helper copies an object body with Object.assign, which takes a
			// `__proto__` key for the prototype and loses it (and other helpers drop `constructor`).
			body: request.body === undefined ? undefined : JSON.stringify(request.body),
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
			// The body is read here, so that its size, its end and the deadline are checked.
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
			timeout: TRANSPORT_LIMITS.idleTimeoutMs,
		},
		deadline,
	);
	try {
		const raw = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			CREDENTIAL_TYPE,
			options,
			connection.credentials ? { credentialsDecrypted: connection.credentials } : undefined,
		)) as CubeResponse;
		const text = await readAnswerText(raw.body, deadline, TRANSPORT_LIMITS.maxAnswerBytes);
		return { kind: 'answer', response: { ...raw, body: parseAnswer(text) } };
	} catch (error) {
		if (error instanceof AnswerFailure) return { kind: 'network', code: error.code };
		if (deadline.aborted) return { kind: 'network', code: 'EDEADLINE' };
		const code = networkErrorCode(error);
		return code ? { kind: 'network', code } : { kind: 'failed', error };
	}
}

/**
 * Sends one request to Cube with the credential, retrying what is safe to retry, and returns
 * the successful answer whose body has the shape the request expects. Everything else becomes
 * an error that names the request and carries no secret.
 */
export async function sendCubeRequest(
	context: CubeContext,
	request: CubeRequest,
	gate: RequestGate = new RequestGate(),
	connection?: CubeConnection,
): Promise<CubeResponse> {
	const cube = connection ?? (await cubeConnection(context, request.itemIndex));
	const dropped = droppedSegmentOf(request.path);
	if (dropped !== undefined) {
		throw new NodeOperationError(
			context.getNode(),
			`Refused to send ${describeRequest(request, cube.base)}: a path segment "${dropped}" would be dropped from the address, and another resource read instead`,
			{
				itemIndex: request.itemIndex,
				description: 'An ID of "." or ".." cannot be sent in a URL. Check the IDs given to the node.',
			},
		);
	}
	const endsAt = Date.now() + TRANSPORT_LIMITS.requestDeadlineMs;
	/** Waits `delay` before the next try where the request's deadline leaves time for it. */
	const waitForRetry = async (delay: number | undefined): Promise<boolean> => {
		if (delay === undefined || Date.now() + delay >= endsAt) return false;
		await sleep(delay);
		return true;
	};

	for (let tries = 1; ; tries++) {
		await gate.waitTurn();
		const left = Math.min(TRANSPORT_LIMITS.attemptDeadlineMs, endsAt - Date.now());
		const outcome = await attempt(context, cube, request, Math.max(1, left));

		if (outcome.kind === 'failed') {
			throw cubeRequestFailedError(context, request, cube, outcome.error);
		}
		if (outcome.kind === 'network') {
			const delay = retryDelayForNetworkError(request.method, outcome.code, tries);
			if (await waitForRetry(delay)) continue;
			throw cubeNetworkError(context, request, cube, outcome.code, tries);
		}

		const { response } = outcome;
		const { statusCode } = response;
		if (statusCode === 404 && request.notFoundIsAnswer) return response;
		if (statusCode >= 200 && statusCode < 300) {
			const problem = request.expect?.(response.body);
			if (problem === undefined) return response;
			if (await waitForRetry(retryDelayForMalformedAnswer(request.method, tries))) continue;
			throw cubeMalformedError(context, request, cube, problem, tries);
		}

		const delay = retryDelayForStatus(request.method, statusCode, response.headers?.['retry-after'], tries);
		if (delay !== undefined && statusCode === 429) gate.pause(delay);
		if (await waitForRetry(delay)) continue;
		throw cubeApiError(context, request, cube, statusCode, response.body, tries);
	}
}

/**
 * What the requests of one execution share: one 429 hold-back for all of them, and the
 * credential, read and checked once instead of once per request.
 */
export interface CubeSession {
	gate: RequestGate;
	connection(context: CubeContext, itemIndex?: number): Promise<CubeConnection>;
}

export function cubeSession(): CubeSession {
	let connection: Promise<CubeConnection> | undefined;
	return {
		gate: new RequestGate(),
		async connection(context, itemIndex) {
			if (!connection) {
				connection = cubeConnection(context, itemIndex);
				// A failed read is not kept, so that a later item may try again.
				connection.catch(() => (connection = undefined));
			}
			return await connection;
		},
	};
}

/** The body of a successful request; with a session, it waits on and reads what the session shares. */
export async function cubeRequestBody<T = unknown>(
	context: CubeContext,
	request: CubeRequest,
	session?: CubeSession,
): Promise<T> {
	const connection = await session?.connection(context, request.itemIndex);
	const response = await sendCubeRequest(context, request, session?.gate, connection);
	return response.body as T;
}
