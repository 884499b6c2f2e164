'use strict';

const { describeFault } = require('./faults');

const ENDPOINTS = [
	'GET /__sandbox/state',
	'POST /__sandbox/responses',
	'POST /__sandbox/clock',
	'POST /__sandbox/faults',
	'DELETE /__sandbox/faults',
	'POST /__sandbox/config',
	'GET /__sandbox/requests',
	'DELETE /__sandbox/requests',
	'GET /__sandbox/concurrency',
	'DELETE /__sandbox/concurrency',
	'POST /__sandbox/reset',
];

function parseObject(text) {
	if (text === null || text.trim() === '') return {};
	const value = JSON.parse(text);
	if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new TypeError('Expected a JSON object');
	return value;
}

function setClock(sandbox, body) {
	if (body.now !== undefined) sandbox.clock.set(body.now);
	if (body.advanceMs !== undefined) sandbox.clock.advance(Number(body.advanceMs));
	if (body.freeze === true) sandbox.clock.freeze();
	if (body.freeze === false) sandbox.clock.unfreeze();
	return { now: sandbox.clock.now().toISOString(), frozen: sandbox.clock.isFrozen() };
}

function addFault(sandbox, body) {
	const spec = { ...body };
	// JSON has no RegExp: `pathRegex` carries its source.
	if (typeof spec.pathRegex === 'string') spec.path = new RegExp(spec.pathRegex);
	delete spec.pathRegex;
	return describeFault(sandbox.addFault(spec));
}

/**
 * The unauthenticated, unlogged control API used by the CLI demo and by tests that run the
 * sandbox in another process. Returns { status, body }.
 */
function handleControl({ method, pathname, text }, sandbox) {
	const route = `${method} ${pathname.replace(/\/+$/, '')}`;
	try {
		switch (route) {
			case 'GET /__sandbox':
				return { status: 200, body: { endpoints: ENDPOINTS } };
			case 'GET /__sandbox/state':
				return { status: 200, body: sandbox.state() };
			case 'POST /__sandbox/responses':
				return { status: 201, body: sandbox.addResponse(parseObject(text)) };
			case 'POST /__sandbox/clock':
				return { status: 200, body: setClock(sandbox, parseObject(text)) };
			case 'POST /__sandbox/faults':
				return { status: 201, body: addFault(sandbox, parseObject(text)) };
			case 'DELETE /__sandbox/faults':
				sandbox.clearFaults();
				return { status: 200, body: { faults: [] } };
			case 'POST /__sandbox/config':
				sandbox.configure(parseObject(text));
				return { status: 200, body: sandbox.knobs };
			case 'GET /__sandbox/requests':
				return { status: 200, body: sandbox.requests };
			case 'DELETE /__sandbox/requests':
				sandbox.clearRequests();
				return { status: 200, body: { requests: [] } };
			case 'GET /__sandbox/concurrency':
				return { status: 200, body: sandbox.concurrency() };
			case 'DELETE /__sandbox/concurrency':
				sandbox.resetConcurrency();
				return { status: 200, body: sandbox.concurrency() };
			case 'POST /__sandbox/reset':
				sandbox.reset();
				return { status: 200, body: sandbox.state() };
			default:
				return { status: 404, body: { detail: `Unknown control endpoint: ${route}`, endpoints: ENDPOINTS } };
		}
	} catch (error) {
		return { status: 400, body: { detail: error.message } };
	}
}

module.exports = { handleControl };
