// Customer writes with several items at once, run by n8n's engine against the sandbox over HTTP:
// order and pairing, Continue On Fail, 429 and 5xx in the middle of a batch, "already exists"
// races, no POST sent twice, and the bound on requests in flight as the sandbox saw it.
const { idLocator, runCube } = require('./support/cubeWorkflow');
const { tokenCredential, useSandbox } = require('./support/sandbox');

const sandbox = useSandbox();

const existing = (count, from = 0) => sandbox.data.customersByAssignment.get(9).slice(from, from + count);
const NEW_IDS_FROM = 880000;
const inputOf = (ids) => ids.map((id, i) => ({ json: { id, city: `City ${i}`, name: `Name ${i}` } }));

/** One write operation over `ids`, one item each, the fields taken from the item. */
async function write(operation, ids, { options, continueOnFail } = {}) {
	const parameters = {
		resource: 'customer',
		operation,
		assignmentId: idLocator(9),
		customerId: '={{ $json.id }}',
		fields: { city: '={{ $json.city }}', name: '={{ $json.name }}' },
	};
	if (options) parameters.options = options;
	return await runCube(parameters, { credential: tokenCredential(sandbox), items: inputOf(ids), continueOnFail });
}

const sent = (method, customerId) =>
	sandbox.requests.filter((r) => r.method === method && r.path === `/api/v1/assignments/9/customers/${customerId}`);

describe('several items at once', () => {
	test('outputs stay in input order and paired, while answers overtake each other', async () => {
		sandbox.configure({ latencyMs: 20, latencyJitterMs: 60 });
		const ids = existing(40).map((c) => c.customer_id);
		const { json, paired, error } = await write('update', ids);
		expect(error).toBeUndefined();
		expect(json.map((c) => c.customer_id)).toEqual(ids);
		expect(json.map((c) => c.city)).toEqual(ids.map((_, i) => `City ${i}`));
		expect(paired).toEqual(ids.map((_, item) => ({ item })));
		expect(sandbox.concurrency().maxInFlight).toBeGreaterThan(1);
	});

	test.each([
		[undefined, 8],
		[{ concurrency: 3 }, 3],
		[{ concurrency: 1 }, 1],
		[{ concurrency: 500 }, 20],
	])('options %j: the sandbox sees at most %i requests at once, and that many', async (options, bound) => {
		// A long latency, so that even a busy machine sends the next request before one comes back.
		sandbox.configure({ latencyMs: 300 });
		const ids = existing(3 * bound).map((c) => c.customer_id);
		const { json, error } = await write('update', ids, { options });
		expect(error).toBeUndefined();
		expect(json).toHaveLength(ids.length);
		expect(sandbox.concurrency().maxInFlight).toBe(bound);
	});

	test('items that write the same customer apply in input order', async () => {
		sandbox.configure({ latencyMs: 5, latencyJitterMs: 40 });
		const [a, b] = existing(2).map((c) => c.customer_id);
		const ids = [a, b, a, a, b, a];
		const { json } = await write('update', ids);
		expect(json.map((c) => c.city)).toEqual(ids.map((_, i) => `City ${i}`));
		const card = (id) => sandbox.data.customersByAssignment.get(9).find((c) => c.customer_id === id);
		expect(card(a).city).toBe('City 5');
		expect(card(b).city).toBe('City 4');
	});
});

