// Version 2 of the node, every resource and operation, run by n8n's engine against a
// generation-2 sandbox over HTTP: the label mapping, the documents' quirks, bad input.
const { calendarDate } = require('../sandbox/time/dates');
const { idLocator, runCube } = require('./support/cubeWorkflow');
const { served, tokenCredential, useSandbox, SANDBOX_NOW } = require('./support/sandbox');

const sandbox = useSandbox({ generation: 2 });

async function run(parameters, options = {}) {
	const result = await runCube(parameters, { credential: tokenCredential(sandbox), typeVersion: 2, ...options });
	if (result.error && !options.expectError) throw result.error;
	return result;
}

const noLabels = { customFieldLabels: false };
const crm = (dataOwnerId, crmType) => ({ dataOwnerId: idLocator(dataOwnerId), crmType });
const customersOf = (key) => sandbox.data.customersByCrm.get(key);
const definitionRequests = () => served(sandbox).filter((line) => line.includes('crm_custom_fields'));

/** What Cube holds for campaigns in [from, to] (Oslo days, inclusive), in submission order. */
function expectedTimed(byCampaign, campaignIds, from, to) {
	const nowMs = Date.parse(SANDBOX_NOW);
	return campaignIds
		.flatMap((id) => byCampaign.get(id) ?? [])
		.filter(({ ms }) => {
			const day = calendarDate(ms, 'Europe/Oslo');
			return day >= from && day <= to && ms <= nowMs;
		})
		.sort((a, b) => a.ms - b.ms)
		.map(({ record }) => record);
}

const campaignIdsOfCrm = (dataOwnerId, crmType) =>
	sandbox.data.campaigns
		.filter((c) => c.data_owner__id === dataOwnerId && c.campaign__crm_type === crmType)
		.map((c) => c.campaign__id);

const LAST_WEEK = { fromDate: '2026-11-13', toDate: '2026-11-20' };

describe('campaigns and data owners', () => {
	test.each([
		[false, (c) => c.campaign__archived_date === ''],
		[true, () => true],
	])('campaign getAll with includeArchived=%s', async (includeArchived, kept) => {
		const { json } = await run({ resource: 'campaign', operation: 'getAll', includeArchived });
		expect(json).toEqual(sandbox.data.campaigns.filter(kept));
		expect(json.length).toBeLessThan(includeArchived ? Infinity : sandbox.data.campaigns.length);
		expect(served(sandbox)).toEqual(['GET /api/v1/campaigns']);
	});

	test('dataOwner getAll: one per data owner and CRM type, from the campaign list', async () => {
		const { json } = await run({ resource: 'dataOwner', operation: 'getAll' });
		expect(json).toEqual([
			{ data_owner__id: 12, data_owner__name: 'Nordlys Energi AS', crm_type: 'B2C' },
			{ data_owner__id: 12, data_owner__name: 'Nordlys Energi AS', crm_type: 'B2B' },
			{ data_owner__id: 31, data_owner__name: 'Havbris Forsikring', crm_type: 'B2C' },
			{ data_owner__id: 31, data_owner__name: 'Havbris Forsikring', crm_type: 'B2B' },
			{ data_owner__id: 47, data_owner__name: 'Tindetopp Telekom', crm_type: 'B2B' },
		]);
		expect(served(sandbox)).toEqual(['GET /api/v1/campaigns']);
	});
});

