'use strict';

const { createSandbox, SANDBOX_TOKEN, SANDBOX_USERNAME, SANDBOX_PASSWORD } = require('./index');

const NOW = '2024-03-15T12:00:00Z'; // 13:00 in Oslo
const TOKEN = { Authorization: `Token ${SANDBOX_TOKEN}` };
const BASIC = { Authorization: `Basic ${Buffer.from(`${SANDBOX_USERNAME}:${SANDBOX_PASSWORD}`).toString('base64')}` };
const DEFAULT_KNOBS = { pageSize: 25, latencyMs: 0, nextLinkStyle: 'http', paths: 'both', timeZone: 'Europe/Oslo', hostileOrigin: null, responseOrder: 'submitted' };

let sandbox;

async function call(path, { method = 'GET', headers = TOKEN, body, signal } = {}) {
	const init = { method, headers: { ...headers }, signal };
	if (body !== undefined) {
		init.body = typeof body === 'string' ? body : JSON.stringify(body);
		init.headers['Content-Type'] = 'application/json';
	}
	const response = await fetch(path.startsWith('http') ? path : sandbox.url + path, init);
	const text = await response.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, body: json, text };
}

async function followAll(firstPath) {
	const items = [];
	const links = [];
	let next = firstPath;
	while (next) {
		const page = await call(next);
		expect(page.status).toBe(200);
		items.push(...page.body.results);
		links.push(next);
		next = page.body.next;
	}
	return { items, links };
}

beforeAll(async () => {
	sandbox = createSandbox({ now: NOW, freezeClock: true });
	await sandbox.start(0);
});

afterAll(() => sandbox.stop());

beforeEach(() => {
	sandbox.reset();
	sandbox.configure(DEFAULT_KNOBS);
	sandbox.clock.set(NOW);
	sandbox.clock.freeze();
});

describe('programmatic API', () => {
	test('exports and address', () => {
		expect([SANDBOX_TOKEN, SANDBOX_USERNAME, SANDBOX_PASSWORD]).toEqual(['cube-sandbox-token', 'integration@example.com', 'sandbox-password']);
		expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(() => sandbox.configure({ pageSize: 0 })).toThrow(RangeError);
		expect(() => sandbox.configure({ nextLinkStyle: 'weird' })).toThrow(RangeError);
		expect(() => sandbox.configure({ timeZone: 'Mars/Base' })).toThrow(RangeError);
		expect(() => sandbox.configure({ pagesize: 5 })).toThrow(/Unknown sandbox knob/);
	});

	test('same seed gives the same data, another seed other data; generation is fast', () => {
		const started = Date.now();
		const a = createSandbox({ seed: 1, now: NOW });
		expect(Date.now() - started).toBeLessThan(1500);
		const b = createSandbox({ seed: 2, now: NOW });
		expect(a.data.customersByAssignment.get(9)).toEqual(sandbox.data.customersByAssignment.get(9));
		expect(a.data.responsesByCampaign.get(101)).toEqual(sandbox.data.responsesByCampaign.get(101));
		expect(b.data.customersByAssignment.get(9)[0]).not.toEqual(a.data.customersByAssignment.get(9)[0]);
	});

	test('seed data has the documented shape', () => {
		const { data } = sandbox;
		expect(data.clients).toHaveLength(4);
		expect(data.assignments).toHaveLength(6);
		expect(data.customersByAssignment.get(9)).toHaveLength(10000);
		for (const [id, customers] of data.customersByAssignment) {
			if (id !== 9) expect(customers.length).toBeGreaterThanOrEqual(150);
			expect(new Set(customers.map((c) => c.customer_id)).size).toBe(customers.length);
		}
		const allIds = [...data.customersByAssignment.values()].flat().map((c) => c.id);
		expect(new Set(allIds).size).toBe(allIds.length);
		expect(data.campaigns.length).toBeGreaterThanOrEqual(10);
		expect(data.campaigns.filter((c) => c.end_date !== '' && c.end_date < '2024-03-15')).toHaveLength(3);
		const responses = data.responsesByCampaign.get(101);
		const nearMidnightUtc = responses.filter((r) => {
			const intoDay = Date.parse(r.submitted_when) % 86400000;
			return intoDay < 900000 || intoDay > 86400000 - 900000;
		});
		expect(nearMidnightUtc.length).toBeGreaterThan(2);
		expect(responses.every((r) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(r.submitted_when))).toBe(true);
	});

	test('clock: set, advance, freeze, unfreeze', async () => {
		expect(sandbox.clock.now().toISOString()).toBe('2024-03-15T12:00:00.000Z');
		sandbox.clock.advance(60000);
		expect(sandbox.clock.now().toISOString()).toBe('2024-03-15T12:01:00.000Z');
		sandbox.clock.unfreeze();
		await new Promise((resolve) => setTimeout(resolve, 30));
		expect(sandbox.clock.now().getTime()).toBeGreaterThan(Date.parse('2024-03-15T12:01:00.020Z'));
		sandbox.clock.freeze();
		const frozen = sandbox.clock.now().getTime();
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(sandbox.clock.now().getTime()).toBe(frozen);
	});
});

