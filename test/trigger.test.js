// The trigger polled by n8n's own PollContext against the sandbox, with the clock moved between
// polls: every response added is emitted once, none twice, none missed, faults included.
const { bulkResponse, useSandbox } = require('./support/sandbox');
const { REAL_TIMERS, useTrigger, emittedOf, random } = require('./support/trigger');
const { loggedMessages } = require('./support/engine');

const sandbox = useSandbox({ timeZone: 'Europe/Oslo' });
const { setNow, trigger } = useTrigger(sandbox, { typeVersion: 1, defaults: { event: 'newResponse', campaignIds: [101, 104] } });

const keyOf = (r) => `${r.campaign_id}|${r.submitted_when}|${r.crm_customer_id}|${r.comment}`;

function customerOf(campaignId, pick) {
	const assignment = sandbox.data.campaigns.find((c) => c.campaign_id === campaignId).assignment_id;
	const customers = sandbox.data.customersByAssignment.get(assignment);
	return customers[Math.floor(pick * customers.length)];
}

let added = 0;
function addResponse(campaignId, submittedWhen, pick = 0.5) {
	return sandbox.addResponse({ ...responseFields(campaignId, pick), submitted_when: submittedWhen });
}

test('activation replays no history; each new response is emitted once, oldest first', async () => {
	setNow('2026-11-20T10:00:00.000Z');
	const node = await trigger();
	expect(await node.poll()).toBeNull();

	setNow('2026-11-20T10:05:00.000Z');
	const second = addResponse(104, '2026-11-20T10:04:00.000002Z');
	const first = addResponse(101, '2026-11-20T10:04:00.000001Z');
	addResponse(105, '2026-11-20T10:04:30.000000Z'); // not watched
	const emitted = emittedOf(await node.poll());
	expect(emitted.map(keyOf)).toEqual([keyOf(first), keyOf(second)]);
	expect(emitted[0]).toEqual(expect.objectContaining({ crm_customer_id: first.crm_customer_id, type: 'Completed - Yes' }));

	setNow('2026-11-20T10:06:00.000Z');
	expect(await node.poll()).toBeNull();
});

test('"Fetch test event" shows the latest responses and leaves the cursor alone', async () => {
	setNow('2026-11-20T10:00:00.000Z');
	const node = await trigger();
	const result = await node.poll({ mode: 'manual' });
	const emitted = emittedOf(result);
	expect(emitted).toHaveLength(10);
	const times = emitted.map((r) => r.submitted_when);
	expect([...times].sort()).toEqual(times);
	expect(node.workflow.staticData['node:Headshed Cube Trigger']).toBeUndefined();
});

test('"Fetch test event" looks back over the week when today has nothing yet', async () => {
	setNow('2026-11-21T00:30:00.000Z');
	const node = await trigger({}, 'Europe/Oslo');
	const emitted = emittedOf(await node.poll({ mode: 'manual' }));
	expect(emitted).toHaveLength(10);
	expect(emitted.every((r) => r.submitted_when < '2026-11-20T23:00:00Z')).toBe(true);
	const days = sandbox.requests.map((r) => r.path.match(/from_date\/(\d+)\/to_date\/(\d+)/).slice(1).join('-'));
	expect([...new Set(days)]).toEqual(['20261121-20261121', '20261114-20261121']);
	expect(days.filter((d) => d === '20261121-20261121')).toHaveLength(2);
});

test('a poll that fails half-way counts nothing as seen; the next poll delivers all', async () => {
	setNow('2026-11-20T10:00:00.000Z');
	const node = await trigger();
	await node.poll();
	setNow('2026-11-20T10:10:00.000Z');
	const responses = [addResponse(101, '2026-11-20T10:09:00.000000Z'), addResponse(104, '2026-11-20T10:09:01.000000Z')];
	sandbox.addFault({ status: 503, retryAfter: 0, times: 4, path: '/campaigns/104/' });
	await expect(node.poll()).rejects.toThrow(/503 Service Unavailable .*campaigns\/104\/responses/);
	setNow('2026-11-20T10:11:00.000Z');
	expect(emittedOf(await node.poll()).map(keyOf)).toEqual(responses.map(keyOf));
});