describe('customers and custom fields', () => {
	test('customer getAll with a limit reads only the pages it needs, records as Cube returns them', async () => {
		const { json } = await run({ resource: 'customer', operation: 'getAll', ...crm(12, 'B2C'), limit: 60, options: noLabels });
		expect(json).toEqual(customersOf('12:B2C').slice(0, 60));
		expect(served(sandbox)).toEqual([
			'GET /api/v1/data_owners/12/B2C/customers/',
			'GET /api/v1/data_owners/12/B2C/customers/?page=2',
			'GET /api/v1/data_owners/12/B2C/customers/?page=3',
			// then the verifying re-read of every page but the last (docs/transport.md)
			'GET /api/v1/data_owners/12/B2C/customers/',
			'GET /api/v1/data_owners/12/B2C/customers/?page=2',
		]);
	});

	test('customer getAll with Return All reads every page, custom fields under their labels', async () => {
		const { json } = await run({ resource: 'customer', operation: 'getAll', ...crm(31, 'B2B'), returnAll: true });
		const expected = customersOf('31:B2B');
		expect(json).toHaveLength(expected.length);
		expect(json[5]).toEqual({
			...Object.fromEntries(Object.entries(expected[5]).filter(([key]) => !key.startsWith('crm__custom_info__'))),
			'crm__custom_info__Org.nr.': expected[5].crm__custom_info__91,
			'crm__custom_info__Bransje / segment': expected[5].crm__custom_info__92,
		});
		expect(definitionRequests()).toEqual(['GET /api/v1/data_owners/31/B2B/crm_custom_fields/']);
	});

	test('customer get: the id is a string, leading zeros kept', async () => {
		const customer = customersOf('12:B2C')[10];
		expect(customer.crm__customer_id).toMatch(/^00/);
		const { json } = await run({ resource: 'customer', operation: 'get', ...crm(12, 'B2C'), customerId: customer.crm__customer_id, options: noLabels });
		expect(json).toEqual([customer]);
		expect(served(sandbox)).toEqual([`GET /api/v1/data_owners/12/B2C/customers/${customer.crm__customer_id}`]);
	});

	test('customer get: the id is path-encoded, and a missing customer is a 404 that names the path', async () => {
		const { error } = await run(
			{ resource: 'customer', operation: 'get', ...crm(12, 'B2C'), customerId: 'A/1 2', options: noLabels },
			{ expectError: true },
		);
		expect(error.message).toMatch(/404 Not Found to GET \/api\/v1\/data_owners\/12\/B2C\/customers\/A%2F1%202/);
		expect(served(sandbox)[0]).toBe('GET /api/v1/data_owners/12/B2C/customers/A%2F1%202');
	});

	test('customField getAll: the definitions as Cube returns them', async () => {
		const { json } = await run({ resource: 'customField', operation: 'getAll', ...crm(12, 'B2B') });
		expect(json).toEqual(sandbox.data.definitionsByCrm.get('12:B2B'));
		expect(json[0]).toEqual(expect.objectContaining({ key: 'Org.nr.', lookup__id: 'crm__custom_info__71' }));
	});
});

