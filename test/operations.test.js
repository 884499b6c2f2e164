// Every operation of the node, run by n8n's engine against the sandbox over HTTP.
const { idLocator, runCube } = require('./support/cubeWorkflow');
const { served, tokenCredential, basicCredential, useSandbox } = require('./support/sandbox');

const sandbox = useSandbox();

async function run(parameters, options = {}) {
	const result = await runCube(parameters, { credential: tokenCredential(sandbox), ...options });
	if (result.error && !options.expectError) throw result.error;
	return result;
}

describe('reading lists', () => {
	test('client getAll: one item per distinct client of the assignments', async () => {
		const { json } = await run({ resource: 'client', operation: 'getAll' });
		const expected = new Map(sandbox.data.assignments.map((a) => [a.client_id, a.client_name]));
		expect(json).toEqual([...expected].map(([client_id, client_name]) => ({ client_id, client_name })));
		expect(served(sandbox)).toEqual(['GET /api/v1/assignments']);
	});

	test('assignment getAll: the assignments as the API returns them', async () => {
		const { json } = await run({ resource: 'assignment', operation: 'getAll' });
		expect(json).toEqual(sandbox.data.assignments);
	});

	test.each([
		[false, 'GET /api/v1/campaigns'],
		[true, 'GET /api/v1/campaigns?include_inactive_campaigns=True'],
	])('campaign getAll with includeInactive=%s', async (includeInactive, request) => {
		const { json } = await run({ resource: 'campaign', operation: 'getAll', includeInactive });
		const all = sandbox.data.campaigns.map((c) => c.campaign_id);
		const ids = json.map((c) => c.campaign_id);
		expect(served(sandbox)).toEqual([request]);
		if (includeInactive) expect(ids).toEqual(all);
		else expect(ids.length).toBe(all.length - 3);
		expect(json[0]).toEqual(
			expect.objectContaining({ campaign_name: expect.any(String), assignment_id: expect.any(Number), start_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }),
		);
	});

	test('list paths of the 2017 documents (/campaigns, /assignments) work where /api/v1 has none', async () => {
		sandbox.configure({ paths: 'legacy' });
		const { json } = await run({ resource: 'assignment', operation: 'getAll' });
		expect(json).toHaveLength(sandbox.data.assignments.length);
		expect(served(sandbox)).toEqual(['GET /api/v1/assignments', 'GET /assignments']);
	});

	test('customer getAll with a limit reads only the pages it needs', async () => {
		const { json } = await run({ resource: 'customer', operation: 'getAll', assignmentId: idLocator(9), limit: 60 });
		expect(json.map((c) => c.id)).toEqual(sandbox.data.customersByAssignment.get(9).slice(0, 60).map((c) => c.id));
		expect(served(sandbox)).toEqual([
			'GET /api/v1/assignments/9/customers/',
			'GET /api/v1/assignments/9/customers/?page=2',
			'GET /api/v1/assignments/9/customers/?page=3',
			// then the verifying re-read of every page but the last (docs/transport.md)
			'GET /api/v1/assignments/9/customers/',
			'GET /api/v1/assignments/9/customers/?page=2',
		]);
	});

	test('customer getAll with Return All reads every page, in order, custom fields included', async () => {
		const { json } = await run({ resource: 'customer', operation: 'getAll', assignmentId: idLocator(12), returnAll: true });
		const expected = sandbox.data.customersByAssignment.get(12);
		expect(json).toEqual(expected);
		// every page, then every page but the last once more: the verifying re-read
		expect(sandbox.requests).toHaveLength(2 * Math.ceil(expected.length / 25) - 1);
		expect(json[0]).toHaveProperty(['Bransje / segment']);
	});

	test('the assignment can come from the searchable list mode too', async () => {
		const { json } = await run({
			resource: 'customer',
			operation: 'getAll',
			assignmentId: { __rl: true, mode: 'list', value: '15', cachedResultName: 'x' },
			limit: 5,
		});
		expect(json.map((c) => c.assignment_id)).toEqual([15, 15, 15, 15, 15]);
	});
});

/** The parameters of a customer operation on one card of assignment 9. */
const onCard = (operation, customerId, parameters = {}) => ({ resource: 'customer', operation, assignmentId: idLocator(9), customerId, ...parameters });

