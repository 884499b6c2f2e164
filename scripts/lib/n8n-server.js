// `n8n start` of one line's install, and its REST API as the editor uses it.
'use strict';
const { parseJson } = require('./json');
const { linePaths } = require('./n8n-env');
const { sleep, spawnGroup, stopGroup } = require('./processes');

const OWNER = {
	email: 'owner@cube-sandbox.example',
	firstName: 'Cube',
	lastName: 'Sandbox',
	password: 'CubeSandbox-1',
};

/**
 * Waits until n8n at `baseUrl` answers GET /rest/settings with 200. `exited()` tells whether the
 * process gave up meanwhile (then there is nothing to wait for).
 */
async function waitForN8n(baseUrl, { timeoutMs = 90_000, exited = () => undefined } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const exit = exited();
		if (exit !== undefined) throw new Error(`n8n exited (${exit}) before answering ${baseUrl}/rest/settings`);
		try {
			const res = await fetch(`${baseUrl}/rest/settings`, { signal: AbortSignal.timeout(2000) });
			if (res.status === 200) return;
		} catch {
			/* not listening yet */
		}
		if (Date.now() > deadline) throw new Error(`n8n did not answer ${baseUrl}/rest/settings within ${timeoutMs} ms`);
		await sleep(500);
	}
}

/** `n8n start` in its own process group; resolves once GET /rest/settings answers 200. */
async function startN8n(env, { logFile, timeoutMs = 90_000 } = {}) {
	const child = spawnGroup(linePaths(env.CUBE_N8N_LINE).n8nBin, ['start'], { env, logFile });
	const baseUrl = `http://127.0.0.1:${env.N8N_PORT}`;
	let exit;
	child.once('exit', (code, signal) => (exit = `${code ?? signal}`));
	try {
		await waitForN8n(baseUrl, { timeoutMs, exited: () => exit });
	} catch (error) {
		await stopGroup(child);
		throw new Error(`${error.message}; see ${logFile}`);
	}
	return { child, baseUrl, stop: () => stopGroup(child) };
}

/** A small REST client holding n8n's session cookie. */
class N8nRest {
	constructor(baseUrl) {
		this.baseUrl = baseUrl;
		this.cookie = '';
	}

	async request(method, route, body, { timeoutMs = 60_000 } = {}) {
		const res = await fetch(`${this.baseUrl}${route}`, {
			method,
			headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}), 'browser-id': 'cube-e2e' },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(timeoutMs),
		});
		const setCookie = res.headers.getSetCookie?.() ?? [];
		const auth = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth;
		const text = await res.text();
		return { status: res.status, json: parseJson(text), text };
	}

	/** Creates the owner on a fresh instance; an instance that has one answers 400, also fine. */
	async setupOwner(owner = OWNER) {
		const res = await this.request('POST', '/rest/owner/setup', owner);
		if (res.status !== 200 && !(res.status === 400 && /already/i.test(res.text))) {
			throw new Error(`owner setup: ${res.status} ${res.text.slice(0, 300)}`);
		}
		return res;
	}

	async login(owner = OWNER) {
		const res = await this.request('POST', '/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password });
		if (res.status !== 200) throw new Error(`login: ${res.status} ${res.text.slice(0, 300)}`);
		return res;
	}
}

module.exports = { OWNER, waitForN8n, startN8n, N8nRest };
