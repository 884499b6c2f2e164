// Responses by campaign and date range: dates in the workflow's time zone, and the join with
// each response's customer card.
const { idLocator, runCube } = require('./support/cubeWorkflow');
const { served, tokenCredential, useSandbox } = require('./support/sandbox');

const sandbox = useSandbox({ timeZone: 'Europe/Oslo' });

const responses = (extra = {}) => ({
	resource: 'response',
	operation: 'getAll',
	campaignId: idLocator(101),
	returnAll: true,
	...extra,
});

async function run(parameters, options = {}) {
	return await runCube(parameters, { credential: tokenCredential(sandbox), ...options });
}

function osloDate(iso) {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date(iso)).replaceAll('-', '');
}

function seededResponses(campaignId, from, to) {
	return sandbox.data.responsesByCampaign
		.get(campaignId)
		.filter((r) => osloDate(r.submitted_when) >= from && osloDate(r.submitted_when) <= to);
}

describe('date range', () => {
	test("no dates: Cube's own today", async () => {
		const { json, error } = await run(responses());
		expect(error).toBeUndefined();
		expect(served(sandbox)[0]).toBe('GET /api/v1/campaigns/101/responses/');
		expect(json).toEqual(seededResponses(101, '20261120', '20261120'));
		expect(json.length).toBeGreaterThan(0);
	});

	test('dates become YYYYMMDD in the path, and every page of the range arrives', async () => {
		const { json } = await run(responses({ fromDate: '2026-11-02', toDate: '2026-11-13T00:00:00' }));
		expect(served(sandbox)[0]).toBe('GET /api/v1/campaigns/101/responses/from_date/20261102/to_date/20261113/');
		expect(json).toEqual(seededResponses(101, '20261102', '20261113'));
		expect(json.length).toBeGreaterThan(100);
	});

	test.each([
		['2026-11-19T23:30:00Z', 'Pacific/Auckland', '20261120'],
		['2026-11-19T23:30:00Z', 'America/Los_Angeles', '20261119'],
		['2026-11-19T23:30:00+00:00', 'Europe/Oslo', '20261120'],
		['2026-11-10T00:30:00', 'Pacific/Auckland', '20261110'],
		['2026-11-10 23:59', 'America/Los_Angeles', '20261110'],
		['20261105', 'UTC', '20261105'],
	])('%s in a workflow set to %s is the date %s', async (fromDate, timezone, expected) => {
		const { error } = await run(responses({ fromDate, toDate: '2026-11-25' }), { timezone });
		expect(error).toBeUndefined();
		expect(served(sandbox)[0]).toBe(`GET /api/v1/campaigns/101/responses/from_date/${expected}/to_date/20261125/`);
	});

	test('an expression giving a Luxon date works too', async () => {
		const { error } = await run(responses({ fromDate: "={{ DateTime.fromISO('2026-11-19T23:30:00Z') }}", toDate: '2026-11-25' }), { timezone: 'Pacific/Auckland' });
		expect(error).toBeUndefined();
		expect(served(sandbox)[0]).toBe('GET /api/v1/campaigns/101/responses/from_date/20261120/to_date/20261125/');
	});

	test('only a from-date leaves the end to Cube', async () => {
		await run(responses({ fromDate: '2026-11-18' }));
		expect(served(sandbox)[0]).toBe('GET /api/v1/campaigns/101/responses/from_date/20261118/');
	});

	test('only a to-date means from today, in the workflow time zone', async () => {
		const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date()).replaceAll('-', '');
		await run(responses({ toDate: '2099-01-01' }), { timezone: 'Asia/Tokyo' });
		expect(served(sandbox)[0]).toBe(`GET /api/v1/campaigns/101/responses/from_date/${today}/to_date/20990101/`);
	});

	test.each([
		[{ fromDate: '2026-11-20', toDate: '2026-11-01' }, 'From Date (2026-11-20) is after To Date (2026-11-01)'],
		[{ fromDate: 'yesterday' }, 'From Date: "yesterday" is not a date n8n can read'],
		[{ fromDate: '2026-02-30' }, 'From Date: "2026-02-30" is not a real date'],
		[{ toDate: '2026-13-01' }, 'To Date: "2026-13-01" is not a real date'],
	])('bad dates %j are refused before any request', async (dates, message) => {
		const { error } = await run(responses(dates));
		expect(error.message).toContain(message);
		expect(sandbox.requests).toHaveLength(0);
	});

	test('a campaign Cube does not know: 404 naming the path', async () => {
		const { error } = await run(responses({ campaignId: idLocator(999) }));
		expect(error.message).toBe('Headshed Cube answered 404 Not Found to GET /api/v1/campaigns/999/responses/: Not found.');
	});

	test('Limit stops reading pages once it has enough', async () => {
		const { json } = await run(responses({ returnAll: false, limit: 30, fromDate: '2026-10-20', toDate: '2026-11-20' }));
		expect(json).toHaveLength(30);
		// pages 1 and 2, then page 1 once more: the verifying re-read
		expect(served(sandbox).map((line) => line.replace(/^.*\/20261120\//, ''))).toEqual(['', '?page=2', '']);
	});
});

describe('includeCustomer', () => {
	const withCustomer = (extra = {}) => responses({ fromDate: '2026-11-16', toDate: '2026-11-20', options: { includeCustomer: true }, ...extra });

	test("each response gets the card of its customer from the campaign's assignment", async () => {
		const { json, error } = await run(withCustomer());
		expect(error).toBeUndefined();
		const cards = new Map(sandbox.data.customersByAssignment.get(9).map((c) => [c.customer_id, c]));
		expect(json.length).toBeGreaterThan(50);
		for (const response of json) {
			expect(response.customer).toEqual(cards.get(response.crm_customer_id));
			expect(response.customer.name).toBe(response.customer_name);
		}
	});

	test('a response whose customer has no card gets null', async () => {
		sandbox.addResponse({ campaign_id: 101, crm_customer_id: 987654321, customer_name: 'Ukjent', type: 'Completed - No', submitted_when: '2026-11-20T08:00:00.000001Z' });
		const { json } = await run(withCustomer());
		const orphan = json.find((r) => r.crm_customer_id === 987654321);
		expect(orphan.customer).toBeNull();
	});

	test("the assignment's customers are read once per execution, not once per response or item", async () => {
		const items = [{ json: {} }, { json: {} }, { json: {} }];
		const { json } = await run(withCustomer(), { items });
		const customerPages = served(sandbox).filter((line) => line.includes('/assignments/9/customers/'));
		// 400 pages once, and all but the last once more: the verifying re-read of one read
		expect(customerPages).toHaveLength(799);
		expect(new Set(customerPages).size).toBe(400);
		expect(served(sandbox).filter((line) => line.includes('campaigns?'))).toEqual(['GET /api/v1/campaigns?include_inactive_campaigns=True']);
		// every item reads the whole range: three times the week's responses, each with its card
		const week = seededResponses(101, '20261116', '20261120');
		expect(week.length).toBeGreaterThan(50);
		expect(json).toHaveLength(3 * week.length);
		expect(json.map(({ customer: _card, ...response }) => response)).toEqual([...week, ...week, ...week]);
		expect(json.every((response) => response.customer && response.customer.customer_id === response.crm_customer_id)).toBe(true);
	});

	test('an inactive campaign still finds its assignment', async () => {
		const { json, error } = await run(withCustomer({ campaignId: idLocator(110), fromDate: '2026-10-20', toDate: '2026-11-02' }));
		expect(error).toBeUndefined();
		expect(json.length).toBeGreaterThan(0);
		expect(json.every((r) => r.customer && r.customer.assignment_id === 27)).toBe(true);
	});
});