test('a poll that runs out of its time budget stops, saves what it read, and the next one resumes', async () => {
	// Date runs on here, so that the sandbox's latency uses up the budget between campaigns.
	jest.useFakeTimers({ doNotFake: REAL_TIMERS, advanceTimers: true });
	sandbox.configure({ latencyMs: 20 });
	let now = Date.parse('2026-11-20T10:00:00.000Z');
	setNow(new Date(now).toISOString());
	const node = await trigger({ campaignIds: [101, 104, 107] });
	await node.poll();
	const tight = { extend: (context) => Object.assign(context, { getPollBudgetMs: () => 1 }) };
	const expected = [];
	const perPoll = [];
	// Three days of hourly polls, none of which can read every campaign.
	for (let poll = 0; poll < 72; poll++) {
		now += 3_600_000;
		setNow(new Date(now).toISOString());
		for (const id of [101, 104, 107]) expected.push(addResponse(id, new Date(now - 60_000).toISOString()));
		perPoll.push(emittedOf(await node.poll(tight)));
		sandbox.clearRequests();
	}
	now += 60_000;
	setNow(new Date(now).toISOString());
	const emitted = [...perPoll.flat(), ...emittedOf(await node.poll())];
	// Each tight poll read one campaign and stopped; the next went on with the next campaign.
	expect(perPoll.slice(0, 4).map((poll) => [...new Set(poll.map((r) => r.campaign_id))])).toEqual([[101], [104], [107], [101]]);
	expect(emitted.map(keyOf).sort()).toEqual(expected.map(keyOf).sort());
	// The days read stay the watched window (Auckland dates), however long the polls fell short.
	const days = sandbox.requests.flatMap((r) => r.path.match(/\d{8}/g) ?? []);
	expect(days.length).toBeGreaterThan(0);
	expect(days.every((day) => day >= '20261122')).toBe(true);
}, 120_000);

test('around midnight in a zone far from UTC, and in Cube\'s own zone, nothing is missed', async () => {
	// 11:00 UTC is midnight in Auckland (UTC+13); 23:00 UTC is midnight in Oslo (UTC+1).
	setNow('2026-11-20T10:50:00.000Z');
	const node = await trigger();
	await node.poll();
	const expected = [];
	const emitted = [];
	for (const [now, when] of [
		['2026-11-20T11:02:00.000Z', ['2026-11-20T10:59:59.999999Z', '2026-11-20T11:00:00.000001Z']],
		['2026-11-20T22:58:00.000Z', ['2026-11-20T22:57:00.000000Z']],
		['2026-11-20T23:03:00.000Z', ['2026-11-20T22:59:59.500000Z', '2026-11-20T23:00:00.100000Z', '2026-11-20T23:02:59.000000Z']],
	]) {
		setNow(now);
		for (const at of when) expected.push(addResponse(101, at));
		emitted.push(...emittedOf(await node.poll()));
	}
	expect(emitted.map(keyOf)).toEqual(expected.map(keyOf));
});

/** Sets n8n's clock `skewMs` ahead of Cube's (behind when negative). */
function setSkewedNow(iso, skewMs) {
	jest.setSystemTime(new Date(Date.parse(iso) + skewMs));
	sandbox.clock.set(iso);
}

/** Polls every 10 minutes from `fromIso`, one new response per campaign and poll; returns what was missed and repeated. */
async function pollsWithOneResponseEach(node, fromIso, polls, skewMs = 0, campaigns = [101, 104]) {
	const expected = [];
	const emitted = [];
	let now = Date.parse(fromIso);
	for (let poll = 0; poll < polls; poll++) {
		now += 600_000;
		for (const id of campaigns) expected.push(addResponse(id, new Date(now - 30_000).toISOString()));
		setSkewedNow(new Date(now).toISOString(), skewMs);
		emitted.push(...emittedOf(await node.poll()));
	}
	const seen = emitted.map(keyOf);
	return {
		missed: expected.filter((r) => !seen.includes(keyOf(r))).length,
		repeated: seen.length - new Set(seen).size,
		emitted: seen.length,
	};
}

