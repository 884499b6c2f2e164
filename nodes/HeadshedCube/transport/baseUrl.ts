const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface CubeBase {
	/** Scheme, host and port, e.g. `https://acme.cube4sales.com`: the only place credentials go. */
	origin: string;
	/** A path the tenant's API lives under, without a trailing slash; usually empty. */
	prefix: string;
}

export class CubeBaseUrlError extends Error {}

/**
 * Reads the credential's base URL. Plain http would send the token in clear text, so it is
 * refused except on loopback, where the sandbox and the tests live.
 */
export function parseCubeBaseUrl(raw: unknown): CubeBase {
	const text = typeof raw === 'string' ? raw.trim() : '';
	if (!text) {
		throw new CubeBaseUrlError(
			'The Headshed Cube credential has no Base URL. Enter your tenant address, e.g. https://youraccount.cube4sales.com.',
		);
	}
	if (!URL.canParse(text)) {
		throw new CubeBaseUrlError(
			`The Base URL "${text}" is not a valid address. Enter it as https://youraccount.cube4sales.com.`,
		);
	}
	const url = new URL(text);
	if (url.username || url.password) {
		throw new CubeBaseUrlError(
			'The Base URL must not contain a user name or password. Enter them in the credential fields instead.',
		);
	}
	if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
		throw new CubeBaseUrlError(
			`The Base URL must start with https:// (got "${url.origin}"). Headshed Cube only accepts HTTPS, and plain http would send your credentials unencrypted.`,
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new CubeBaseUrlError(`The Base URL must start with https:// (got "${url.protocol}").`);
	}
	return { origin: url.origin, prefix: url.pathname.replace(/\/+$/, '') };
}

/** True when `url` lies under the base: same scheme, host and port, and within its path. */
export function isUnderBase(base: CubeBase, url: string): boolean {
	if (!URL.canParse(url)) return false;
	const target = new URL(url);
	return target.origin === base.origin && target.pathname.startsWith(`${base.prefix}/`);
}

/** What is wrong with a base URL, in words for the user; undefined when it is fine. */
export function baseUrlProblem(raw: unknown): string | undefined {
	try {
		parseCubeBaseUrl(raw);
		return undefined;
	} catch (error) {
		return (error as Error).message;
	}
}