describe('call outcomes, customer status, product registrations', () => {
	test('callOutcome getAll of a campaign in a date range, every page', async () => {
		const { json } = await run({ resource: 'callOutcome', operation: 'getAll', scope: 'campaign', campaignId: idLocator(201), ...LAST_WEEK, returnAll: true, options: noLabels });
		const expected = expectedTimed(sandbox.data.callOutcomesByCampaign, [201], '2026-11-13', '2026-11-20');
		expect(expected.length).toBeGreaterThan(25);
		expect(json).toEqual(expected);
		expect(served(sandbox)[0]).toBe('GET /api/v1/campaigns/201/call_outcomes/?from_date=20261113&to_date=20261120');
		expect(json[0].call_outcome__report_as__submitted_when_timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0100$/);
	});

	test('callOutcome getAll of a CRM uses the documented crm/ path', async () => {
		const { json } = await run({ resource: 'callOutcome', operation: 'getAll', scope: 'crm', ...crm(12, 'B2C'), ...LAST_WEEK, returnAll: true, options: noLabels });
		expect(json).toEqual(expectedTimed(sandbox.data.callOutcomesByCampaign, campaignIdsOfCrm(12, 'B2C'), '2026-11-13', '2026-11-20'));
		expect(served(sandbox)[0]).toBe('GET /api/v1/data_owners/12/crm/B2C/call_outcomes/?from_date=20261113&to_date=20261120');
	});

	test('callOutcome getAll of the whole tenant: each record labelled from its own CRM, definitions read once per CRM', async () => {
		const { json } = await run({ resource: 'callOutcome', operation: 'getAll', scope: 'all', fromDate: '2026-11-19', toDate: '2026-11-20', returnAll: true });
		const allIds = sandbox.data.campaigns.map((c) => c.campaign__id);
		expect(json).toHaveLength(expectedTimed(sandbox.data.callOutcomesByCampaign, allIds, '2026-11-19', '2026-11-20').length);
		const ofOwner31 = json.find((record) => record.data_owner__name === 'Havbris Forsikring' && record.campaign__crm_type === 'B2C');
		expect(ofOwner31).toHaveProperty(['crm__custom_info__Fødselsår']);
		const ofOwner12 = json.find((record) => record.data_owner__name === 'Nordlys Energi AS' && record.campaign__crm_type === 'B2C');
		expect(ofOwner12).toHaveProperty(['crm__custom_info__Adresse gate']);
		// Only the fields kept as ids on purpose: 999 has no definition, 72 and 73 share a label.
		const idKeys = new Set(json.flatMap((record) => Object.keys(record).filter((key) => /^crm__custom_info__\d+$/.test(key))));
		expect([...idKeys].sort()).toEqual(['crm__custom_info__72', 'crm__custom_info__73', 'crm__custom_info__999']);
		const definitions = definitionRequests();
		expect(new Set(definitions).size).toBe(definitions.length);
		expect(served(sandbox)[0]).toBe('GET /api/v1/call_outcomes/?from_date=20261119&to_date=20261120');
	});

	test('customerStatus getAll of a campaign sends the call state, encoded', async () => {
		const { json } = await run({ resource: 'customerStatus', operation: 'getAll', scope: 'campaign', campaignId: idLocator(201), callState: 'Completed - Yes', returnAll: true, options: noLabels });
		const expected = sandbox.data.statusByCampaign.get(201).filter((r) => r.callflow__callstate__name === 'Completed - Yes');
		expect(expected.length).toBeGreaterThan(0);
		expect(json).toEqual(expected);
		expect(served(sandbox)[0]).toMatch(/^GET \/api\/v1\/campaigns\/201\/callflow_customers\/\?call_state=Completed(%20|\+)-(%20|\+)Yes$/);
	});

	test('customerStatus getAll of a CRM: the node keeps the call state, which that endpoint does not filter', async () => {
		const { json } = await run({ resource: 'customerStatus', operation: 'getAll', scope: 'crm', ...crm(12, 'B2C'), callState: 'Call back', limit: 5, options: noLabels });
		const all = campaignIdsOfCrm(12, 'B2C').flatMap((id) => sandbox.data.statusByCampaign.get(id));
		expect(json).toEqual(all.filter((r) => r.callflow__callstate__name === 'Call back').slice(0, 5));
		expect(served(sandbox)[0]).toBe('GET /api/v1/data_owners/12/crm/B2C/callflow_customers/');
	});

	test('customerStatus getAll without a call state: every state', async () => {
		const { json } = await run({ resource: 'customerStatus', operation: 'getAll', scope: 'campaign', campaignId: idLocator(204), returnAll: true });
		expect(json).toHaveLength(sandbox.data.statusByCampaign.get(204).length);
		expect(new Set(json.map((r) => r.callflow__callstate__name)).size).toBeGreaterThan(2);
		expect(json[0]).toHaveProperty(['crm__custom_info__Forsikring – type']);
	});

	test('productRegistration getAll of a campaign and of a CRM, anonymised rows as Cube returns them', async () => {
		const range = { fromDate: '2026-11-01', toDate: '2026-11-20' };
		const byCampaign = await run({ resource: 'productRegistration', operation: 'getAll', scope: 'campaign', campaignId: idLocator(201), ...range, returnAll: true, options: noLabels });
		expect(byCampaign.json).toEqual(expectedTimed(sandbox.data.registrationsByCampaign, [201], '2026-11-01', '2026-11-20'));
		expect(byCampaign.json.some((r) => r.crm__customer_id === '' && r.crm__standard_info__name === 'Anonymized')).toBe(true);
		sandbox.clearRequests();
		const byCrm = await run({ resource: 'productRegistration', operation: 'getAll', scope: 'crm', ...crm(12, 'B2C'), ...range, returnAll: true, options: noLabels });
		expect(byCrm.json).toEqual(expectedTimed(sandbox.data.registrationsByCampaign, campaignIdsOfCrm(12, 'B2C'), '2026-11-01', '2026-11-20'));
		expect(served(sandbox)[0]).toBe('GET /api/v1/data_owners/12/crm/B2C/product_registrations/?from_date=20261101&to_date=20261120');
	});
});