test('one response stamped hours in the future does not hide the ordinary ones after it', async () => {
	setNow('2026-11-20T10:00:00.000Z');
	const node = await trigger();
	await node.poll();
	setNow('2026-11-20T10:05:00.000Z');
	const future = sandbox.addResponse(
		{ campaign_id: 101, comment: 'imported with a future time', submitted_when: '2026-11-20T12:05:00.000000Z' },
		{ visibleNow: true },
	);
	expect(emittedOf(await node.poll()).map(keyOf)).toEqual([keyOf(future)]);
	// Two hours of ordinary responses after it: none lost, the future one never again.
	expect(await pollsWithOneResponseEach(node, '2026-11-20T10:05:00.000Z', 14)).toEqual({ missed: 0, repeated: 0, emitted: 28 });
});

test.each([
	['30 minutes ahead of', 30 * 60_000],
	['20 hours ahead of', 20 * 3_600_000],
	['23 hours behind', -23 * 3_600_000],
])('n8n\'s clock %s Cube\'s loses nothing, from activation on', async (_, skewMs) => {
	setSkewedNow('2026-11-20T10:00:00.000Z', skewMs);
	const node = await trigger();
	await node.poll();
	expect(await pollsWithOneResponseEach(node, '2026-11-20T10:00:00.000Z', 9, skewMs)).toEqual({ missed: 0, repeated: 0, emitted: 18 });
});

test('a watched campaign that no longer exists is skipped; the others still deliver', async () => {
	setNow('2026-11-20T10:00:00.000Z');
	const logged = loggedMessages().length;
	const node = await trigger({ campaignIds: [101, 999] });
	await node.poll();
	expect(await pollsWithOneResponseEach(node, '2026-11-20T10:00:00.000Z', 2, 0, [101])).toEqual({ missed: 0, repeated: 0, emitted: 2 });
	// said in n8n's log, once a poll
	expect(loggedMessages().slice(logged).filter((line) => line.includes('Headshed Cube Trigger'))).toEqual(Array(3).fill('warn: Headshed Cube Trigger: campaign 999 was not found (404); it is skipped'));
});

test.each([['"101abc"', ['101abc']], ['a missing id', [101, '']], ['a negative id', [-4]], ['a comma list with a word', '101,abc']])(
	'campaign ids with %s are refused, never widened to every campaign',
	async (_, campaignIds) => {
		setNow('2026-11-20T10:00:00.000Z');
		const node = await trigger({ campaignIds });
		await expect(node.poll()).rejects.toThrow(/campaign ID to watch must be a positive whole number/);
		expect(sandbox.requests).toHaveLength(0);
	},
);

test('a campaign added to an active trigger replays no history before the previous poll\'s late-arrival margin', async () => {
	setNow('2026-11-20T10:00:00.000Z');
	const node = await trigger({ campaignIds: [101] });
	await node.poll();
	setNow('2026-11-20T10:05:00.000Z');
	await node.poll();
	node.workflow.getNode('Headshed Cube Trigger').parameters.campaignIds = [101, 104];
	// Within 15 minutes before the previous poll (10:05): may have become visible only now.
	const margin = sandbox.data.responsesByCampaign.get(104).filter((r) => r.submitted_when > '2026-11-20T09:50');
	expect(margin.length).toBeLessThan(5);
	expect(await pollsWithOneResponseEach(node, '2026-11-20T10:05:00.000Z', 2)).toEqual({ missed: 0, repeated: 0, emitted: 4 + margin.length });
});

