// Version 2 of the trigger, polled by n8n's own PollContext against a generation-2 sandbox, with
// the clock moved between polls: call outcomes and product registrations per campaign, per CRM
// and for the whole tenant, each emitted once, none missed, faults included; bad input refused.
const { useSandbox } = require('./support/sandbox');
const { useTrigger, emittedOf, random } = require('./support/trigger');

const sandbox = useSandbox({ generation: 2 });
const { setNow, trigger } = useTrigger(sandbox, {
	typeVersion: 2,
	defaults: { event: 'newCallOutcome', scope: 'campaigns', campaignIds: [201, 204] },
});
const STATE = 'node:Headshed Cube Trigger';

/** Each record added by a test carries its own comment; product registrations their product too. */
const keyOf = (r) => `${r.call_outcome__comment}|${r.product__code ?? ''}`;
const noLabels = { options: { customFieldLabels: false } };

let added = 0;
function addOutcome(campaignId, iso, pick = 0) {
	const campaign = sandbox.data.campaigns.find((c) => c.campaign__id === campaignId);
	const customers = sandbox.data.customersByCrm.get(`${campaign.data_owner__id}:${campaign.campaign__crm_type}`);
	return sandbox.addResponse({
		campaign__id: campaignId,
		crm__customer_id: customers[Math.floor(pick * Math.min(customers.length, 400))].crm__customer_id,
		submitted_when: iso,
		comment: `test outcome ${++added}`,
	});
}

/** A product registration as Cube lists it: the outcome's fields without the timestamp, and the product's. */
function addRegistration(campaignId, iso, code = 'SPOT', pick = 0) {
	const outcome = addOutcome(campaignId, iso, pick);
	const fields = Object.entries(outcome).filter(([key]) => key !== 'call_outcome__report_as__submitted_when_timestamp');
	const record = { ...Object.fromEntries(fields), product__code: code, product__title: code, product__price: '49.0' };
	sandbox.data.registrationsByCampaign.get(campaignId).push({ ms: Date.parse(iso), record });
	return record;
}

describe('call outcomes', () => {
	test('activation replays no history; each new call outcome of the watched campaigns is emitted once, oldest first', async () => {
		setNow('2026-11-20T10:00:00.000Z');
		const node = await trigger(noLabels);
		expect(await node.poll()).toBeNull();

		setNow('2026-11-20T10:05:00.000Z');
		// In one minute, the campaign read last first: the order comes from the timestamps.
		const second = addOutcome(201, '2026-11-20T10:04:10.000Z');
		const first = addOutcome(204, '2026-11-20T10:04:00.000Z');
		addOutcome(202, '2026-11-20T10:04:30.000Z'); // not watched
		const emitted = emittedOf(await node.poll());
		expect(emitted).toEqual([first, second]);

		setNow('2026-11-20T10:06:00.000Z');
		expect(await node.poll()).toBeNull();
	});

	test('custom fields come under their labels, as in the node; off, under their ids', async () => {
		const definitions = sandbox.data.definitionsByCrm.get('12:B2C');
		const label = definitions.find((d) => d.lookup__id === 'crm__custom_info__64').key;
		for (const [options, present, absent] of [
			[{}, `crm__custom_info__${label}`, 'crm__custom_info__64'],
			[noLabels, 'crm__custom_info__64', `crm__custom_info__${label}`],
		]) {
			setNow('2026-11-20T10:00:00.000Z');
			const node = await trigger({ campaignIds: [201], ...options });
			await node.poll();
			setNow('2026-11-20T10:05:00.000Z');
			const outcome = addOutcome(201, '2026-11-20T10:04:00.000Z');
			const [emitted] = emittedOf(await node.poll());
			expect(emitted[present]).toBe(outcome.crm__custom_info__64);
			expect(emitted).not.toHaveProperty(absent);
		}
	});

	test.each([
		['a CRM', { scope: 'crm', dataOwnerId: { __rl: true, mode: 'id', value: '12' }, crmType: 'B2C' }, [201, 202], [203, 204]],
		['the whole tenant', { scope: 'all' }, [201, 203, 205, 206], []],
		['every active campaign (none chosen)', { campaignIds: [] }, [201, 202, 203, 204, 205, 206], [207, 208]],
	])('scope %s: its call outcomes are emitted, no others', async (_, parameters, inScope, outOfScope) => {
		setNow('2026-11-20T10:00:00.000Z');
		const node = await trigger({ ...parameters, ...noLabels });
		expect(await node.poll()).toBeNull();
		setNow('2026-11-20T10:10:00.000Z');
		const expected = inScope.map((id, n) => addOutcome(id, `2026-11-20T10:0${n}:00.000Z`));
		for (const id of outOfScope) addOutcome(id, '2026-11-20T10:09:00.000Z');
		expect(emittedOf(await node.poll()).map(keyOf)).toEqual(expected.map(keyOf));
		setNow('2026-11-20T10:11:00.000Z');
		expect(await node.poll()).toBeNull();
	});

	test('"Fetch test event" shows the latest real call outcomes and leaves the cursor alone', async () => {
		setNow('2026-11-20T10:00:00.000Z');
		const node = await trigger(noLabels);
		const emitted = emittedOf(await node.poll({ mode: 'manual' }));
		expect(emitted).toHaveLength(10);
		const known = new Set([201, 204].flatMap((id) => sandbox.data.callOutcomesByCampaign.get(id).map((e) => JSON.stringify(e.record))));
		expect(emitted.every((r) => known.has(JSON.stringify(r)))).toBe(true);
		const times = emitted.map((r) => r.call_outcome__report_as__submitted_when_timestamp);
		expect([...times].sort()).toEqual(times);
		expect(node.workflow.staticData[STATE]).toBeUndefined();
	});

	test('call outcomes in the same minute, and one listed before the known ones, are each emitted once', async () => {
		setNow('2026-11-20T10:00:00.000Z');
		const node = await trigger({ campaignIds: [201], ...noLabels });
		await node.poll();
		setNow('2026-11-20T10:05:00.000Z');
		const sameMinute = [addOutcome(201, '2026-11-20T10:04:01.000Z'), addOutcome(201, '2026-11-20T10:04:01.000Z', 0.5)];
		expect(emittedOf(await node.poll()).map(keyOf)).toEqual(sameMinute.map(keyOf));
		// Submitted before the last known one, listed only now: Cube sorts it in before them.
		setNow('2026-11-20T10:06:00.000Z');
		const late = addOutcome(201, '2026-11-20T09:58:00.000Z');
		expect(emittedOf(await node.poll()).map(keyOf)).toEqual([keyOf(late)]);
		expect(node.workflow.staticData[STATE].cursor.fallbacks).toBeGreaterThan(0);
		setNow('2026-11-20T10:07:00.000Z');
		expect(await node.poll()).toBeNull();
	});
});