describe('custom field labels', () => {
	test('definitions are read once per execution and CRM, however many items and pages', async () => {
		const items = [{ json: {} }, { json: {} }, { json: {} }];
		const { json } = await run({ resource: 'customer', operation: 'getAll', ...crm(12, 'B2C'), limit: 30 }, { items });
		expect(json).toHaveLength(90);
		expect(definitionRequests()).toEqual(['GET /api/v1/data_owners/12/B2C/crm_custom_fields/']);
	});

	test('a label two fields share, and a field without a definition, keep their ids', async () => {
		const b2b = await run({ resource: 'customer', operation: 'get', ...crm(12, 'B2B'), customerId: customersOf('12:B2B')[0].crm__customer_id });
		expect(Object.keys(b2b.json[0]).filter((key) => key.startsWith('crm__custom_info__'))).toEqual([
			'crm__custom_info__Org.nr.',
			'crm__custom_info__72',
			'crm__custom_info__73',
			'crm__custom_info__Antall ansatte',
		]);
		const b2c = await run({ resource: 'customer', operation: 'get', ...crm(12, 'B2C'), customerId: customersOf('12:B2C')[0].crm__customer_id });
		expect(b2c.json[0]).toHaveProperty(['crm__custom_info__999']);
		expect(b2c.json[0]).toHaveProperty(['crm__custom_info__Rabatt %'], customersOf('12:B2C')[0].crm__custom_info__68);
	});

	test('a label that reads as another field\'s id key is not used', () => {
		const { labelledKeys } = require('../dist/nodes/HeadshedCube/v2/actions/customFieldLabels');
		const renames = labelledKeys([
			{ id: 64, key: '65', lookup__id: 'crm__custom_info__64' },
			{ id: 65, key: 'Postnummer', lookup__id: 'crm__custom_info__65' },
			{ id: 66, key: 'Uten oppslag' },
		]);
		expect([...renames]).toEqual([
			['crm__custom_info__65', 'crm__custom_info__Postnummer'],
			['crm__custom_info__66', 'crm__custom_info__Uten oppslag'],
		]);
	});

	test('the CRM of a campaign\'s records is found through the campaign list', async () => {
		const { json } = await run({ resource: 'productRegistration', operation: 'getAll', scope: 'campaign', campaignId: idLocator(205), fromDate: '2026-10-01', toDate: '2026-11-20', limit: 3 });
		expect(json.length).toBeGreaterThan(0);
		expect(served(sandbox)).toEqual([
			'GET /api/v1/campaigns/205/product_registrations/?from_date=20261001&to_date=20261120',
			'GET /api/v1/campaigns',
			'GET /api/v1/data_owners/31/B2B/crm_custom_fields/',
		]);
		expect(json.every((r) => 'crm__custom_info__Bransje / segment' in r)).toBe(true);
	});

	test('off: no definitions are read', async () => {
		await run({ resource: 'callOutcome', operation: 'getAll', scope: 'all', limit: 10, options: noLabels });
		expect(served(sandbox)).toEqual(['GET /api/v1/call_outcomes/']);
	});
});

