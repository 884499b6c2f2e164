const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The API's own path, which every request path begins with; a Base URL may end with it. */
const API_PREFIX = /\/api\/v1$/;

export interface CubeBase {
	/** Scheme, host and port, e.g. `https://acme.cube4sales.com`: the only place credentials go. */
	origin: string;
	/** A path the tenant's API lives under, without a trailing slash or `/api/v1`; usually empty. */
	prefix: string;
}

export type BaseUrlCheck = { ok: true; base: CubeBase } | { ok: false; problem: string };

/**
 * Reads the credential's base URL. Plain http would send the token in clear text, so it is
 * refused except on loopback, where the sandbox and the tests live.
 */
export function checkCubeBaseUrl(raw: unknown): BaseUrlCheck {
	const text = typeof raw === 'string' ? raw.trim() : '';
	const problem = (message: string): BaseUrlCheck => ({ ok: false, problem: message });
	if (!text) {
		return problem(
			'The Headshed Cube credential has no Base URL. Enter your tenant address, e.g. https://youraccount.headshed.com.',
		);
	}
	if (!URL.canParse(text)) {
		return problem(
			`The Base URL "${text}" is not a valid address. Enter it as https://youraccount.headshed.com.`,
		);
	}
	const url = new URL(text);
	if (url.username || url.password) {
		return problem(
			'The Base URL must not contain a user name or password. Enter them in the credential fields instead.',
		);
	}
	const loopbackHttp = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
	if (url.protocol !== 'https:' && !loopbackHttp) {
		return problem(
			`The Base URL must start with https:// (got "${url.protocol}//${url.host}"). Headshed Cube only accepts HTTPS, and anything else could expose your credentials.`,
		);
	}
	// Every request path starts with /api/v1/: a Base URL pasted with it would send it twice.
	const prefix = url.pathname.replace(/\/+$/, '').replace(API_PREFIX, '');
	return { ok: true, base: { origin: url.origin, prefix } };
}

/** True when `url` lies under the base: same scheme, host and port, and within its path. */
export function isUnderBase(base: CubeBase, url: string): boolean {
	if (!URL.canParse(url)) return false;
	const target = new URL(url);
	return target.origin === base.origin && target.pathname.startsWith(`${base.prefix}/`);
}