describe('product registrations', () => {
	test.each([
		['per campaign', { scope: 'campaigns', campaignIds: [201] }],
		['per CRM', { scope: 'crm', dataOwnerId: { __rl: true, mode: 'id', value: '12' }, crmType: 'B2C' }],
	])('%s: each new registration emitted once, two products of one call in one minute both', async (_, parameters) => {
		setNow('2026-11-20T10:00:00.000Z');
		const node = await trigger({ event: 'newProductRegistration', ...parameters, ...noLabels });
		expect(await node.poll()).toBeNull();
		setNow('2026-11-20T10:05:00.000Z');
		const expected = [addRegistration(201, '2026-11-20T10:03:00.000Z', 'SPOT'), addRegistration(201, '2026-11-20T10:03:30.000Z', 'FAST')];
		addRegistration(203, '2026-11-20T10:04:00.000Z'); // another CRM
		expect(emittedOf(await node.poll()).map(keyOf)).toEqual(expected.map(keyOf));
		setNow('2026-11-20T10:06:00.000Z');
		expect(await node.poll()).toBeNull();
	});
});

describe('bad input is refused before any request, never widened', () => {
	const owner12 = { __rl: true, mode: 'id', value: '12' };
	test.each([
		['a CRM type other than B2C or B2B', { scope: 'crm', dataOwnerId: owner12, crmType: 'B2X' }, /CRM Type must be B2C or B2B/],
		['the CRM scope without its data owner', { scope: 'crm', dataOwnerId: { __rl: true, mode: 'id', value: '' }, crmType: 'B2C' }, /Data Owner ID/],
		['a campaign id that is not one', { campaignIds: ['201abc'] }, /campaign ID to watch must be a positive whole number/],
		['the whole tenant for product registrations', { event: 'newProductRegistration', scope: 'all' }, /Scope "all" is not offered/],
		['an unknown scope', { scope: 'everything' }, /Scope "everything" is not offered/],
	])('%s', async (_, parameters, message) => {
		setNow('2026-11-20T10:00:00.000Z');
		const node = await trigger(parameters);
		await expect(node.poll()).rejects.toThrow(message);
		expect(sandbox.requests).toHaveLength(0);
	});
});

/**
 * Hours of polls against a changing Cube: records submitted up to 10 minutes before they are
 * listed (so sorted in before known ones), several in one minute, and faults. Returns the tally.
 */