describe("the documents' quirks", () => {
	test('crm/ segment swapped: each path is tried in its documented form, then the other', async () => {
		sandbox.configure({ crmSegment: 'swapped' });
		const customers = await run({ resource: 'customer', operation: 'getAll', ...crm(47, 'B2B'), limit: 3 });
		expect(customers.json).toHaveLength(3);
		expect(customers.json[0]).toHaveProperty(['crm__custom_info__Antall linjer']);
		const outcomes = await run({ resource: 'callOutcome', operation: 'getAll', scope: 'crm', ...crm(47, 'B2B'), limit: 3, options: noLabels });
		expect(outcomes.json).toHaveLength(3);
		expect(served(sandbox)).toEqual([
			'GET /api/v1/data_owners/47/B2B/customers/',
			'GET /api/v1/data_owners/47/crm/B2B/customers/',
			'GET /api/v1/data_owners/47/B2B/crm_custom_fields/',
			'GET /api/v1/data_owners/47/crm/B2B/crm_custom_fields/',
			'GET /api/v1/data_owners/47/crm/B2B/call_outcomes/',
			'GET /api/v1/data_owners/47/B2B/call_outcomes/',
		]);
	});

	test('an unknown data owner: the documented path\'s 404 is reported', async () => {
		const { error } = await run({ resource: 'customer', operation: 'getAll', ...crm(99, 'B2C'), limit: 3 }, { expectError: true });
		expect(error.message).toMatch(/404 Not Found to GET \/api\/v1\/data_owners\/99\/B2C\/customers\//);
		// then the campaign list, which tells a generation-2 tenant (so the 404 stays as it is)
		expect(served(sandbox)).toEqual(['GET /api/v1/data_owners/99/B2C/customers/', 'GET /api/v1/data_owners/99/crm/B2C/customers/', 'GET /api/v1/campaigns']);
	});

	test('next links that repeat the request URL: pages are read by number, each once', async () => {
		sandbox.configure({ nextLinkTarget: 'request' });
		const { json } = await run({ resource: 'callOutcome', operation: 'getAll', scope: 'campaign', campaignId: idLocator(202), ...LAST_WEEK, returnAll: true, options: noLabels });
		const expected = expectedTimed(sandbox.data.callOutcomesByCampaign, [202], '2026-11-13', '2026-11-20');
		expect(expected.length).toBeGreaterThan(50);
		expect(json).toEqual(expected);
		const pages = Math.ceil(expected.length / 25);
		const page = (i) => `GET /api/v1/campaigns/202/call_outcomes/?from_date=20261113&to_date=20261120${i ? `&page=${i + 1}` : ''}`;
		// each page once, then all but the last once more: the verifying re-read
		expect(served(sandbox)).toEqual([...Array.from({ length: pages }, (_, i) => page(i)), ...Array.from({ length: pages - 1 }, (_, i) => page(i))]);
	});

	test('next links that repeat the request URL, with a limit: no page past it', async () => {
		sandbox.configure({ nextLinkTarget: 'request', pageSize: 10 });
		const { json } = await run({ resource: 'customer', operation: 'getAll', ...crm(12, 'B2B'), limit: 35, options: noLabels });
		expect(json).toEqual(customersOf('12:B2B').slice(0, 35));
		expect(served(sandbox)).toHaveLength(4 + 3); // and the verifying re-read of pages 1-3
	});

	test('next links of product registrations that name the call outcomes endpoint: only registrations', async () => {
		sandbox.configure({ nextLinkTarget: 'otherEndpoint', pageSize: 10 });
		const { json } = await run({ resource: 'productRegistration', operation: 'getAll', scope: 'crm', ...crm(12, 'B2C'), fromDate: '2026-11-01', toDate: '2026-11-20', returnAll: true, options: noLabels });
		expect(json).toEqual(expectedTimed(sandbox.data.registrationsByCampaign, campaignIdsOfCrm(12, 'B2C'), '2026-11-01', '2026-11-20'));
		expect(served(sandbox).every((line) => line.includes('/product_registrations/'))).toBe(true);
	});

	test('next links on another host (http://127.0.0.2): the credential goes only to the base URL', async () => {
		sandbox.configure({ nextLinkStyle: 'hostile', pageSize: 10 });
		const { json } = await run({ resource: 'customer', operation: 'getAll', ...crm(31, 'B2B'), returnAll: true, options: noLabels });
		expect(json).toEqual(customersOf('31:B2B'));
		expect(sandbox.requests.every((request) => request.authorization === 'token')).toBe(true);
		expect(sandbox.requests).toHaveLength(6 + 5); // and the verifying re-read of pages 1-5
	});

	test('every next link says page 2 (a server bug): the count ends the list, no loop', async () => {
		sandbox.configure({ nextLinkStyle: 'repeat', pageSize: 10 });
		const { json } = await run({ resource: 'customer', operation: 'getAll', ...crm(47, 'B2B'), returnAll: true, options: noLabels });
		expect(json).toEqual(customersOf('47:B2B'));
		expect(served(sandbox)).toHaveLength(9 + 8); // and the verifying re-read of pages 1-8
	});

	test('loosely typed ids ("12") in the campaign list and definitions', async () => {
		sandbox.configure({ looseTypes: true });
		const owners = await run({ resource: 'dataOwner', operation: 'getAll' });
		expect(owners.json[0]).toEqual({ data_owner__id: 12, data_owner__name: 'Nordlys Energi AS', crm_type: 'B2C' });
		const outcomes = await run({ resource: 'callOutcome', operation: 'getAll', scope: 'campaign', campaignId: idLocator(203), ...LAST_WEEK, limit: 2 });
		expect(outcomes.json[0]).toHaveProperty(['crm__custom_info__Org.nr.']);
	});
});

describe('bad input is refused before any request', () => {
	test.each([
		['a CRM type other than B2C/B2B', { resource: 'customer', operation: 'getAll', ...crm(12, 'B2X') }, /CRM Type must be B2C or B2B \(got "B2X"\)/],
		['an empty customer id', { resource: 'customer', operation: 'get', ...crm(12, 'B2C'), customerId: '  ' }, /Customer ID is empty/],
		// An expression that finds no id: n8n itself refuses an empty required field.
		['a campaign scope without a campaign', { resource: 'callOutcome', operation: 'getAll', scope: 'campaign', campaignId: idLocator('={{ $json.missing }}') }, /Campaign ID must be a positive whole number \(got empty\)/],
		['a CRM scope without a data owner', { resource: 'productRegistration', operation: 'getAll', scope: 'crm', dataOwnerId: idLocator('={{ $json.missing }}'), crmType: 'B2C' }, /Data Owner ID must be a positive whole number/],
		['the whole tenant for customer status', { resource: 'customerStatus', operation: 'getAll', scope: 'all' }, /Scope "all" is not offered here/],
		['From after To', { resource: 'callOutcome', operation: 'getAll', scope: 'all', fromDate: '2026-11-20', toDate: '2026-11-13' }, /From Date \(2026-11-20\) is after To Date \(2026-11-13\)/],
	])('%s', async (_what, parameters, message) => {
		const { error } = await run(parameters, { expectError: true });
		expect(error.message).toMatch(message);
		expect(served(sandbox)).toEqual([]);
	});

	test('with Continue On Fail, the bad item gives an error item and the others go on, paired', async () => {
		const items = [{ json: { type: 'B2C' } }, { json: { type: 'B2X' } }];
		const { json, paired } = await run(
			{ resource: 'customer', operation: 'getAll', dataOwnerId: idLocator(12), crmType: '={{ $json.type }}', limit: 2, options: noLabels },
			{ items, continueOnFail: true },
		);
		expect(json).toEqual([...customersOf('12:B2C').slice(0, 2), { error: expect.stringMatching(/CRM Type must be/) }]);
		expect(paired).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }]);
	});
});