test('campaign ids as a comma list from an expression are watched', async () => {
	setNow('2026-11-20T10:00:00.000Z');
	const node = await trigger({ campaignIds: '101, 104' });
	await node.poll();
	expect(await pollsWithOneResponseEach(node, '2026-11-20T10:00:00.000Z', 1)).toEqual({ missed: 0, repeated: 0, emitted: 2 });
});

/** `count` responses of one campaign spread over `spanMs` before `endIso`, straight into the sandbox's store. */
function bulkResponses(campaignId, count, endIso, spanMs) {
	const list = sandbox.data.responsesByCampaign.get(campaignId);
	const end = Date.parse(endIso);
	for (let n = 0; n < count; n++) {
		list.push(bulkResponse(campaignId, n, end - Math.floor((spanMs * (n + 1)) / count)));
	}
}

test('150,000 responses in the watched days neither overflow the stack nor cost more than the new pages', async () => {
	sandbox.configure({ pageSize: 10_000 });
	bulkResponses(101, 150_000, '2026-11-20T09:59:00.000Z', 12 * 3_600_000);
	setNow('2026-11-20T10:00:00.000Z');
	const node = await trigger({ campaignIds: [101] });
	await node.poll();
	sandbox.clearRequests();
	expect(await pollsWithOneResponseEach(node, '2026-11-20T10:00:00.000Z', 1, 0, [101])).toEqual({ missed: 0, repeated: 0, emitted: 1 });
	// One request per day holding responses (each the page with its last known one), one per run of empty days.
	expect(sandbox.requests.length).toBeLessThanOrEqual(4);
	// The key of every record of the watched days: about 15 bytes each.
	expect(JSON.stringify(node.workflow.staticData).length).toBeLessThan(16 * 150_000);
}, 120_000);

test('a burst of 21,000 responses within minutes is emitted once, also when the order changes at every poll', async () => {
	sandbox.configure({ pageSize: 10_000, responseOrder: 'shuffled' });
	setNow('2026-11-20T10:00:00.000Z');
	const node = await trigger({ campaignIds: [101] });
	await node.poll();
	bulkResponses(101, 21_000, '2026-11-20T10:04:00.000Z', 4 * 60_000);
	setNow('2026-11-20T10:05:00.000Z');
	expect(emittedOf(await node.poll())).toHaveLength(21_000);
	for (const at of ['2026-11-20T10:06:00.000Z', '2026-11-20T10:07:00.000Z']) {
		setNow(at);
		expect(await node.poll()).toBeNull();
	}
	expect(await pollsWithOneResponseEach(node, '2026-11-20T10:07:00.000Z', 2, 0, [101])).toEqual({ missed: 0, repeated: 0, emitted: 2 });
	expect(JSON.stringify(node.workflow.staticData).length).toBeLessThan(16 * 21_100);
}, 120_000);

test('a response on the edge of the late-arrival window, to the microsecond, is emitted once', async () => {
	setNow('2026-11-20T10:15:00.000Z');
	const node = await trigger({ campaignIds: [101] });
	addResponse(101, '2026-11-20T10:15:00.000000Z');
	await node.poll();
	setNow('2026-11-20T10:15:30.000Z');
	const edge = addResponse(101, '2026-11-20T10:00:00.000500Z');
	const emitted = [];
	for (let poll = 0; poll < 5; poll++) {
		setNow(`2026-11-20T10:15:3${poll}.000Z`);
		emitted.push(...emittedOf(await node.poll()));
	}
	expect(emitted.map(keyOf)).toEqual([keyOf(edge)]);
});

