'use strict';

const { SANDBOX_TOKEN, SANDBOX_USERNAME, SANDBOX_PASSWORD } = require('./http/auth');
const { createClock } = require('./time/clock');
const { generationOf } = require('./generations');
const { createFaultQueue, describeFault } = require('./http/faults');
const { createRequestLog } = require('./http/request-log');
const { createInFlightGauge } = require('./http/in-flight');
const { createSandboxServer } = require('./http/server');
const { handleControl } = require('./http/control');

function displayHost(host) {
	if (host === '0.0.0.0') return '127.0.0.1';
	if (host === '::') return '[::1]';
	return host.includes(':') ? `[${host}]` : host;
}

/**
 * A local imitation of Headshed Cube's REST API, generation 1 (2017) or 2 (2020 on). See README.md.
 * Options: generation, pageSize, latencyMs, now, freezeClock, timeZone, seed, nextLinkStyle,
 * paths, hostileOrigin, requestLogLimit; generation 2 adds crmSegment, nextLinkTarget, looseTypes.
 */
function createSandbox(options = {}) {
	const { generation = 1, seed = 1, now, freezeClock = false, requestLogLimit = 10000, ...knobOptions } = options;
	const { createStore, route, defaultKnobs, validateKnobs } = generationOf(generation);
	let knobs = { ...defaultKnobs, ...validateKnobs(knobOptions) };
	const clock = createClock({ now, frozen: freezeClock });
	const store = createStore({ seed, anchorMs: clock.nowMs() });
	const faults = createFaultQueue();
	const log = createRequestLog({ limit: requestLogLimit });
	const inFlight = createInFlightGauge();
	let server = null;
	let address = null;
	/** Called with each API request's log entry once it is answered; `reset()` removes them. */
	const answeredListeners = new Set();

	const sandbox = {
		clock,
		get url() {
			return address && address.url;
		},
		get port() {
			return address && address.port;
		},
		get knobs() {
			return { ...knobs };
		},
		get requests() {
			return log.entries;
		},
		get data() {
			return store.data;
		},

		async start(port = 0, host = '127.0.0.1') {
			if (server) throw new Error(`Sandbox already started at ${address.url}`);
			const starting = createSandboxServer({
				knobs: () => knobs,
				clock,
				store,
				faults,
				log,
				inFlight,
				control: (request) => handleControl(request, sandbox),
				route,
				answered: (entry) => {
					for (const listener of answeredListeners) listener(entry);
				},
			});
			const listeningPort = await starting.listen(port || 0, host);
			server = starting;
			address = { port: listeningPort, url: `http://${displayHost(host)}:${listeningPort}` };
			return { url: address.url, port: address.port };
		},

		async stop() {
			if (!server) return;
			const stopping = server;
			server = null;
			address = null;
			await stopping.close();
		},

		configure(changes) {
			knobs = { ...knobs, ...validateKnobs(changes) };
			return { ...knobs };
		},

		addResponse: (input, visibility) => store.addResponse(input, clock.nowMs(), visibility),
		addFault: (spec) => faults.add(spec),
		clearFaults: () => faults.clear(),
		clearRequests: () => log.clear(),
		/**
		 * Calls `listener(entry)` after each API answer (the request log's entry), e.g. to change
		 * the data while a client reads a list. Returns a function that removes it.
		 */
		onAnswered(listener) {
			answeredListeners.add(listener);
			return () => answeredListeners.delete(listener);
		},
		/** `{ inFlight, maxInFlight }`: API requests being served now, and the most at once. */
		concurrency: () => inFlight.snapshot(),
		resetConcurrency: () => inFlight.resetMax(),

		/** Seed data again (same seed, same clock start), no faults, empty log; knobs and clock stay. */
		reset() {
			store.reset();
			faults.clear();
			answeredListeners.clear();
			log.clear();
			inFlight.resetMax();
		},

		state() {
			return {
				url: sandbox.url,
				generation: Number(generation),
				seed,
				knobs: { ...knobs },
				clock: { now: clock.now().toISOString(), frozen: clock.isFrozen() },
				counts: { ...store.counts(), pendingFaults: faults.pending.length, loggedRequests: log.entries.length },
				faults: faults.pending.map(describeFault),
			};
		},
	};
	return sandbox;
}

module.exports = { createSandbox, SANDBOX_TOKEN, SANDBOX_USERNAME, SANDBOX_PASSWORD };