describe('authentication and request log', () => {
	test('token and basic pass; missing, wrong token and wrong basic get DRF 401s', async () => {
		expect((await call('/api/v1/campaigns')).status).toBe(200);
		expect((await call('/api/v1/campaigns', { headers: BASIC })).status).toBe(200);
		const missing = await call('/api/v1/campaigns', { headers: {} });
		expect(missing.status).toBe(401);
		expect(missing.body).toEqual({ detail: 'Authentication credentials were not provided.' });
		expect(missing.headers.get('www-authenticate')).toBe('Token');
		expect(missing.headers.get('content-type')).toBe('application/json');
		expect((await call('/api/v1/campaigns', { headers: { Authorization: 'Token nope' } })).body).toEqual({ detail: 'Invalid token.' });
		const wrongBasic = { Authorization: `Basic ${Buffer.from(`${SANDBOX_USERNAME}:nope`).toString('base64')}` };
		expect((await call('/nowhere', { headers: wrongBasic })).body).toEqual({ detail: 'Invalid username/password.' });
	});

	test('log entries: scheme, redaction, body; control calls are not logged', async () => {
		await call('/api/v1/campaigns?include_inactive_campaigns=True');
		await call('/api/v1/campaigns', { headers: { Authorization: 'Token nope' } });
		await call('/api/v1/assignments/9/customers/100001', { method: 'PUT', body: { assignment_id: 9 } });
		await call('/__sandbox/state', { headers: {} });
		const [first, second, third] = sandbox.requests;
		expect(sandbox.requests).toHaveLength(3);
		expect(first).toMatchObject({
			method: 'GET',
			path: '/api/v1/campaigns',
			query: { include_inactive_campaigns: 'True' },
			pathWithQuery: '/api/v1/campaigns?include_inactive_campaigns=True',
			status: 200,
			authorization: 'token',
			body: null,
		});
		expect(first.headers.authorization).toBe('[redacted]');
		expect(new Date(first.at).toISOString()).toBe(first.at);
		expect(second).toMatchObject({ status: 401, authorization: 'invalid' });
		expect(third).toMatchObject({ method: 'PUT', status: 400, body: { assignment_id: 9 } });
		sandbox.clearRequests();
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('campaigns and assignments', () => {
	test('active campaigns by default, all with include_inactive_campaigns', async () => {
		const active = (await call('/api/v1/campaigns')).body;
		const all = (await call('/campaigns/?include_inactive_campaigns=True')).body;
		expect(all).toEqual(sandbox.data.campaigns);
		expect(active).toHaveLength(all.length - 3);
		expect((await call('/api/v1/campaigns?include_inactive_campaigns=true')).body).toHaveLength(all.length);
		expect(Object.keys(all[0])).toEqual(['campaign_id', 'campaign_name', 'start_date', 'end_date', 'assignment_id', 'assignment_name', 'client_id', 'client_name']);
		sandbox.clock.set('2030-01-01T00:00:00Z');
		const later = (await call('/api/v1/campaigns')).body;
		expect(later.every((c) => c.end_date === '')).toBe(true);
	});

	test('paths knob and wrong methods', async () => {
		expect((await call('/assignments/')).body).toEqual(sandbox.data.assignments);
		sandbox.configure({ paths: 'v1' });
		expect((await call('/campaigns')).status).toBe(404);
		expect((await call('/api/v1/assignments')).status).toBe(200);
		sandbox.configure({ paths: 'legacy' });
		expect((await call('/api/v1/campaigns/')).status).toBe(404);
		expect((await call('/assignments')).status).toBe(200);
		const deleted = await call('/assignments', { method: 'DELETE' });
		expect(deleted.status).toBe(405);
		expect(deleted.body).toEqual({ detail: 'Method "DELETE" not allowed.' });
		expect((await call('/api/v1/nothing')).body).toEqual({ detail: 'Not found.' });
	});
});

describe('customers', () => {
	test('pages through all 10,000 customers of assignment 9 in id order, without duplicates', async () => {
		const { items, links } = await followAll('/api/v1/assignments/9/customers/');
		expect(links).toHaveLength(400);
		expect(items).toHaveLength(10000);
		const ids = items.map((c) => c.id);
		expect(new Set(ids).size).toBe(10000);
		expect(ids.every((id, i) => i === 0 || ids[i - 1] < id)).toBe(true);
		expect(Object.keys(items[0]).slice(0, 4)).toEqual(['id', 'customer_id', 'assignment_id', 'name']);
		expect(Object.keys(items[0]).slice(-3)).toEqual(['gen info 1', 'Oppstartsdato', 'Antall år']);
	}, 15000);

	test('page links, page size, invalid pages, unknown ids', async () => {
		const first = await call('/api/v1/assignments/12/customers?x=1');
		expect(first.body.count).toBe(sandbox.data.customersByAssignment.get(12).length);
		expect(first.body.previous).toBeNull();
		expect(first.body.next).toBe(`${sandbox.url}/api/v1/assignments/12/customers?x=1&page=2`);
		sandbox.configure({ pageSize: 100 });
		expect((await call('/api/v1/assignments/12/customers/')).body.results).toHaveLength(100);
		expect((await call('/api/v1/assignments/12/customers/?page=999')).body).toEqual({ detail: 'Invalid page.' });
		expect((await call('/api/v1/assignments/12/customers/?page=0')).status).toBe(404);
		expect((await call('/api/v1/assignments/99/customers/')).body).toEqual({ detail: 'Not found.' });
		expect((await call('/api/v1/assignments/nine/customers/')).status).toBe(404);
		expect((await call('/api/v1/assignments/9/customers/100001')).body).toEqual(sandbox.data.customersByAssignment.get(9)[0]);
		expect((await call('/api/v1/assignments/9/customers/1')).status).toBe(404);
	});

	test('PUT rules', async () => {
		const path = '/api/v1/assignments/9/customers/100003';
		const put = (body) => call(path, { method: 'PUT', body });
		expect((await put({ name: 'X' })).body).toEqual({ assignment_id: ['This field is required.'], customer_id: ['This field is required.'] });
		expect((await put({ assignment_id: 12, customer_id: '100003' })).body).toEqual({ assignment_id: ['Does not match the URL.'] });
		expect((await put({ assignment_id: 9, customer_id: 100003, Kundetype: 'x' })).body).toEqual({ Kundetype: ['Unknown field.'] });
		expect((await put({ assignment_id: 9, customer_id: 100003, birth_date: '15.03.1980' })).body).toEqual({
			birth_date: ['Date has wrong format. Use one of these formats instead: YYYY-MM-DD.'],
		});
		const broken = await put('{"assignment_id": 9,');
		expect(broken.status).toBe(400);
		expect(broken.body.detail).toMatch(/^JSON parse error - /);
		expect((await call('/api/v1/assignments/9/customers/42', { method: 'PUT', body: { assignment_id: 9, customer_id: 42 } })).status).toBe(404);
		const updated = await put({ id: 1, assignment_id: '9', customer_id: '100003', name: 'Åse Ødegård', 'Antall år': 4, birth_date: '' });
		expect(updated.status).toBe(200);
		expect(updated.body).toMatchObject({ id: 20003, customer_id: 100003, name: 'Åse Ødegård', 'Antall år': 4, birth_date: null });
		expect((await call(path)).body.name).toBe('Åse Ødegård');
	});

	test('POST rules', async () => {
		const path = '/api/v1/assignments/9/customers/777';
		const post = (body) => call(path, { method: 'POST', body });
		expect((await post({ assignment_id: 9, customer_id: 777 })).body).toEqual({ name: ['This field is required.'] });
		expect((await post({ assignment_id: 9, customer_id: 778, name: 'A' })).body).toEqual({ customer_id: ['Does not match the URL.'] });
		const created = await post({ assignment_id: 9, customer_id: 777, name: 'Kari Ny', Oppstartsdato: '2024-01-02' });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ customer_id: 777, assignment_id: 9, name: 'Kari Ny', phone_1: null, 'gen info 1': null, Oppstartsdato: '2024-01-02' });
		const maxId = Math.max(...[...sandbox.data.customersByAssignment.values()].flat().filter((c) => c !== sandbox.data.customersByAssignment.get(9).at(-1)).map((c) => c.id));
		expect(created.body.id).toBe(maxId + 1);
		expect((await post({ assignment_id: 9, customer_id: 777, name: 'Again' })).body).toEqual({ customer_id: ['customer with this customer id already exists.'] });
		expect((await call('/api/v1/assignments/9/customers/?page=last')).body.results.at(-1).customer_id).toBe(777);
	});
});

describe('next link styles', () => {
	const list = '/api/v1/assignments/12/customers/';

	test('hostile: links point to another host', async () => {
		sandbox.configure({ nextLinkStyle: 'hostile' });
		expect((await call(list)).body.next).toBe(`http://127.0.0.2:${sandbox.port}${list}?page=2`);
		sandbox.configure({ hostileOrigin: 'http://127.0.0.1:9999' });
		expect((await call(list)).body.next).toBe(`http://127.0.0.1:9999${list}?page=2`);
	});

	test('malformed: page inside another parameter, still served', async () => {
		sandbox.configure({ nextLinkStyle: 'malformed' });
		const { items, links } = await followAll(list);
		expect(links[1]).toBe(`${sandbox.url}${list}?response_type=Sale/?page=2`);
		expect(items.map((c) => c.id)).toEqual(sandbox.data.customersByAssignment.get(12).map((c) => c.id));
	});

	test('repeat: every next is page 2', async () => {
		sandbox.configure({ nextLinkStyle: 'repeat' });
		expect((await call(list)).body.next).toMatch(/\?page=2$/);
		expect((await call(`${list}?page=2`)).body.next).toMatch(/\?page=2$/);
		expect((await call(`${list}?page=last`)).body.next).toMatch(/\?page=2$/);
	});

	test('cursor: opaque cursors instead of page numbers', async () => {
		sandbox.configure({ nextLinkStyle: 'cursor' });
		const { items, links } = await followAll(list);
		expect(links.slice(1).every((link) => /\?cursor=[\w-]+$/.test(link))).toBe(true);
		expect(items.map((c) => c.id)).toEqual(sandbox.data.customersByAssignment.get(12).map((c) => c.id));
		expect((await call(`${list}?cursor=garbage`)).status).toBe(404);
	});
});

describe('faults', () => {
	test('429 with Retry-After, then normal again', async () => {
		sandbox.addFault({ status: 429, retryAfter: 1 });
		const throttled = await call('/api/v1/campaigns');
		expect(throttled.status).toBe(429);
		expect(throttled.headers.get('retry-after')).toBe('1');
		expect(throttled.body).toEqual({ detail: 'Request was throttled. Expected available in 1 seconds.' });
		expect((await call('/api/v1/campaigns')).status).toBe(200);
		expect(sandbox.requests.map((r) => r.status)).toEqual([429, 200]);
	});

	test('5xx, times, method and path matching; a 401 wins and leaves the fault queued', async () => {
		for (const status of [500, 502, 503, 504]) {
			sandbox.addFault({ status });
			expect(await call('/assignments')).toMatchObject({ status, body: { detail: 'Service temporarily unavailable.' } });
		}
		sandbox.addFault({ status: 503, times: 2, method: 'GET', path: /customers\/\?page=3/ });
		expect((await call('/api/v1/assignments/9/customers/?page=3', { headers: {} })).status).toBe(401);
		expect((await call('/api/v1/assignments/9/customers/?page=2')).status).toBe(200);
		expect((await call('/api/v1/assignments/9/customers/?page=3')).status).toBe(503);
		expect((await call('/api/v1/assignments/9/customers/?page=3')).status).toBe(503);
		expect((await call('/api/v1/assignments/9/customers/?page=3')).status).toBe(200);
		sandbox.addFault({ status: 500, path: 'campaigns' });
		sandbox.clearFaults();
		expect((await call('/api/v1/campaigns')).status).toBe(200);
	});

	test('malformed and badShape bodies', async () => {
		sandbox.addFault({ kind: 'malformed' });
		const malformed = await call('/api/v1/assignments/9/customers/');
		expect(malformed.status).toBe(200);
		expect(malformed.headers.get('content-type')).toBe('application/json');
		expect(() => JSON.parse(malformed.text)).toThrow();
		sandbox.addFault({ kind: 'badShape' });
		expect((await call('/api/v1/assignments/9/customers/')).body).toEqual({ detail: 'ok' });
	});

	test('reset and hang', async () => {
		sandbox.addFault({ kind: 'reset' });
		await expect(call('/api/v1/campaigns')).rejects.toThrow();
		sandbox.addFault({ kind: 'hang' });
		await expect(call('/api/v1/campaigns', { signal: AbortSignal.timeout(200) })).rejects.toThrow();
		expect(sandbox.requests.map((r) => [r.fault, r.status])).toEqual([['reset', null], ['hang', null]]);
		expect((await call('/api/v1/campaigns')).status).toBe(200);
	});

	test('latency', async () => {
		sandbox.configure({ latencyMs: 120 });
		const started = Date.now();
		await call('/assignments');
		expect(Date.now() - started).toBeGreaterThanOrEqual(110);
	});
});

describe('responses', () => {
	const base = '/api/v1/campaigns/101/responses';

	test('default range is today in the server zone, up to the clock', async () => {
		const today = await call(`${base}/`);
		expect(today.status).toBe(200);
		expect(today.body.count).toBeGreaterThan(0);
		for (const r of today.body.results) {
			expect(r.submitted_when >= '2024-03-14T23:00:00' && r.submitted_when <= '2024-03-15T12:00:00.000999Z').toBe(true);
		}
		expect(Object.keys(today.body.results[0])).toEqual(['submitted_by', 'submitted_when', 'crm_customer_id', 'customer_name', 'campaign_id', 'type', 'subtype', 'comment']);
		expect((await call(`${base}/from_date/20240315/to_date/20240315`)).body.count).toBe(today.body.count);
		expect((await call(`${base}/from_date/20240315`)).body.count).toBe(today.body.count);
	});

	test('date ranges follow the zone and are sorted', async () => {
		const { items } = await followAll(`${base}/from_date/20240201/to_date/20240314/`);
		const all = sandbox.data.responsesByCampaign.get(101);
		const inOslo = (r) => {
			const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date(r.submitted_when));
			return date >= '2024-02-01' && date <= '2024-03-14';
		};
		expect(items).toEqual(all.filter(inOslo));
		sandbox.configure({ timeZone: 'UTC' });
		const utc = await followAll(`${base}/from_date/20240201/to_date/20240314/`);
		expect(utc.items).toEqual(all.filter((r) => r.submitted_when >= '2024-02-01' && r.submitted_when < '2024-03-15'));
	});

	test('bad dates, reversed range, unknown campaign', async () => {
		expect((await call(`${base}/from_date/2024-1-1/`)).body).toEqual({ detail: "Invalid date '2024-1-1': use YYYYMMDD." });
		expect((await call(`${base}/from_date/20240101/to_date/20240230`)).body).toEqual({ detail: "Invalid date '20240230': use YYYYMMDD." });
		expect((await call(`${base}/from_date/20240310/to_date/20240301`)).body).toEqual({ detail: 'from_date is after to_date.' });
		expect((await call('/api/v1/campaigns/999/responses/')).status).toBe(404);
	});

	test('addResponse: future ones stay hidden until the clock passes them; ties keep insertion order', async () => {
		const future = sandbox.addResponse({ campaign_id: 101, crm_customer_id: 100005, type: 'Call back', submitted_when: '2024-03-15T12:30:00.000002Z' });
		const twin = sandbox.addResponse({ campaign_id: 101, crm_customer_id: 100005, submitted_when: '2024-03-15T12:30:00.000002Z' });
		const now = sandbox.addResponse({ campaign_id: 101, crm_customer_id: 100006, comment: 'Ny' });
		expect(now.submitted_when).toBe('2024-03-15T12:00:00.000000Z');
		expect(future.customer_name).toBe(sandbox.data.customersByAssignment.get(9).find((c) => c.customer_id === 100005).name);
		let last = (await call(`${base}/?page=last`)).body.results;
		expect(last.at(-1)).toEqual(now);
		sandbox.clock.advance(60 * 60 * 1000);
		last = (await call(`${base}/?page=last`)).body.results;
		expect(last.slice(-2)).toEqual([future, twin]);
		expect(() => sandbox.addResponse({ campaign_id: 999 })).toThrow(/Unknown campaign/);
	});

	test('addResponse with visibleNow lists a future-stamped response at once, within its date', async () => {
		const imported = sandbox.addResponse({ campaign_id: 101, submitted_when: '2024-03-15T20:00:00.000001Z' }, { visibleNow: true });
		expect((await call(`${base}/?page=last`)).body.results.at(-1)).toEqual(imported);
		expect((await call(`${base}/from_date/20240316/to_date/20240316`)).body.count).toBe(0);
	});

	test('responseOrder shuffled: another order at each clock reading, the same for every page of one', async () => {
		sandbox.configure({ responseOrder: 'shuffled', pageSize: 7 });
		const first = await followAll(`${base}/from_date/20240301/to_date/20240315/`);
		const again = await followAll(`${base}/from_date/20240301/to_date/20240315/`);
		expect(again.items).toEqual(first.items);
		sandbox.clock.advance(1);
		const later = await followAll(`${base}/from_date/20240301/to_date/20240315/`);
		expect(later.items).not.toEqual(first.items);
		const key = (r) => `${r.submitted_when}|${r.crm_customer_id}|${r.comment}`;
		expect(later.items.map(key).sort()).toEqual(first.items.map(key).sort());
	});

	test('the request log counts the records each page held', async () => {
		sandbox.configure({ pageSize: 7 });
		sandbox.clearRequests();
		const { items } = await followAll(`${base}/from_date/20240301/to_date/20240315/`);
		expect(sandbox.requests.reduce((sum, r) => sum + r.records, 0)).toBe(items.length);
		expect(sandbox.requests[0].records).toBe(7);
	});
});

describe('control endpoints', () => {
	const control = (path, method = 'GET', body) => call(`/__sandbox${path}`, { method, headers: {}, body });

	test('state, config, clock, responses, faults, requests, reset', async () => {
		const state = await control('/state');
		expect(state.body).toMatchObject({ knobs: DEFAULT_KNOBS, clock: { now: '2024-03-15T12:00:00.000Z', frozen: true } });
		expect(state.body.counts).toMatchObject({ clients: 4, assignments: 6 });
		expect((await control('/config', 'POST', { pageSize: 10 })).body.pageSize).toBe(10);
		expect((await control('/config', 'POST', { pageSize: -1 })).status).toBe(400);
		expect((await control('/clock', 'POST', { advanceMs: 1000 })).body.now).toBe('2024-03-15T12:00:01.000Z');
		const added = await control('/responses', 'POST', { campaign_id: 102, crm_customer_id: 100001 });
		expect(added.status).toBe(201);
		expect(sandbox.data.responsesByCampaign.get(102).at(-1)).toEqual(added.body);
		expect((await control('/faults', 'POST', { status: 502, pathRegex: '^/assign' })).status).toBe(201);
		expect((await call('/api/v1/assignments')).status).toBe(200);
		expect((await call('/assignments')).status).toBe(502);
		const logged = await control('/requests');
		expect(logged.body.map((r) => r.status)).toEqual([200, 502]);
		await control('/faults', 'DELETE');
		await control('/requests', 'DELETE');
		expect(sandbox.requests).toHaveLength(0);
		await call('/api/v1/assignments/9/customers/5', { method: 'POST', body: { assignment_id: 9, customer_id: 5, name: 'Temp' } });
		expect((await control('/reset', 'POST')).status).toBe(200);
		expect((await call('/api/v1/assignments/9/customers/5')).status).toBe(404);
		expect((await control('/nope')).status).toBe(404);
	});

	test('concurrency: the API requests in flight now and the most at once, with jitter in the latency', async () => {
		// five requests sent together must all be in flight at once: with a latency of 30 ms a
		// busy machine (two jest workers beside n8n installs) sent the fifth after the first had
		// been answered, so each is held long enough for the slowest start
		await control('/config', 'POST', { latencyMs: 600, latencyJitterMs: 20 });
		await Promise.all([1, 2, 3, 4, 5].map(() => call('/api/v1/assignments')));
		await control('/config', 'POST', { latencyMs: 30 });
		await call('/api/v1/assignments');
		expect((await control('/concurrency')).body).toEqual({ inFlight: 0, maxInFlight: 5 });
		expect((await control('/concurrency', 'DELETE')).body).toEqual({ inFlight: 0, maxInFlight: 0 });
		await call('/api/v1/assignments');
		expect(sandbox.concurrency()).toEqual({ inFlight: 0, maxInFlight: 1 });
		expect((await control('/config', 'POST', { latencyJitterMs: -1 })).status).toBe(400);
	});
});