describe('Return All while customers are deleted and added (offsets shift, count stays)', () => {
	const allOf12B2C = (concurrency) => ({ resource: 'customer', operation: 'getAll', ...crm(12, 'B2C'), returnAll: true, options: { ...noLabels, concurrency } });
	const newcomer = (n) => ({ ...customersOf('12:B2C')[0], crm__customer_id: `0999${n}`, crm__standard_info__name: `Ny kunde ${n}` });
	/** Calls `change` after the `nth` customer page (and every `every` pages after it) was answered. */
	const changeAfterPage = (nth, change, every = Infinity) => {
		let pages = 0;
		sandbox.onAnswered((entry) => {
			if (!entry.path.endsWith('/B2C/customers/') || entry.status !== 200) return;
			pages += 1;
			if (pages === nth || (pages > nth && (pages - nth) % every === 0)) change();
		});
	};

	test.each([1, 4])('Pages at Once %s: one deleted near the front and one added at the end after page 5: every customer there all along is returned', async (concurrency) => {
		sandbox.configure({ pageSize: 500 });
		const customers = customersOf('12:B2C');
		expect(customers).toHaveLength(10_000);
		changeAfterPage(5, () => {
			customers.splice(3, 1);
			customers.push(newcomer(1));
		});
		const { json } = await run(allOf12B2C(concurrency));
		// The list as it stands after the change: the 9,999 who stayed, then the newcomer.
		expect(json.map((c) => c.crm__customer_id)).toEqual(customers.map((c) => c.crm__customer_id));
	});

	test('a list that changes under every read fails in words instead of returning a shifted list', async () => {
		sandbox.configure({ pageSize: 500 });
		const customers = customersOf('12:B2C');
		let n = 0;
		changeAfterPage(5, () => {
			customers.splice(3, 1);
			customers.push(newcomer(++n));
		}, 10);
		const { error } = await run(allOf12B2C(4), { expectError: true });
		expect(error.message).toMatch(/^Headshed Cube's list at GET \/api\/v1\/data_owners\/12\/B2C\/customers\/ could not be read whole: it changed while it was read, 3 times in a row/);
		expect(error.description).toMatch(/Run the workflow again/);
	});
});