test('a quiet poll reads only the page with the last known response; new ones cost their pages', async () => {
	setNow('2026-11-20T10:00:00.000Z');
	bulkResponses(101, 60, '2026-11-20T09:59:00.000Z', 3_600_000);
	const node = await trigger({ campaignIds: [101] });
	await node.poll();
	const today = (r) => r.path.includes('from_date/20261120/to_date/20261120');
	const ofToday = () => sandbox.requests.filter(today).map((r) => r.pathWithQuery.replace(/^.*\/responses\/[^?]*/, '') || '?page=1');
	const quiet = async (at) => {
		sandbox.clearRequests();
		setNow(at);
		return emittedOf(await node.poll());
	};
	const known = sandbox.data.responsesByCampaign.get(101).filter((r) => r.submitted_when >= '2026-11-19T23:00' && r.submitted_when < '2026-11-20T10').length;
	const lastPage = Math.ceil(known / 25);
	expect(lastPage).toBeGreaterThan(2);
	expect(await quiet('2026-11-20T10:01:00.000Z')).toEqual([]);
	expect(ofToday()).toEqual([`?page=${lastPage}`]);
	const newOnes = 25 - (known % 25) + 3; // fills the last page and starts the next
	for (let n = 0; n < newOnes; n++) addResponse(101, '2026-11-20T10:01:30.000000Z', n / newOnes);
	expect(await quiet('2026-11-20T10:02:00.000Z')).toHaveLength(newOnes);
	// The two pages, one at a time: the trigger checks what it reads itself (see docs/trigger.md).
	expect(ofToday()).toEqual([`?page=${lastPage}`, `?page=${lastPage + 1}`]);
	expect(await quiet('2026-11-20T10:03:00.000Z')).toEqual([]);
	expect(ofToday()).toEqual([`?page=${lastPage + 1}`]);
});

test('when the known responses are not where they were left, the poll reads all and loses nothing', async () => {
	setNow('2026-11-20T10:00:00.000Z');
	bulkResponses(101, 60, '2026-11-20T09:59:00.000Z', 3_600_000);
	const node = await trigger({ campaignIds: [101] });
	await node.poll();
	const fallbacks = () => node.workflow.staticData['node:Headshed Cube Trigger'].cursor.fallbacks;
	// The page size changes.
	sandbox.configure({ pageSize: 7 });
	expect(await pollsWithOneResponseEach(node, '2026-11-20T10:00:00.000Z', 2, 0, [101])).toEqual({ missed: 0, repeated: 0, emitted: 2 });
	expect(fallbacks()).toBeGreaterThan(0);
	// A response vanishes and another comes in its place.
	const before = fallbacks();
	const today = sandbox.data.responsesByCampaign.get(101);
	today.splice(today.findIndex((r) => r.submitted_when >= '2026-11-20'), 1);
	expect(await pollsWithOneResponseEach(node, '2026-11-20T10:20:00.000Z', 1, 0, [101])).toEqual({ missed: 0, repeated: 0, emitted: 1 });
	expect(fallbacks()).toBe(before + 1);
});

test('a workflow active with the version-1 cursor carries on after the upgrade: no replay, no loss', async () => {
	setNow('2026-11-20T10:00:00.000Z');
	const node = await trigger();
	// What version 1 saved at 10:00: the floor, and the keys of the responses of its last 15 minutes.
	const { legacyResponseKey: responseKey } = require('../dist/nodes/HeadshedCubeTrigger/v1/responseIdentity');
	const seen = {};
	for (const id of [101, 104]) {
		for (const r of sandbox.data.responsesByCampaign.get(id)) {
			if (r.submitted_when > '2026-11-20T09:45' && r.submitted_when <= '2026-11-20T10:00') seen[responseKey(r)] = r.submitted_when;
		}
	}
	node.workflow.staticData['node:Headshed Cube Trigger'] = { cursor: { version: 1, floor: '2026-11-20T10:00:00.000Z', seen } };
	setNow('2026-11-20T10:05:00.000Z');
	const missedWhileUpgrading = addResponse(104, '2026-11-20T10:03:00.000000Z');
	expect(emittedOf(await node.poll()).map(keyOf)).toEqual([keyOf(missedWhileUpgrading)]);
	expect(node.workflow.staticData['node:Headshed Cube Trigger'].cursor.version).toBe(3);
	expect(await pollsWithOneResponseEach(node, '2026-11-20T10:05:00.000Z', 2)).toEqual({ missed: 0, repeated: 0, emitted: 4 });
});