describe('failures in the middle of a batch', () => {
	test('Continue On Fail: failing items give { error } in their place, the others their card', async () => {
		sandbox.configure({ latencyMs: 5, latencyJitterMs: 20 });
		const ids = existing(12).map((c) => c.customer_id);
		ids[3] = 'x12'; // refused before any request
		ids[7] = 777777; // Cube has no such customer: 404
		const { json, paired, error } = await write('update', ids, { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(paired).toEqual(ids.map((_, item) => ({ item })));
		expect(json[3].error).toMatch(/Customer ID must be a positive whole number/);
		expect(json[7].error).toMatch(/404 Not Found to PUT \/api\/v1\/assignments\/9\/customers\/777777/);
		const others = json.filter((_, i) => i !== 3 && i !== 7);
		expect(others.map((c) => c.customer_id)).toEqual(ids.filter((_, i) => i !== 3 && i !== 7));
	});

	test('without Continue On Fail, the error names the first failing item', async () => {
		const ids = existing(12).map((c) => c.customer_id);
		ids[9] = 777779;
		ids[5] = 777775;
		const { error } = await write('update', ids);
		expect(error.message).toMatch(/customers\/777775/);
		expect(error.context.itemIndex).toBe(5);
	});

	test('without Continue On Fail, no item after the failing one is sent once it failed', async () => {
		// Item 0 fails after a long round trip. By then items 1-7 are on their way, and items 8-15
		// have read their parameters and wait for a slot: those are not sent.
		sandbox.configure({ latencyMs: 300 });
		const ids = existing(40).map((c) => c.customer_id);
		sandbox.addFault({ status: 403, method: 'PUT', path: `/customers/${ids[0]}` });
		const { error } = await write('update', ids);
		expect(error.context.itemIndex).toBe(0);
		expect(sandbox.requests.filter((r) => r.method === 'PUT')).toHaveLength(8);
	});

	test('a 429 holds back every request of the execution until Retry-After has passed', async () => {
		const ids = existing(30).map((c) => c.customer_id);
		sandbox.addFault({ status: 429, retryAfter: '2', method: 'PUT', path: `/customers/${ids[10]}` });
		const { json, error } = await write('update', ids);
		expect(error).toBeUndefined();
		expect(json.map((c) => c.customer_id)).toEqual(ids);
		const throttled = sandbox.requests.find((r) => r.status === 429);
		const at = (r) => Date.parse(r.at);
		// Requests already on their way when the 429 came back may arrive just after it; any later
		// one waited out the 2 s, whichever item it served.
		const later = sandbox.requests.filter((r) => at(r) > at(throttled) + 300);
		expect(later.length).toBeGreaterThan(10);
		for (const request of later) expect(at(request) - at(throttled)).toBeGreaterThanOrEqual(1900);
	});

	test('a 503 on one update is retried; every item succeeds, in order', async () => {
		sandbox.configure({ latencyMs: 5, latencyJitterMs: 10 });
		const ids = existing(20).map((c) => c.customer_id);
		sandbox.addFault({ status: 503, method: 'PUT', path: `/customers/${ids[6]}`, times: 2 });
		const { json, error } = await write('update', ids);
		expect(error).toBeUndefined();
		expect(json.map((c) => c.customer_id)).toEqual(ids);
		expect(sent('PUT', ids[6])).toHaveLength(3);
	});
});

describe('create or update with several items at once', () => {
	test('a batch of existing and new customers: each updated or created once', async () => {
		sandbox.configure({ latencyMs: 5, latencyJitterMs: 20 });
		const old = existing(10).map((c) => c.customer_id);
		const ids = old.flatMap((id, i) => [id, NEW_IDS_FROM + i]);
		const { json, paired, error } = await write('upsert', ids);
		expect(error).toBeUndefined();
		expect(paired).toEqual(ids.map((_, item) => ({ item })));
		expect(json.map((c) => [c.customer_id, c.city])).toEqual(ids.map((id, i) => [id, `City ${i}`]));
		for (const id of ids.slice(1).filter((_, i) => i % 2 === 0)) expect(sent('POST', id)).toHaveLength(1);
		for (const id of old) expect(sent('POST', id)).toHaveLength(0);
	});

	test('when most customers are new, items create first instead of updating first', async () => {
		sandbox.configure({ latencyMs: 10 });
		const ids = Array.from({ length: 60 }, (_, i) => NEW_IDS_FROM + i);
		const { json } = await write('upsert', ids, { options: { concurrency: 2 } });
		expect(json.map((c) => c.customer_id)).toEqual(ids);
		const puts = sandbox.requests.filter((r) => r.method === 'PUT').length;
		expect(sandbox.requests.filter((r) => r.method === 'POST')).toHaveLength(60);
		expect(puts).toBeLessThanOrEqual(4);
	});

	test('"already exists" races (another writer created the card): the change is applied as an update', async () => {
		sandbox.configure({ latencyMs: 5, latencyJitterMs: 20 });
		const ids = existing(16).map((c) => c.customer_id);
		// Cube says four of them are missing at the update, then has them at the create.
		for (const id of [ids[1], ids[4], ids[9], ids[15]]) {
			sandbox.addFault({ status: 404, method: 'PUT', path: `/customers/${id}`, body: { detail: 'Not found.' } });
		}
		const { json, error } = await write('upsert', ids);
		expect(error).toBeUndefined();
		expect(json.map((c) => [c.customer_id, c.city])).toEqual(ids.map((id, i) => [id, `City ${i}`]));
		for (const id of [ids[1], ids[4], ids[9], ids[15]]) {
			expect(sent('POST', id).map((r) => r.status)).toEqual([400]);
			expect(sent('PUT', id).map((r) => r.status)).toEqual([404, 200]);
		}
	});

	test('the same new customer twice in a batch: created by the first item, updated by the second', async () => {
		sandbox.configure({ latencyMs: 5, latencyJitterMs: 20 });
		const ids = [NEW_IDS_FROM, NEW_IDS_FROM + 1, NEW_IDS_FROM, NEW_IDS_FROM + 2];
		const { json, error } = await write('upsert', ids);
		expect(error).toBeUndefined();
		expect(json.map((c) => c.city)).toEqual(['City 0', 'City 1', 'City 2', 'City 3']);
		expect(sent('POST', NEW_IDS_FROM).filter((r) => r.status === 201 || r.status === 200)).toHaveLength(1);
	});

	test('no POST is sent twice when creates fail with a 503 or a reset; the other items go on', async () => {
		sandbox.configure({ latencyMs: 5, latencyJitterMs: 20 });
		const ids = Array.from({ length: 12 }, (_, i) => NEW_IDS_FROM + i);
		sandbox.addFault({ status: 503, method: 'POST', path: `/customers/${ids[3]}` });
		sandbox.addFault({ kind: 'reset', method: 'POST', path: `/customers/${ids[8]}` });
		const { json, paired, error } = await write('upsert', ids, { continueOnFail: true, options: { concurrency: 4 } });
		expect(error).toBeUndefined();
		expect(paired).toEqual(ids.map((_, item) => ({ item })));
		for (const id of ids) expect(sent('POST', id).length).toBeLessThanOrEqual(1);
		expect(json[3].error).toMatch(/503/);
		expect(json[8].error).toMatch(/POST \/api\/v1\/assignments\/9\/customers\/880008/);
		expect(json.filter((item) => item.error)).toHaveLength(2);
	});
});