async function simulate({ parameters, campaigns, add, polls, pageSize, seed, faultPaths = [undefined] }) {
	const rand = random(seed);
	sandbox.configure({ pageSize });
	let now = Date.parse('2026-11-20T21:30:00.000Z');
	setNow(new Date(now).toISOString());
	const node = await trigger({ ...parameters, ...noLabels });
	await node.poll();
	const tally = { polls, failedOnPurpose: 0, added: 0, emitted: 0 };
	const expected = new Set();
	const emitted = new Map();
	for (let poll = 0; poll < polls; poll++) {
		now += Math.floor(rand() * 20 + 1) * 60_000;
		setNow(new Date(now).toISOString());
		for (let n = Math.floor(rand() * 5); n > 0; n--) {
			const at = new Date(now - Math.floor(rand() * 600_000)).toISOString();
			const campaignId = campaigns[Math.floor(rand() * campaigns.length)];
			expected.add(keyOf(add(campaignId, at, rand())));
			// Another in the same minute.
			if (rand() < 0.2) expected.add(keyOf(add(campaignId, at.replace(/:\d{2}\.\d{3}Z$/, ':59.999Z'), rand())));
			tally.added++;
		}
		const dice = rand();
		// A 503 on one list, wherever it comes in the poll: what was read before it must not count as seen.
		const failing = faultPaths[Math.floor(rand() * faultPaths.length)];
		if (dice < 0.08) sandbox.addFault({ status: 503, retryAfter: 0, times: 4, path: failing });
		else if (dice < 0.14) sandbox.addFault({ status: 429, retryAfter: 0, times: 1 });
		else if (dice < 0.18) sandbox.addFault({ kind: 'reset', times: 1 });
		else if (dice < 0.22) sandbox.addFault({ kind: 'malformed', times: 1, path: 'page=2' });
		try {
			for (const record of emittedOf(await node.poll())) emitted.set(keyOf(record), (emitted.get(keyOf(record)) ?? 0) + 1);
		} catch {
			tally.failedOnPurpose++;
		}
		sandbox.clearFaults();
		sandbox.clearRequests();
	}
	setNow(new Date(now + 60_000).toISOString());
	for (const record of emittedOf(await node.poll())) emitted.set(keyOf(record), (emitted.get(keyOf(record)) ?? 0) + 1);
	return {
		...tally,
		expected: expected.size,
		missed: [...expected].filter((key) => !emitted.has(key)).length,
		twice: [...emitted.values()].filter((n) => n > 1).length,
		extra: [...emitted.keys()].filter((key) => !expected.has(key)).length,
		fallbacks: node.workflow.staticData[STATE].cursor.fallbacks,
	};
}

test.each([
	['call outcomes of every active campaign', { parameters: { campaignIds: [] }, campaigns: [201, 202, 203, 204, 205, 206], add: addOutcome, pageSize: 25, seed: 20261128, faultPaths: [202, 204, 206].map((id) => `/campaigns/${id}/`) }],
	['call outcomes of the whole tenant', { parameters: { scope: 'all' }, campaigns: [201, 203, 205, 206], add: addOutcome, pageSize: 7, seed: 20261129 }],
	['product registrations of a CRM', { parameters: { event: 'newProductRegistration', scope: 'crm', dataOwnerId: { __rl: true, mode: 'id', value: '12' }, crmType: 'B2C' }, campaigns: [201, 202], add: (id, at, pick) => addRegistration(id, at, pick < 0.5 ? 'SPOT' : 'FAST', pick), pageSize: 7, seed: 20261130 }],
])('simulation, %s: hours of polls with late and same-minute records and faults: 0 missed, 0 twice', async (name, options) => {
	const tally = await simulate({ polls: 80, ...options });
	process.stdout.write(
		`trigger v2 simulation (${name}): ${tally.polls} polls, ${tally.failedOnPurpose} failed on purpose by injected faults; ` +
			`${tally.expected} records added, missed ${tally.missed}, twice ${tally.twice}, never added ${tally.extra}; ` +
			`${tally.fallbacks} day lists read in full\n`,
	);
	expect({ missed: tally.missed, twice: tally.twice, extra: tally.extra }).toEqual({ missed: 0, twice: 0, extra: 0 });
	expect(tally.failedOnPurpose).toBeGreaterThan(0);
	expect(tally.fallbacks).toBeGreaterThan(0);
}, 300_000);

test('the example "pass each new sale on": its trigger emits each new call outcome of the CRM once, sales under the type its filter asks for', async () => {
	const example = require('../examples/gen2-new-sales-trigger.json');
	const { parameters } = example.nodes.find((n) => n.type.endsWith('.headshedCubeTrigger') && n.typeVersion === 2);
	const filter = example.nodes.find((n) => n.type === 'n8n-nodes-base.filter').parameters.conditions.conditions[0];
	setNow('2026-11-20T10:00:00.000Z');
	const node = await trigger(parameters);
	expect(await node.poll()).toBeNull();
	setNow('2026-11-20T10:05:00.000Z');
	const sale = addOutcome(201, '2026-11-20T10:03:00.000Z');
	const callBack = sandbox.addResponse({ campaign__id: 202, type: 'Call back', comment: `test outcome ${++added}`, submitted_when: '2026-11-20T10:04:00.000Z' });
	const emitted = emittedOf(await node.poll());
	expect(emitted.map(keyOf)).toEqual([keyOf(sale), keyOf(callBack)]);
	expect(emitted.filter((r) => r[filter.leftValue.match(/\$json\.(\w+)/)[1]] === filter.rightValue).map(keyOf)).toEqual([keyOf(sale)]);
});