/** Above the 500 keys the cursor's log keeps per campaign (LOG_LIMITS.maxKeys). */
const BURST = 600;

/** n8n's clock against Cube's during the simulation: in step, ahead, behind, far ahead. */
const SKEW_PHASES = [0, 30 * 60_000, -5 * 3_600_000, 20 * 3_600_000];

/**
 * Days of polls against a changing Cube: late arrivals, same-second and microsecond-edge twins,
 * responses stamped hours in the future, a burst above the log's key cap, faults, a campaign
 * that ends and one that starts, and n8n's clock skewed against Cube's. Returns the tally.
 */
async function simulate({ polls, pageSize, responseOrder, seed }) {
	const rand = random(seed);
	sandbox.configure({ pageSize, responseOrder });
	let now = Date.parse('2026-11-20T21:30:00.000Z');
	let skew = 0;
	const setClocks = () => setSkewedNow(new Date(now).toISOString(), skew);
	setClocks();
	const node = await trigger({ campaignIds: [] });
	await node.poll();
	const watched = () => sandbox.data.campaigns.filter((c) => !c.end_date || c.end_date >= '2026-11-20').map((c) => c.campaign_id);
	const stats = { polls: 0, failedOnPurpose: 0, faults: 0, added: 0, futureStamped: 0, burst: 0 };
	const expected = new Map();
	const emitted = new Map();
	const note = (map, r) => map.set(keyOf(r), (map.get(keyOf(r)) ?? 0) + 1);
	// Responses added since the last poll that succeeded: those of a campaign that ends before
	// the next success were never watched by a successful poll, so only they may go unseen.
	let sinceLastSuccess = [];
	const forgiven = new Set();
	const add = (campaignId, at, pick, options) => {
		const response = sandbox.addResponse({ ...responseFields(campaignId, pick), submitted_when: at }, options);
		note(expected, response);
		sinceLastSuccess.push(response);
		stats.added++;
		return response;
	};

	for (let poll = 0; poll < polls; poll++) {
		now += Math.floor(rand() * 30 + 1) * 60_000;
		skew = SKEW_PHASES[Math.floor((poll * SKEW_PHASES.length) / polls)];
		setClocks();
		const campaigns = watched();
		const count = Math.floor(rand() * 5);
		for (let n = 0; n < count; n++) {
			// Submitted up to 10 minutes before they become visible, sometimes in the same second.
			const at = new Date(now - Math.floor(rand() * 600_000)).toISOString().replace('Z', `${String(Math.floor(rand() * 1000)).padStart(3, '0')}Z`);
			const response = add(campaigns[Math.floor(rand() * campaigns.length)], at, rand());
			if (rand() < 0.1) add(response.campaign_id, response.submitted_when.replace(/\d{3}Z$/, '999Z'), rand());
			// On the millisecond edge: the same millisecond, one microsecond apart.
			if (rand() < 0.1) add(response.campaign_id, response.submitted_when.replace(/\d{6}Z$/, '000000Z'), rand());
		}
		if (rand() < 0.03) {
			// Stamped 2 to 30 hours ahead (a clock that ran ahead, an import) and listed at once.
			const ahead = new Date(now + Math.floor(2 + rand() * 28) * 3_600_000).toISOString().replace('Z', '123Z');
			add(campaigns[Math.floor(rand() * campaigns.length)], ahead, rand(), { visibleNow: true });
			stats.futureStamped++;
		}
		if (poll === polls - 10) {
			// More responses within ten minutes than the log keeps keys.
			for (let n = 0; n < BURST; n++) add(101, new Date(now - 600_000 + n * 997).toISOString().replace('Z', '500Z'), rand());
			stats.burst = BURST;
		}
		const dice = rand();
		if (dice < 0.08) sandbox.addFault({ status: 503, retryAfter: 0, times: 4, path: '/responses/' });
		else if (dice < 0.14) sandbox.addFault({ status: 429, retryAfter: 0, times: 1 });
		else if (dice < 0.18) sandbox.addFault({ kind: 'reset', times: 1 });
		else if (dice < 0.22) sandbox.addFault({ kind: 'malformed', times: 1, path: 'page=2' });
		if (dice < 0.22) stats.faults++;
		if (poll === 60) {
			// The campaign list changes: a campaign ends, another is added.
			sandbox.data.campaigns.find((c) => c.campaign_id === 105).end_date = '2026-11-19';
			sandbox.data.campaigns.push({ ...sandbox.data.campaigns[0], campaign_id: 150, campaign_name: 'Julekampanje', start_date: '2026-11-21', end_date: '' });
			sandbox.data.responsesByCampaign.set(150, []);
			for (const r of sinceLastSuccess) if (r.campaign_id === 105) forgiven.add(keyOf(r));
		}
		stats.polls++;
		try {
			for (const response of emittedOf(await node.poll())) note(emitted, response);
			sinceLastSuccess = [];
		} catch (error) {
			stats.failedOnPurpose++;
		}
		sandbox.clearFaults();
		sandbox.clearRequests();
	}
	now += 60_000;
	setClocks();
	for (const response of emittedOf(await node.poll())) note(emitted, response);

	for (const key of forgiven) if (!emitted.has(key)) expected.delete(key);
	const cursor = node.workflow.staticData['node:Headshed Cube Trigger'].cursor;
	return {
		...stats,
		emitted: emitted.size,
		missed: [...expected.keys()].filter((key) => !emitted.has(key)).length,
		duplicated: [...emitted.values()].filter((n) => n > 1).length,
		extra: [...emitted.keys()].filter((key) => !expected.has(key)).length,
		forgiven: forgiven.size,
		fallbacks: cursor.fallbacks,
		stateBytes: JSON.stringify(cursor).length,
		campaign150: [...emitted.keys()].some((key) => key.startsWith('150|')),
	};
}

