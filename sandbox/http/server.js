'use strict';

const http = require('node:http');
const { authenticate } = require('./auth');
const { faultOutcome } = require('./faults');

const CONTROL_PREFIX = '/__sandbox';
const MAX_BODY_BYTES = 20 * 1024 * 1024;

function parseTarget(target) {
	const queryStart = target.indexOf('?');
	const rawQuery = queryStart >= 0 ? target.slice(queryStart + 1) : '';
	let url;
	try {
		// Concatenated, not resolved: a target like '//x/y' must stay a path, not become a host.
		url = target.startsWith('/') ? new URL(`http://sandbox.invalid${target}`) : new URL(target);
	} catch {
		url = new URL('http://sandbox.invalid/');
	}
	return {
		pathname: url.pathname,
		rawQuery,
		params: url.searchParams,
		pathWithQuery: url.pathname + (queryStart >= 0 ? `?${rawQuery}` : ''),
	};
}

function readText(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size <= MAX_BODY_BYTES) chunks.push(chunk);
		});
		req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function tryParseJson(text) {
	if (text === null || text.trim() === '') return null;
	try {
		return JSON.parse(text);
	} catch {
		return null;
	}
}

/** Lazy body reader with Django REST Framework's errors; an empty body reads as {}. */
function bodyReader(text, contentType) {
	return () => {
		if (text === null) return { error: { status: 413, body: { detail: 'Request body too large.' } } };
		if (text.trim() === '') return { value: {} };
		if (contentType && !/json/i.test(contentType)) {
			const mediaType = contentType.split(';')[0].trim();
			return { error: { status: 415, body: { detail: `Unsupported media type "${mediaType}" in request.` } } };
		}
		try {
			return { value: JSON.parse(text) };
		} catch (error) {
			return { error: { status: 400, body: { detail: `JSON parse error - ${error.message}` } } };
		}
	};
}

function send(req, res, { status, headers = {}, text }) {
	if (res.destroyed || res.headersSent) return;
	res.writeHead(status, {
		'Content-Type': 'application/json',
		'Content-Length': Buffer.byteLength(text),
		Vary: 'Accept, Authorization',
		...headers,
	});
	res.end(req.method === 'HEAD' ? undefined : text);
}

const sendJson = (req, res, { status, body, headers }) =>
	send(req, res, { status, headers, text: body === undefined ? '' : JSON.stringify(body) });

/**
 * The sandbox's HTTP server. ctx: { knobs() , clock, store, faults, log, inFlight, control(request),
 * route?, answered?(entry) } (route: the API's router, generation 1's by default).
 * Returns { listen(port, host), close() }.
 */
function createSandboxServer(ctx) {
	const waits = new Set();
	let listeningPort = null;
	let listeningHost = null;

	function delay(ms) {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				waits.delete(wait);
				resolve(true);
			}, ms);
			const wait = { timer, resolve };
			waits.add(wait);
		});
	}

	async function handleApi(req, res, target, text) {
		const knobs = ctx.knobs();
		res.once('close', ctx.inFlight.enter());
		const auth = authenticate(req.headers.authorization);
		const entry = ctx.log.start({
			method: req.method,
			pathname: target.pathname,
			params: target.params,
			pathWithQuery: target.pathWithQuery,
			headers: req.headers,
			body: tryParseJson(text),
			scheme: auth.scheme,
			clockMs: ctx.clock.nowMs(),
		});
		const answer = (reply) => {
			entry.status = reply.status;
			entry.records = Array.isArray(reply.body?.results) ? reply.body.results.length : null;
			if (reply.text !== undefined) send(req, res, reply);
			else sendJson(req, res, reply);
			ctx.answered?.(entry);
		};

		// Jitter makes answers overtake each other, as on a real network.
		const latencyMs = knobs.latencyMs + Math.floor(Math.random() * (knobs.latencyJitterMs + 1));
		if (latencyMs > 0 && !(await delay(latencyMs))) return;
		if (req.socket.destroyed) return;

		if (auth.detail) {
			answer({ status: 401, body: { detail: auth.detail }, headers: { 'WWW-Authenticate': 'Token' } });
			return;
		}
		const fault = ctx.faults.take(req.method, target.pathWithQuery);
		if (fault) {
			entry.fault = fault.kind;
			const outcome = faultOutcome(fault);
			if (outcome.action === 'reset') req.socket.destroy();
			else if (outcome.action === 'respond') answer(outcome);
			// 'hang': leave the request open; close() destroys the socket.
			return;
		}
		const host = req.headers.host || `${listeningHost}:${listeningPort}`;
		const request = {
			method: req.method,
			pathname: target.pathname,
			params: target.params,
			readBody: bodyReader(text, req.headers['content-type']),
			link: {
				origin: `http://${host}`,
				hostileOrigin: knobs.hostileOrigin ?? `http://127.0.0.2:${listeningPort}`,
				pathname: target.pathname,
				params: target.params,
				rawQuery: target.rawQuery,
			},
		};
		// the generation's routes: index.js passes those of the tenant it serves
		answer(ctx.route(request, { knobs, clock: ctx.clock, store: ctx.store }));
	}

	async function handle(req, res) {
		const target = parseTarget(req.url);
		const text = await readText(req);
		if (target.pathname === CONTROL_PREFIX || target.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
			sendJson(req, res, ctx.control({ method: req.method, pathname: target.pathname, params: target.params, text }));
			return;
		}
		await handleApi(req, res, target, text);
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((error) => {
			process.stderr.write(`cube sandbox: ${error.stack || error}\n`);
			sendJson(req, res, { status: 500, body: { detail: `Sandbox internal error: ${error.message}` } });
		});
	});

	return {
		listen(port, host) {
			return new Promise((resolve, reject) => {
				server.once('error', reject);
				server.listen(port, host, () => {
					server.off('error', reject);
					listeningPort = server.address().port;
					listeningHost = host;
					resolve(listeningPort);
				});
			});
		},
		close() {
			for (const wait of waits) {
				clearTimeout(wait.timer);
				wait.resolve(false);
			}
			waits.clear();
			return new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	};
}

module.exports = { createSandboxServer };
