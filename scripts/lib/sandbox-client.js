// The Cube sandbox from outside: started as a process of its own, its control API, and its
// Cube API read directly (to know what the node's output should be). Plain `http` with a
// connection per request: nothing else is loaded into a process whose memory is measured.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const path = require('path');

const { SANDBOX_TOKEN } = require('../../sandbox/http/auth');
const { parseJson } = require('./json');
const { PROJECT_DIR } = require('./n8n-env');
const { stopGroup, track } = require('./processes');

/** One request; resolves with the status and the parsed JSON body (if any) whatever the status. */
function requestJson(url, { method = 'GET', headers = {}, body, timeoutMs = 60_000 } = {}) {
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method, agent: false, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
			const chunks = [];
			res.on('data', (chunk) => chunks.push(chunk));
			res.on('end', () => {
				const text = Buffer.concat(chunks).toString('utf8');
				resolve({ status: res.statusCode, json: parseJson(text), text });
			});
		});
		req.setTimeout(timeoutMs, () => req.destroy(new Error(`${method} ${url}: no answer in ${timeoutMs} ms`)));
		req.on('error', reject);
		req.end(body === undefined ? undefined : JSON.stringify(body));
	});
}

/** Like requestJson, but a status outside 2xx is an error naming the request. */
async function requestOk(url, options = {}) {
	const { status, json, text } = await requestJson(url, options);
	if (status < 200 || status >= 300) throw new Error(`${options.method ?? 'GET'} ${url}: ${status} ${text.slice(0, 300)}`);
	return json;
}

/** The sandbox's control API (/__sandbox/...). */
function sandboxControl(sandboxUrl) {
	const call = (method, route, body) => requestOk(`${sandboxUrl}/__sandbox${route}`, { method, body });
	return {
		configure: (knobs) => call('POST', '/config', knobs),
		state: () => call('GET', '/state'),
		requests: () => call('GET', '/requests'),
		clearRequests: () => call('DELETE', '/requests'),
		advanceClock: (ms) => call('POST', '/clock', { advanceMs: ms }),
		addResponse: (response) => call('POST', '/responses', response),
		reset: () => call('POST', '/reset'),
		addFault: (fault) => call('POST', '/faults', fault),
		concurrency: () => call('GET', '/concurrency'),
	};
}

/** Reads Cube's API of the sandbox directly, with the sandbox token unless told otherwise. */
function cubeReader(baseUrl, token = SANDBOX_TOKEN) {
	const headers = { Authorization: `Token ${token}`, Accept: 'application/json' };
	// Cube prints next links with its own host; they are followed on the sandbox.
	const onSandbox = (link) => link.replace(/^https?:\/\/[^/]+/, baseUrl);

	const get = (apiPath) => requestJson(apiPath.startsWith('http') ? onSandbox(apiPath) : `${baseUrl}${apiPath}`, { headers });

	/** Every record of a list, following `next`; an unpaginated list (a JSON array) as it is. */
	async function getAll(apiPath) {
		const records = [];
		for (let next = apiPath, page = 0; next && page < 1000; page++) {
			const { status, json } = await get(next);
			if (status !== 200) throw new Error(`GET ${next}: ${status}`);
			if (Array.isArray(json)) return json;
			records.push(...json.results);
			next = json.next;
		}
		return records;
	}

	const customer = (assignmentId, customerId) => get(`/api/v1/assignments/${assignmentId}/customers/${customerId}`);

	return { get, getAll, customer };
}

/** The Cube sandbox in its own process; resolves once it prints SANDBOX_READY. */
async function startSandbox({ now, freezeClock = false, pageSize = 500, port = 0, generation = 1, logFile, env = process.env } = {}) {
	const args = [path.join(PROJECT_DIR, 'sandbox', 'cli.js'), '--port', String(port), '--page-size', String(pageSize), '--generation', String(generation)];
	if (now) args.push('--now', now);
	if (freezeClock) args.push('--freeze-clock');
	const child = spawn(process.execPath, args, { cwd: PROJECT_DIR, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	track(child, { group: true });
	const url = await new Promise((resolve, reject) => {
		let seen = '';
		const timer = setTimeout(() => reject(new Error(`sandbox not ready in 15 s:\n${seen}`)), 15_000);
		const onData = (chunk) => {
			seen += chunk;
			if (logFile) fs.appendFileSync(logFile, chunk);
			const match = /SANDBOX_READY (\S+)/.exec(seen);
			if (match) {
				clearTimeout(timer);
				resolve(match[1]);
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.once('exit', (code) => reject(new Error(`sandbox exited (${code}):\n${seen}`)));
	});
	return { url, child, stop: () => stopGroup(child, 3000) };
}

/** The clock start for a sandbox whose "today" is the real today in Oslo, at a busy hour. */
function todayAtNoonUtc(timeZone = 'Europe/Oslo') {
	const day = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date()); // YYYY-MM-DD
	return `${day}T12:00:00Z`;
}

module.exports = { SANDBOX_TOKEN, requestJson, sandboxControl, cubeReader, startSandbox, todayAtNoonUtc };