function responseFields(campaignId, pick) {
	const customer = customerOf(campaignId, pick);
	return {
		campaign_id: campaignId,
		crm_customer_id: customer.customer_id,
		customer_name: customer.name,
		type: 'Completed - Yes',
		subtype: 'Sale',
		comment: `test response ${++added}`,
		submitted_by: 'agent@example.no',
	};
}

/** What one simulation exercised and how it came out, in words, printed by every run. */
function report(name, t) {
	process.stdout.write(
		`trigger simulation (${name}): ${t.polls} polls, ${t.failedOnPurpose} of them failed on purpose by injected faults ` +
			`(${t.faults} faults injected, each failed poll's responses came with a later poll); ${t.added} responses added ` +
			`(${t.futureStamped} stamped hours ahead, a burst of ${t.burst}), ${t.emitted} emitted; missed ${t.missed}, ` +
			`twice ${t.duplicated}, never added ${t.extra}; ${t.forgiven} added to campaign 105 between its last successful ` +
			`poll and its end were not required; ${t.fallbacks} day lists read in full because the known responses were not ` +
			`where they were left; cursor ${t.stateBytes} bytes\n`,
	);
}

test.each([
	['stable order', { polls: 160, pageSize: 7, responseOrder: 'submitted', seed: 20261128 }],
	['order changing between polls', { polls: 100, pageSize: 25, responseOrder: 'shuffled', seed: 20261129 }],
])('simulation, %s: days of polls with late, future-stamped, edge and burst responses, skewed clocks and faults', async (name, options) => {
	const tally = await simulate(options);
	report(name, tally);
	expect({ missed: tally.missed, duplicated: tally.duplicated, extra: tally.extra }).toEqual({ missed: 0, duplicated: 0, extra: 0 });
	expect(tally.failedOnPurpose).toBeGreaterThan(0);
	expect(tally.fallbacks).toBeGreaterThan(0);
	expect(tally.campaign150).toBe(true);
	// A few KB per watched campaign.
	expect(tally.stateBytes / 10).toBeLessThan(8_000);
}, 400_000);
