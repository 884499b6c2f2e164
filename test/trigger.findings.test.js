// The eleven findings of issue 23's review, each reproduced against the trigger polled by n8n's
// own PollContext and the generation-2 sandbox (the ones the list model reproduces more faithfully
// are named cases in test/trigger.property.test.js). Each failed on the poll before issue 23.
const { useSandbox } = require('./support/sandbox');
const { REAL_TIMERS, useTrigger, emittedOf } = require('./support/trigger');
const { loggedMessages } = require('./support/engine');

const sandbox = useSandbox({ generation: 2 });
const { setNow, trigger } = useTrigger(sandbox, {
	typeVersion: 2,
	defaults: { event: 'newCallOutcome', scope: 'campaigns', campaignIds: [201], options: { customFieldLabels: false } },
});

const MINUTE = 60_000;
const keyOf = (r) => r.call_outcome__comment;
let added = 0;
const addOutcome = (iso, campaignId = 201) =>
	sandbox.addResponse({ campaign__id: campaignId, submitted_when: iso, comment: `finding outcome ${++added}` });
const at = (start, minutes) => new Date(Date.parse(start) + minutes * MINUTE).toISOString();
const outcomesOf = (campaignId) => sandbox.data.callOutcomesByCampaign.get(campaignId);

/** Polls once a minute from `start` for `polls` minutes; returns every emitted item. */
async function pollEveryMinute(node, start, polls, each = () => {}) {
	const emitted = [];
	for (let minute = 1; minute <= polls; minute++) {
		setNow(at(start, minute));
		each(minute);
		emitted.push(...emittedOf(await node.poll()));
	}
	return emitted;
}

test('finding 1: a failed custom-field label lookup emits nothing and saves nothing; the outcomes come with the next poll', async () => {
	setNow('2026-11-20T10:00:00.000Z');
	const node = await trigger({ options: { customFieldLabels: true } });
	await node.poll();
	setNow('2026-11-20T10:05:00.000Z');
	const outcome = addOutcome('2026-11-20T10:04:00.000Z');
	// A token that may read outcomes but not field definitions.
	sandbox.addFault({ status: 403, times: 100, path: 'crm_custom_fields' });
	await expect(node.poll()).rejects.toThrow(/403/);
	// The user turns labels off: what the failed poll read comes now.
	node.workflow.getNode('Headshed Cube Trigger').parameters.options = { customFieldLabels: false };
	setNow('2026-11-20T10:06:00.000Z');
	expect(emittedOf(await node.poll()).map(keyOf)).toEqual([keyOf(outcome)]);
});

test('finding 2: a deletion plus a late arrival on an earlier page, the count and last page unchanged: emitted within the full-read interval', async () => {
	// 51 outcomes today at page size 25: pages 1 and 2 full, one on page 3.
	sandbox.configure({ pageSize: 25 });
	setNow('2026-11-20T10:00:00.000Z');
	outcomesOf(201).splice(0);
	for (let n = 0; n < 51; n++) addOutcome(at('2026-11-20T09:09:00.000Z', n));
	const node = await trigger({ options: { customFieldLabels: false, fullReadMinutes: 15 } });
	await node.poll();
	let late;
	const emitted = await pollEveryMinute(node, '2026-11-20T10:00:00.000Z', 20, (minute) => {
		if (minute !== 1) return;
		outcomesOf(201).splice(3, 1); // page 1
		late = addOutcome('2026-11-20T09:52:00.000Z'); // 9 minutes late: page 2
	});
	expect(emitted.map(keyOf)).toEqual([keyOf(late)]);
});

test('finding 3: after a whole read, an outcome 12 minutes late at 40 a minute is still emitted (every key of the day is kept)', async () => {
	setNow('2026-11-20T10:00:00.000Z');
	const node = await trigger();
	await node.poll();
	const emitted = [];
	const expected = [];
	for (let minute = 1; minute <= 15; minute++) {
		for (let n = 0; n < 40; n++) expected.push(addOutcome(new Date(Date.parse(at('2026-11-20T10:00:00.000Z', minute)) - 1000 + n * 20).toISOString()));
		// 12 minutes late, listed the minute after a whole read (the page size changed).
		if (minute === 14) expected.push(addOutcome(at('2026-11-20T10:02:00.000Z', 0)));
		if (minute === 13) sandbox.configure({ pageSize: 7 });
		setNow(at('2026-11-20T10:00:00.000Z', minute));
		emitted.push(...emittedOf(await node.poll()));
	}
	expect(emitted.map(keyOf).sort()).toEqual(expected.map(keyOf).sort());
}, 60_000);

