// What the trigger's test files share: n8n's clock and the sandbox's moved together between
// polls, the trigger in a workflow polled through n8n's PollContext, a replayable random source.
const { nodeInWorkflow, PACKAGE_NAME } = require('./engine');
const { tokenCredential } = require('./sandbox');

/** Timers that stay real under jest's fake timers: only Date moves with the test's clock. */
const REAL_TIMERS = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'];

/**
 * Fakes Date around each test; returns `setNow`, which moves the clock of both sides (n8n's
 * process, Date only, and the sandbox), and `trigger`, a trigger of `typeVersion` with
 * `defaults` under the test's parameters, in a workflow with the sandbox's credential.
 */
function useTrigger(sandbox, { typeVersion, defaults }) {
	beforeEach(() => {
		jest.useFakeTimers({ doNotFake: REAL_TIMERS });
	});
	afterEach(() => {
		jest.useRealTimers();
	});
	function setNow(iso) {
		jest.setSystemTime(new Date(iso));
		sandbox.clock.set(iso);
	}
	async function trigger(parameters = {}, timezone = 'Pacific/Auckland') {
		return await nodeInWorkflow({
			node: {
				id: 'trigger',
				name: 'Headshed Cube Trigger',
				type: `${PACKAGE_NAME}.headshedCubeTrigger`,
				typeVersion,
				position: [0, 0],
				parameters: { ...defaults, ...parameters },
				credentials: { headshedCubeApi: { id: 'cube-sandbox', name: 'Cube sandbox' } },
			},
			credentials: { 'cube-sandbox': tokenCredential(sandbox) },
			settings: { timezone },
		});
	}
	return { setNow, trigger };
}

const emittedOf = (result) => (result ? result[0].map((item) => item.json) : []);

/** A small deterministic random source, so that a failing run can be replayed. */
function random(seed) {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

module.exports = { REAL_TIMERS, useTrigger, emittedOf, random };
