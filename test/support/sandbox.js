// A Cube sandbox per test file, on a free loopback port, reset before each test.
const { createSandbox, SANDBOX_TOKEN, SANDBOX_USERNAME, SANDBOX_PASSWORD } = require('../../sandbox');

/** A fixed clock, so that "today" and the seeded responses are the same in every run. */
const SANDBOX_NOW = '2026-11-20T10:00:00.000Z';

function useSandbox(options = {}) {
	const sandbox = createSandbox({ now: SANDBOX_NOW, freezeClock: true, ...options });
	const defaults = { ...sandbox.knobs };
	beforeAll(async () => {
		await sandbox.start(0);
	});
	afterAll(async () => {
		await sandbox.stop();
	});
	beforeEach(() => {
		sandbox.reset();
		sandbox.configure({
			pageSize: defaults.pageSize,
			latencyMs: defaults.latencyMs,
			latencyJitterMs: defaults.latencyJitterMs,
			nextLinkStyle: defaults.nextLinkStyle,
			paths: defaults.paths,
			timeZone: defaults.timeZone,
			responseOrder: defaults.responseOrder,
		});
		// Generation 2's own knobs, where the sandbox has them.
		const { crmSegment, nextLinkTarget, looseTypes } = defaults;
		if (crmSegment !== undefined) sandbox.configure({ crmSegment, nextLinkTarget, looseTypes });
		sandbox.clock.set(SANDBOX_NOW);
	});
	return sandbox;
}

function tokenCredential(sandbox, overrides = {}) {
	return { baseUrl: sandbox.url, authentication: 'token', token: SANDBOX_TOKEN, ...overrides };
}

function basicCredential(sandbox, overrides = {}) {
	return {
		baseUrl: sandbox.url,
		authentication: 'basic',
		username: SANDBOX_USERNAME,
		password: SANDBOX_PASSWORD,
		...overrides,
	};
}

/**
 * A response record to push straight into the sandbox's store (no customer lookup), for tests
 * and benchmarks that need many: the `n`th of a series, at `atMs`, its micros from `n`.
 */
function bulkResponse(campaignId, n, atMs) {
	return {
		submitted_by: 'bulk@example.no',
		submitted_when: new Date(atMs).toISOString().replace('Z', `${String(n % 1000).padStart(3, '0')}Z`),
		crm_customer_id: 100000 + (n % 5000),
		customer_name: 'Bulk',
		campaign_id: campaignId,
		type: 'Completed - Yes',
		subtype: '',
		comment: `bulk ${n}`,
	};
}

/** The API requests the sandbox served, as `METHOD path?query` lines. */
function served(sandbox) {
	return sandbox.requests.map((request) => `${request.method} ${request.pathWithQuery}`);
}

module.exports = { bulkResponse, useSandbox, tokenCredential, basicCredential, served, SANDBOX_NOW, SANDBOX_TOKEN };
