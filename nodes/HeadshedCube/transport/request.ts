import type { ICredentialsDecrypted, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { checkCubeBaseUrl, type CubeBase } from './baseUrl';
import { asNodeError } from './nodeError';
import { cubeApiError, cubeNetworkError } from './errors';
import {
	RequestGate,
	retryDelayForNetworkError,
	retryDelayForStatus,
} from './retryPolicy';
import type { CubeContext, CubeRequest, CubeResponse } from './types';

export const CREDENTIAL_TYPE = 'headshedCubeApi';

const REQUEST_TIMEOUT_MS = 60_000;

/** Where requests go, and the credential they carry, read once for a job of many requests. */
export interface CubeConnection {
	base: CubeBase;
	credentials?: ICredentialsDecrypted;
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
	return { base: check.base, credentials };
}

/** The code of a failure that produced no HTTP answer, as axios and Node name it. */
function networkErrorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		// n8n's request helper puts the socket error's code in `httpCode`.
		const { code, httpCode, cause } = current as { code?: unknown; httpCode?: unknown; cause?: unknown };
		for (const candidate of [code, httpCode]) {
			if (typeof candidate === 'string' && /^E[A-Z_]+$/.test(candidate)) return candidate;
		}
		current = cause;
	}
	return undefined;
}

/**
 * Sends one request to Cube with the credential, retrying what is safe to retry, and returns
 * the successful answer. Everything else becomes an error that names the request.
 */
export async function sendCubeRequest(
	context: CubeContext,
	request: CubeRequest,
	gate: RequestGate = new RequestGate(),
	connection?: CubeConnection,
): Promise<CubeResponse> {
	const { base, credentials } = connection ?? (await cubeConnection(context, request.itemIndex));
	const { origin, prefix } = base;
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${origin}${prefix}${request.path}`,
		qs: request.qs,
		body: request.body,
		headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
		timeout: REQUEST_TIMEOUT_MS,
	};

	for (let attempt = 1; ; attempt++) {
		await gate.waitTurn();
		let response: CubeResponse;
		try {
			response = (await context.helpers.httpRequestWithAuthentication.call(
				context,
				CREDENTIAL_TYPE,
				options,
				credentials ? { credentialsDecrypted: credentials } : undefined,
			)) as CubeResponse;
		} catch (error) {
			const code = networkErrorCode(error);
			if (!code) throw asNodeError(context.getNode(), error, request.itemIndex);
			const delay = retryDelayForNetworkError(request.method, code, attempt);
			if (delay === undefined) throw cubeNetworkError(context, request, origin, code, attempt);
			await sleep(delay);
			continue;
		}

		const { statusCode } = response;
		if (statusCode >= 200 && statusCode < 300) return response;

		const delay = retryDelayForStatus(
			request.method,
			statusCode,
			response.headers?.['retry-after'],
			attempt,
		);
		if (delay === undefined) {
			throw cubeApiError(context, request, statusCode, response.body, attempt);
		}
		if (statusCode === 429) gate.pause(delay);
		await sleep(delay);
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
export async function cubeRequest<T = unknown>(
	context: CubeContext,
	request: CubeRequest,
	session?: CubeSession,
): Promise<T> {
	const connection = await session?.connection(context, request.itemIndex);
	const response = await sendCubeRequest(context, request, session?.gate, connection);
	return response.body as T;
}