test('finding 4: a campaign added while the poll budget reads one campaign a poll loses none of its outcomes', async () => {
	// Date runs on here, so that the sandbox's latency uses up the budget after one campaign.
	jest.useFakeTimers({ doNotFake: REAL_TIMERS, advanceTimers: true });
	sandbox.configure({ latencyMs: 20 });
	let now = Date.parse('2026-11-20T10:00:00.000Z');
	setNow(new Date(now).toISOString());
	const campaignIds = [201, 202, 203, 204, 205, 206];
	const node = await trigger({ campaignIds });
	await node.poll();
	const tight = { extend: (context) => Object.assign(context, { getPollBudgetMs: () => 1 }) };
	const expected = [];
	const emitted = [];
	for (let poll = 0; poll < 12; poll++) {
		now += 5 * MINUTE;
		setNow(new Date(now).toISOString());
		if (poll === 1) node.workflow.getNode('Headshed Cube Trigger').parameters.campaignIds = [...campaignIds, 207];
		if (poll >= 1) expected.push(addOutcome(new Date(now - 30_000).toISOString(), 207));
		emitted.push(...emittedOf(await node.poll(tight)));
	}
	for (let poll = 0; poll < 2; poll++) {
		now += MINUTE;
		setNow(new Date(now).toISOString());
		emitted.push(...emittedOf(await node.poll()));
	}
	const wanted = new Set(expected.map(keyOf));
	expect(emitted.map(keyOf).filter((key) => wanted.has(key)).sort()).toEqual([...wanted].sort());
}, 60_000);

test('finding 6: a list that turns to newest first between polls, its last known record in place, hides no new outcome', async () => {
	// Page size 1, two outcomes known: page 2 holds the second in either order.
	sandbox.configure({ pageSize: 1 });
	setNow('2026-11-20T10:00:00.000Z');
	outcomesOf(201).splice(0);
	addOutcome('2026-11-20T09:00:00.000Z');
	addOutcome('2026-11-20T09:30:00.000Z');
	const node = await trigger();
	await node.poll();
	sandbox.configure({ responseOrder: 'newest' });
	let outcome;
	const emitted = await pollEveryMinute(node, '2026-11-20T10:00:00.000Z', 3, (minute) => {
		if (minute === 1) outcome = addOutcome('2026-11-20T10:00:30.000Z');
	});
	expect(emitted.map(keyOf)).toEqual([keyOf(outcome)]);
});

test('finding 7: two polls started together (a slow Cube) emit each outcome once', async () => {
	setNow('2026-11-20T10:00:00.000Z');
	const node = await trigger();
	await node.poll();
	setNow('2026-11-20T10:05:00.000Z');
	const outcome = addOutcome('2026-11-20T10:04:00.000Z');
	sandbox.configure({ latencyMs: 30 });
	const both = await Promise.all([node.poll(), node.poll()]);
	expect(both.flatMap(emittedOf).map(keyOf)).toEqual([keyOf(outcome)]);
	expect(loggedMessages()).toContain('info: Headshed Cube Trigger: the previous poll is still running; this one is skipped');
});

test('finding 8: switching the event of an active trigger starts a new watch: no history replayed', async () => {
	setNow('2026-11-20T10:00:00.000Z');
	const node = await trigger();
	await node.poll();
	setNow('2026-11-20T10:05:00.000Z');
	await node.poll();
	node.workflow.getNode('Headshed Cube Trigger').parameters.event = 'newProductRegistration';
	setNow('2026-11-20T10:06:00.000Z');
	expect(await node.poll()).toBeNull();
	setNow('2026-11-20T10:07:00.000Z');
	expect(await node.poll()).toBeNull();
});

test('finding 9: renaming a campaign and its data owner re-emits nothing', async () => {
	setNow('2026-11-20T10:00:00.000Z');
	const node = await trigger();
	await node.poll();
	setNow('2026-11-20T10:05:00.000Z');
	const outcome = addOutcome('2026-11-20T10:04:00.000Z');
	expect(emittedOf(await node.poll()).map(keyOf)).toEqual([keyOf(outcome)]);
	for (const entry of outcomesOf(201)) Object.assign(entry.record, { campaign__name: 'Renamed', data_owner__name: 'Renamed AS' });
	const emitted = await pollEveryMinute(node, '2026-11-20T10:05:00.000Z', 70);
	expect(emitted).toEqual([]);
}, 60_000);

test('finding 10: against a Cube that lists newest first, a poll that finds one new outcome among 2,000 costs a few requests', async () => {
	sandbox.configure({ pageSize: 25, responseOrder: 'newest' });
	setNow('2026-11-20T10:00:00.000Z');
	for (let n = 0; n < 2000; n++) addOutcome(new Date(Date.parse('2026-11-20T01:00:00.000Z') + n * 15_000).toISOString());
	const node = await trigger();
	await node.poll();
	setNow('2026-11-20T10:01:00.000Z');
	await node.poll();
	sandbox.clearRequests();
	setNow('2026-11-20T10:02:00.000Z');
	const outcome = addOutcome('2026-11-20T10:01:30.000Z');
	expect(emittedOf(await node.poll()).map(keyOf)).toEqual([keyOf(outcome)]);
	expect(sandbox.requests.length).toBeLessThanOrEqual(5);
}, 60_000);

test('finding 11: a later page read where Cube links a next page from the last page too does not fail the poll', async () => {
	sandbox.configure({ pageSize: 25, nextLinkTarget: 'request' });
	setNow('2026-11-20T10:00:00.000Z');
	for (let n = 0; n < 60; n++) addOutcome(at('2026-11-20T08:00:00.000Z', n));
	const node = await trigger();
	await node.poll();
	const emitted = await pollEveryMinute(node, '2026-11-20T10:00:00.000Z', 3, (minute) => {
		if (minute === 2) addOutcome('2026-11-20T10:01:30.000Z');
	});
	expect(emitted).toHaveLength(1);
});