describe('customer cards', () => {
	const someCustomer = () => sandbox.data.customersByAssignment.get(9)[10];

	test('get: one card by its CRM id', async () => {
		const customer = someCustomer();
		const { json } = await run(onCard('get', customer.customer_id));
		expect(json).toEqual([customer]);
		expect(served(sandbox)).toEqual([`GET /api/v1/assignments/9/customers/${customer.customer_id}`]);
	});

	test('update: sends the changed fields plus both ids, returns the whole card', async () => {
		const customer = someCustomer();
		const { json } = await run(
			onCard('update', customer.customer_id, {
				fields: { phone_1: '+47 400 00 000', email: 'ny@example.no' },
				customFields: { field: [{ name: 'Antall år', value: '7' }, { name: 'gen info 1', value: 'Flyttet' }] },
			}),
		);
		expect(sandbox.requests[0].body).toEqual({
			phone_1: '+47 400 00 000',
			email: 'ny@example.no',
			'Antall år': '7',
			'gen info 1': 'Flyttet',
			assignment_id: 9,
			customer_id: customer.customer_id,
		});
		expect(json[0]).toEqual(expect.objectContaining({ ...customer, phone_1: '+47 400 00 000', email: 'ny@example.no', 'Antall år': '7', 'gen info 1': 'Flyttet' }));
	});

	test('create: a new card with standard and custom fields', async () => {
		const { json } = await run(
			onCard('create', 990001, {
				fields: { name: 'Kari Nordmann', city: 'Tromsø' },
				customFields: { field: [{ name: 'Oppstartsdato', value: '2026-01-02' }] },
			}),
		);
		expect(served(sandbox)).toEqual(['POST /api/v1/assignments/9/customers/990001']);
		expect(json[0]).toEqual(expect.objectContaining({ customer_id: 990001, assignment_id: 9, name: 'Kari Nordmann', city: 'Tromsø', Oppstartsdato: '2026-01-02' }));
	});

	test('upsert of an existing card updates it, without reading it first', async () => {
		const customer = someCustomer();
		const { json } = await run(onCard('upsert', customer.customer_id, { fields: { city: 'Bodø' } }));
		expect(served(sandbox)).toEqual([`PUT /api/v1/assignments/9/customers/${customer.customer_id}`]);
		expect(json[0].city).toBe('Bodø');
		expect(json[0].name).toBe(customer.name);
	});

	test('upsert of an unknown card creates it once the update says 404', async () => {
		const { json } = await run(onCard('upsert', 990002, { fields: { name: 'Ola Nordmann' } }));
		expect(served(sandbox)).toEqual([
			'PUT /api/v1/assignments/9/customers/990002',
			'POST /api/v1/assignments/9/customers/990002',
		]);
		expect(json[0]).toEqual(expect.objectContaining({ customer_id: 990002, name: 'Ola Nordmann' }));
	});

	test('upsert that loses a race to another writer (create says "already exists") updates', async () => {
		// The card appears between the update that found none and the create.
		sandbox.addFault({ status: 404, times: 1, method: 'PUT', body: { detail: 'Not found.' } });
		const customer = someCustomer();
		const { json } = await run(onCard('upsert', customer.customer_id, { fields: { name: customer.name, city: 'Hamar' } }));
		expect(served(sandbox)).toEqual([
			`PUT /api/v1/assignments/9/customers/${customer.customer_id}`,
			`POST /api/v1/assignments/9/customers/${customer.customer_id}`,
			`PUT /api/v1/assignments/9/customers/${customer.customer_id}`,
		]);
		expect(json[0]).toEqual(expect.objectContaining({ id: customer.id, city: 'Hamar' }));
	});

	test('basic authentication works as well as a token', async () => {
		const customer = someCustomer();
		const { json } = await run(
			onCard('get', customer.customer_id),
			{ credential: basicCredential(sandbox) },
		);
		expect(json[0].id).toBe(customer.id);
		expect(sandbox.requests[0].authorization).toBe('basic');
	});
});

describe('per-item parameters, pairing and Continue On Fail', () => {
	const customers = () => sandbox.data.customersByAssignment.get(9).slice(0, 3);

	test('each input item is read with its own parameters, and outputs pair with their items', async () => {
		const items = customers().map((c) => ({ json: { crmId: c.customer_id } }));
		const { json, paired } = await run(
			onCard('get', '={{ $json.crmId }}'),
			{ items },
		);
		expect(json.map((c) => c.customer_id)).toEqual(customers().map((c) => c.customer_id));
		expect(paired).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('lists pair every output item with the input item that asked', async () => {
		const { paired, json } = await run(
			{ resource: 'customer', operation: 'getAll', assignmentId: idLocator('={{ $json.a }}'), limit: 2 },
			{ items: [{ json: { a: 9 } }, { json: { a: 12 } }] },
		);
		expect(json.map((c) => c.assignment_id)).toEqual([9, 9, 12, 12]);
		expect(paired).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }]);
	});

	test('with Continue On Fail a failing item becomes { error } and the others go on', async () => {
		const [first, , third] = customers();
		const items = [{ json: { crmId: first.customer_id } }, { json: { crmId: 424242 } }, { json: { crmId: third.customer_id } }];
		const { json, paired, error } = await runCube(
			onCard('get', '={{ $json.crmId }}'),
			{ credential: tokenCredential(sandbox), items, continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(json[0].customer_id).toBe(first.customer_id);
		expect(json[1]).toEqual({ error: expect.stringContaining('404') });
		expect(json[1].error).toContain('GET /api/v1/assignments/9/customers/424242');
		expect(json[2].customer_id).toBe(third.customer_id);
		expect(paired).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('without Continue On Fail the first failing item stops the run with its error', async () => {
		const { error } = await run(
			onCard('get', 424242),
			{ expectError: true },
		);
		expect(error.message).toBe('Headshed Cube answered 404 Not Found to GET /api/v1/assignments/9/customers/424242: Not found.');
	});
});
