// The node against servers that do what Cube must not: lists that change or never end, answers
// that are not JSON, cut, slow, huge, not HTTP, or that echo the credential back.
const { idLocator, runCube } = require('./support/cubeWorkflow');
const { hostileServer, rawServer, selfSignedCertificate, sendJson, sendPage } = require('./support/hostile');

const { TRANSPORT_LIMITS } = require('../dist/nodes/HeadshedCube/transport/limits');
const { RETRY_LIMITS } = require('../dist/nodes/HeadshedCube/transport/retryPolicy');

const TOKEN = 'hostile-test-token-5f3a9c';
const DEFAULT_LIMITS = { ...TRANSPORT_LIMITS };
const DEFAULT_RETRY = { ...RETRY_LIMITS };

let server;
afterEach(async () => {
	await server?.close();
	server = undefined;
	Object.assign(TRANSPORT_LIMITS, DEFAULT_LIMITS);
	Object.assign(RETRY_LIMITS, DEFAULT_RETRY);
});
beforeEach(() => {
	RETRY_LIMITS.firstBackoffMs = 10;
});

async function serve(respond, options) {
	server = await hostileServer(respond, options).start();
	return server;
}

const credential = (overrides = {}) => ({ baseUrl: server.url, authentication: 'token', token: TOKEN, ...overrides });
const run = async (parameters, options = {}) => await runCube(parameters, { credential: credential(), ...options });

const customers = (count, from = 1) => Array.from({ length: count }, (_, n) => ({ id: from + n, customer_id: from + n, name: `C${from + n}` }));
const allCustomers = { resource: 'customer', operation: 'getAll', assignmentId: idLocator(9), returnAll: true };
const getCustomer = { resource: 'customer', operation: 'get', assignmentId: idLocator(9), customerId: 5 };
const pageOf = (request) => Number(new URL(request.url, 'http://x').searchParams.get('page') ?? 1);

describe('records deleted during a Return All', () => {
	test.each([10, 50])('%s customers deleted after page 2 was read: the list is read again, nothing is lost', async (deleted) => {
		let records = customers(100);
		let servedPages = 0;
		await serve((request, response) => {
			sendPage(request, response, records, 10);
			if (++servedPages === 2) records = records.slice(deleted);
		});
		const { json, error } = await run({ ...allCustomers, options: { concurrency: 1 } });
		expect(error).toBeUndefined();
		expect(json.map((c) => c.id)).toEqual(customers(100).slice(deleted).map((c) => c.id));
	});

	test('a list that keeps losing records ends with an error that says so', async () => {
		let records = customers(100);
		await serve((request, response) => {
			sendPage(request, response, records, 10);
			if (pageOf(request) === 3) records = records.slice(5);
		});
		const { error } = await run({ ...allCustomers, options: { concurrency: 1 } });
		expect(error.message).toMatch(/could not be read whole: it changed while it was read, 3 times in a row \(Cube counted \d+ at first, then \d+\); offset paging would have skipped or repeated records$/);
	});
});

describe('a 200 whose body is not the documented JSON', () => {
	const loginPage = (request, response) => {
		response.writeHead(200, { 'Content-Type': 'text/html' });
		response.end('<html><body><form>Please log in</form></body></html>');
	};
	test.each([
		['campaign', 'getAll', {}],
		['assignment', 'getAll', {}],
		['client', 'getAll', {}],
		['customer', 'get', { assignmentId: idLocator(9), customerId: 5 }],
		['customer', 'update', { assignmentId: idLocator(9), customerId: 5, fields: { name: 'Per' } }],
		['customer', 'getAll', { assignmentId: idLocator(9), returnAll: true }],
	])('%s %s fails, naming the request, instead of giving nothing or a string', async (resource, operation, parameters) => {
		await serve(loginPage);
		const { json, error } = await run({ resource, operation, ...parameters });
		expect(json).toEqual([]);
		expect(error.message).toMatch(/^Headshed Cube sent an unreadable answer to (GET|PUT) \/\S+ \(after 4 attempts\): the (answer|page) is not (valid )?JSON$/);
	});

	test('upsert: a create answered by a login page is not sent again, and the error says the card may exist', async () => {
		// Create or Update tries the update first: Cube's 404 to it leads to the create.
		await serve((request, response) => (request.method === 'PUT' ? sendJson(response, 404, { detail: 'Not found.' }) : loginPage(request, response)));
		const { error } = await run({ resource: 'customer', operation: 'upsert', assignmentId: idLocator(9), customerId: 5, fields: { name: 'Per' } });
		expect(error.message).toBe('Headshed Cube sent an unreadable answer to POST /api/v1/assignments/9/customers/5: the answer is not JSON');
		expect(error.description).toMatch(/may have been created/);
		expect(server.requests.map((r) => r.method)).toEqual(['PUT', 'POST']);
	});

	test('a null among the results and an absurd count are refused with what is wrong', async () => {
		await serve((request, response) => sendJson(response, 200, { count: 2, next: null, results: [{ id: 1 }, null] }));
		expect((await run(allCustomers)).error.message).toMatch(/the page's "results" hold something that is not a record$/);
		await server.close();
		await serve((request, response) => sendJson(response, 200, { count: 10_000_000, next: '/api/v1/assignments/9/customers/?page=2', results: customers(25) }));
		const { error } = await run(allCustomers);
		expect(error.message).toMatch(/Cube counts 10000000 records, more than the 2000000 the node reads at once$/);
		expect(server.requests).toHaveLength(1);
	});
});

test('upsert: "already exists" about another field is the error shown, not taken for a lost race', async () => {
	await serve((request, response) => {
		if (request.method === 'POST') return sendJson(response, 400, { email: ['customer with this email already exists.'] });
		sendJson(response, 404, { detail: 'Not found.' });
	});
	const { error } = await run({ resource: 'customer', operation: 'upsert', assignmentId: idLocator(9), customerId: 5, fields: { name: 'Per' } });
	expect(error.message).toBe('Headshed Cube answered 400 Bad Request to POST /api/v1/assignments/9/customers/5: email: customer with this email already exists.');
	expect(server.requests.map((r) => r.method)).toEqual(['PUT', 'POST']);
});

describe('expressions that give no number', () => {
	test.each([
		[{ returnAll: false, limit: '={{ "abc" }}' }, /^Limit must be a number \(got "abc"\)$/],
		[{ options: { concurrency: '={{ "x" }}' } }, /^Pages at Once must be a number \(got "x"\)$/],
	])('%o is refused before any request', async (parameters, message) => {
		await serve((request, response) => sendPage(request, response, customers(30), 10));
		const { error } = await run({ ...allCustomers, ...parameters });
		expect(error.message).toMatch(message);
		expect(server.requests).toEqual([]);
	});
});

describe('answers that break off, or are not HTTP', () => {
	const cutAfterHalf = (request, response) => {
		response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '400' });
		response.write('{"id": 5, "customer_id": 5, "name": "Per", "city": "Nar');
		setTimeout(() => response.socket.destroy(), 20);
	};

	test('a connection cut in the middle of a body is retried', async () => {
		let calls = 0;
		await serve((request, response) => (++calls === 1 ? cutAfterHalf(request, response) : sendJson(response, 200, { id: 5, customer_id: 5 })));
		const { json, error } = await run(getCustomer);
		expect(error).toBeUndefined();
		expect(json).toEqual([{ id: 5, customer_id: 5 }]);
		expect(server.requests).toHaveLength(2);
	});

	test('a body that is always cut: an error naming Cube, the request and what happened', async () => {
		await serve(cutAfterHalf);
		const { error } = await run(getCustomer);
		expect(error.message).toBe(`Could not reach Headshed Cube at ${server.url} for GET /api/v1/assignments/9/customers/5: the connection was cut before the whole answer arrived after 4 attempts`);
	});

	test('an answer that is not HTTP', async () => {
		server = await rawServer('SSH-2.0-OpenSSH_9.2\r\nnot http at all\r\n').start();
		const url = server.url.replace('https:', 'http:');
		const { error } = await run(getCustomer, { credential: credential({ baseUrl: url }) });
		expect(error.message).toBe(`Could not reach Headshed Cube at ${url} for GET /api/v1/assignments/9/customers/5: the answer was not valid HTTP`);
		expect(error.description).toMatch(/^Socket error HPE_/);
	});

	test('https to a server that does not speak TLS, and a certificate nobody trusts', async () => {
		server = await rawServer('HTTP/1.1 200 OK\r\n\r\n{}').start();
		let { error } = await run(getCustomer);
		expect(error.message).toBe(`Could not reach Headshed Cube at ${server.url} for GET /api/v1/assignments/9/customers/5: the server answered in plain HTTP where the Base URL asks for HTTPS`);
		await server.close();
		await serve((request, response) => sendJson(response, 200, { id: 5 }), { tls: selfSignedCertificate() });
		({ error } = await run(getCustomer));
		expect(error.message).toBe(`Could not reach Headshed Cube at ${server.url} for GET /api/v1/assignments/9/customers/5: the secure (TLS) connection failed`);
		expect(error.description).toMatch(/^Socket error (DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\. .*certificate is valid/);
		expect(server.requests).toEqual([]);
	});
});

describe('pagination that never ends is bounded by what the first page said', () => {
	test('a new cursor on every page', async () => {
		let cursor = 0;
		await serve((request, response) => sendJson(response, 200, { count: 30, next: `/api/v1/assignments/9/customers/?cursor=${++cursor}`, results: customers(10) }));
		const { error } = await run(allCustomers);
		expect(error.message).toMatch(/more next-page links came after the 30 records Cube counted, so the list would never end$/);
		expect(server.requests.length).toBe(3);
	});

	test('page + 1 with empty pages', async () => {
		await serve((request, response) => {
			const page = pageOf(request);
			sendJson(response, 200, { count: 10, next: `/api/v1/assignments/9/customers/?page=${page + 1}`, results: page === 1 ? customers(10) : [] });
		});
		const { error } = await run(allCustomers);
		expect(error.message).toMatch(/would never end$/);
		expect(server.requests.length).toBeLessThanOrEqual(2);
	});

	test('the same page under a varying query', async () => {
		let n = 0;
		await serve((request, response) => sendJson(response, 200, { count: 20, next: `/api/v1/assignments/9/customers/?x=${++n}`, results: customers(10) }));
		const { error } = await run(allCustomers);
		expect(error.message).toMatch(/would never end$/);
		expect(server.requests.length).toBe(2);
	});

	test('with a Limit, too', async () => {
		let cursor = 0;
		await serve((request, response) => sendJson(response, 200, { count: 10, next: `/api/v1/assignments/9/customers/?cursor=${++cursor}`, results: customers(10) }));
		const { error } = await run({ ...allCustomers, returnAll: false, limit: 50 });
		expect(error.message).toMatch(/would never end$/);
		expect(server.requests.length).toBe(1);
	});
});

describe('a request has a total deadline', () => {
	beforeEach(() => {
		TRANSPORT_LIMITS.attemptDeadlineMs = 800;
		TRANSPORT_LIMITS.requestDeadlineMs = 2000;
	});

	test('a server that sends a byte now and then cannot hold a request past its deadline', async () => {
		await serve((request, response) => {
			response.writeHead(200, { 'Content-Type': 'application/json' });
			const timer = setInterval(() => response.write(' '), 200);
			response.on('close', () => clearInterval(timer));
		});
		const started = Date.now();
		const { error } = await run(getCustomer);
		expect(error.message).toMatch(/: no complete answer arrived in time after \d attempts$/);
		expect(Date.now() - started).toBeLessThan(TRANSPORT_LIMITS.requestDeadlineMs + 1500);
	});

	test('headers followed by silence: retried only while the deadline lasts', async () => {
		await serve((request, response) => response.writeHead(200, { 'Content-Type': 'application/json' }) && response.flushHeaders());
		const { error } = await run(getCustomer);
		expect(error.message).toMatch(/no complete answer arrived in time after [23] attempts$/);
		expect(server.requests.length).toBeLessThanOrEqual(3);
	});
});

test('an answer larger than the cap is refused without reading it all, and not asked for again', async () => {
	TRANSPORT_LIMITS.maxAnswerBytes = 1024 * 1024;
	await serve((request, response) => sendJson(response, 200, { id: 5, padding: 'x'.repeat(3 * 1024 * 1024) }));
	const { error } = await run(getCustomer);
	expect(error.message).toBe(`Could not reach Headshed Cube at ${server.url} for GET /api/v1/assignments/9/customers/5: the answer was too large to read`);
	expect(error.description).toMatch(/larger than 1 MB/);
	expect(server.requests).toHaveLength(1);
});

test('Return All of 130,000 records: no stack overflow', async () => {
	const records = Array.from({ length: 130_000 }, (_, n) => ({ id: n + 1 }));
	await serve((request, response) => sendPage(request, response, records, 10_000));
	const { json, error } = await run(allCustomers);
	expect(error).toBeUndefined();
	expect(json).toHaveLength(130_000);
	expect(json[129_999]).toEqual({ id: 130_000 });
});

describe('errors never carry the credential, whatever the server echoes', () => {
	const echo = (request, response) => sendJson(response, 401, { detail: `Rejected header Authorization: ${request.headers.authorization}` });

	test.each([
		['token', {}, [TOKEN]],
		['basic', { authentication: 'basic', username: 'kari@example.com', password: 'hunter2-secret' }, ['hunter2-secret', Buffer.from('kari@example.com:hunter2-secret').toString('base64')]],
	])('%s: not in the error, the run data or a Continue On Fail item', async (kind, overrides, secrets) => {
		await serve(echo);
		const failed = await run(getCustomer, { credential: credential(overrides) });
		const continued = await run(getCustomer, { credential: credential(overrides), continueOnFail: true });
		expect(failed.error.message).toMatch(/401 Unauthorized .*Rejected header Authorization: (Token|Basic) \[hidden\]$/);
		for (const text of [JSON.stringify(failed.run), failed.error.message, failed.error.description, JSON.stringify(continued.json)]) {
			for (const secret of secrets) expect(text).not.toContain(secret);
		}
		expect(continued.json[0].error).toMatch(/\[hidden\]/);
	});
});

describe('a count that lies: the pages end the list, not the count', () => {
	// 1,000 records claimed, 3 pages of 2 real ones; what comes after page 3 varies.
	const after = {
		'a 404 (DRF\'s "Invalid page.")': (response) => sendJson(response, 404, { detail: 'Invalid page.' }),
		'an empty page that links on': (response, page) => sendJson(response, 200, { count: 1000, next: `/api/v1/assignments/9/customers/?page=${page + 1}`, results: [] }),
	};
	test.each(Object.keys(after))('next: null on page 3, then %s: 6 records, a handful of requests', async (kind) => {
		await serve((request, response) => {
			const page = pageOf(request);
			if (page > 3) return after[kind](response, page);
			const next = page < 3 ? `/api/v1/assignments/9/customers/?page=${page + 1}` : null;
			sendJson(response, 200, { count: 1000, next, previous: null, results: customers(2, 2 * page - 1) });
		});
		const { json, error } = await run({ ...allCustomers, options: { concurrency: 4 } });
		expect(error).toBeUndefined();
		expect(json.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6]);
		// 3 pages, at most 3 more already in flight when page 3 came back, and the re-read of
		// pages 1-3 (page 3 was read beside others, so it is read again too).
		expect(server.requests.length).toBeLessThanOrEqual(3 + 3 + 3);
	});
});

describe('a list the documents call a bare array, answered as pages', () => {
	const campaigns = Array.from({ length: 5 }, (_, n) => ({
		campaign__id: 201 + n, campaign__name: `C${n}`, campaign__crm_type: n % 2 ? 'B2B' : 'B2C', campaign__archived_date: '',
		data_owner__id: 10 + n, data_owner__name: `Owner ${n}`, campaign_id: 201 + n, campaign_name: `C${n}`,
	}));
	const pagedCampaigns = (request, response) => sendPage(request, response, campaigns, 2);

	test('version 1 Campaign Get Many reads every page', async () => {
		await serve(pagedCampaigns);
		const { json, error } = await run({ resource: 'campaign', operation: 'getAll' });
		expect(error).toBeUndefined();
		expect(json.map((c) => c.campaign_id)).toEqual([201, 202, 203, 204, 205]);
	});

	test('version 2 Data Owner Get Many gives every owner', async () => {
		await serve(pagedCampaigns);
		const { json, error } = await run({ resource: 'dataOwner', operation: 'getAll' }, { typeVersion: 2 });
		expect(error).toBeUndefined();
		expect(json.map((o) => o.data_owner__id)).toEqual([10, 11, 12, 13, 14]);
	});
});

describe('version 2 Customer Get checks the answer\'s shape', () => {
	const getV2 = (customerId = '00123') => ({ resource: 'customer', operation: 'get', dataOwnerId: idLocator(12), crmType: 'B2C', customerId, options: { customFieldLabels: false } });
	test.each([
		['an HTML login page', (response) => { response.writeHead(200, { 'Content-Type': 'text/html' }); response.end('<html><form>Log in</form></html>'); }, 'the answer is not JSON'],
		['null', (response) => sendJson(response, 200, 'null'), 'the answer is not a JSON object'],
		['a list', (response) => sendJson(response, 200, [{ crm__customer_id: '00123' }]), 'the answer is not a JSON object'],
	])('%s is an error in words, not an item', async (_what, answer, problem) => {
		await serve((request, response) => answer(response));
		const { json, error } = await run(getV2(), { typeVersion: 2 });
		expect(json).toEqual([]);
		expect(error.message).toBe(`Headshed Cube sent an unreadable answer to GET /api/v1/data_owners/12/B2C/customers/00123 (after 4 attempts): ${problem}`);
	});

	test.each(['.', '..'])('Customer ID "%s", which a URL would drop, is refused before any request', async (customerId) => {
		await serve((request, response) => sendJson(response, 200, { count: 0, next: null, results: [] }));
		const { error } = await run(getV2(customerId), { typeVersion: 2 });
		expect(error.message).toMatch(new RegExp(`^Refused to send GET /api/v1/data_owners/12/B2C/customers/${customerId.replace(/\./g, '\\.')}: a path segment "\\.{1,2}" would be dropped`));
		expect(server.requests).toEqual([]);
	});
});

describe('a retry always waits a sensible minimum, whatever Retry-After says', () => {
	test.each(['0', '-1', '0.0001', 'Thu, 01 Jan 1970 00:00:00 GMT', 'soon'])('Retry-After: %s', async (retryAfter) => {
		RETRY_LIMITS.firstBackoffMs = 40;
		const at = [];
		await serve((request, response) => {
			at.push(Date.now());
			sendJson(response, 429, { detail: 'Request was throttled.' }, { 'Retry-After': retryAfter });
		});
		const { error } = await run(getCustomer);
		expect(error.message).toMatch(/429 Too Many Requests .*\(after 6 attempts\)/);
		const waits = at.slice(1).map((time, n) => time - at[n]);
		// 40, 80, 160, 320, 640 ms: the exponential back-off is the floor.
		waits.forEach((wait, n) => expect(wait).toBeGreaterThanOrEqual(40 * 2 ** n - 5));
	});
});

describe('secrets are hidden in every form that can go on the wire, before any text is cut', () => {
	test('a token straddling the 200-character cut of an error text shows no part of itself', async () => {
		await serve((request, response) => {
			response.writeHead(401, { 'Content-Type': 'text/plain' });
			response.end(`${'x'.repeat(190)}${request.headers.authorization}${'y'.repeat(50)}`);
		});
		const { error } = await run(getCustomer);
		// Hidden first, then cut: the cut may fall inside "[hidden]", never inside the token.
		expect(error.message).toMatch(/Token \[hid/);
		for (let n = 0; n + 6 <= TOKEN.length; n++) expect(error.message).not.toContain(TOKEN.slice(n, n + 6));
	});

	const spaced = '  spaced-secret-token-7c1e  ';
	test.each([
		['the header as the server received it (HTTP trims it)', (request) => request.headers.authorization, { token: spaced }, 'spaced-secret-token-7c1e'],
		['the token URL-encoded', () => `?token=${encodeURIComponent('tok/en+secret=7c1e&x')}`, { token: 'tok/en+secret=7c1e&x' }, 'tok%2Fen%2Bsecret%3D7c1e%26x'],
		['a password JSON-escaped in a text answer', () => JSON.stringify({ password: 'pa"ss\\word-7c1e' }), { authentication: 'basic', username: 'kari@example.com', password: 'pa"ss\\word-7c1e' }, 'pa\\"ss\\\\word-7c1e'],
	])('%s', async (_what, echo, overrides, shown) => {
		await serve((request, response) => sendJson(response, 401, { detail: `Rejected: ${echo(request)}` }));
		const { error } = await run(getCustomer, { credential: credential(overrides) });
		expect(error.message).toMatch(/Rejected: .*\[hidden\]/);
		for (const text of [error.message, JSON.stringify(error)]) expect(text).not.toContain(shown);
	});
});

describe('the Base URL and the path that was sent', () => {
	test.each([
		['with the API prefix', '/api/v1/', '/api/v1/assignments/9/customers/5'],
		['with the API prefix, no slash', '/api/v1', '/api/v1/assignments/9/customers/5'],
		['under a path of the tenant', '/cube/', '/cube/api/v1/assignments/9/customers/5'],
	])('%s: the request goes to the right path, and the error shows that path', async (_what, suffix, sent) => {
		await serve((request, response) => sendJson(response, 404, { detail: 'Not found.' }));
		const { error } = await run(getCustomer, { credential: credential({ baseUrl: `${server.url}${suffix}` }) });
		const [first, ...after] = server.requests.map((r) => r.url);
		expect(first).toBe(sent);
		// after a 404, the campaign list tells whether the tenant speaks the other generation
		for (const url of after) expect(url).toMatch(/\/campaigns$/);
		expect(error.message).toBe(`Headshed Cube answered 404 Not Found to GET ${sent}: Not found.`);
	});
});

test('custom fields named __proto__ and constructor are sent, not dropped', async () => {
	const bodies = [];
	await serve((request, response, body) => {
		bodies.push(body);
		sendJson(response, 200, { id: 5, customer_id: 5, ...JSON.parse(body) });
	});
	const customFields = { field: [{ name: '__proto__', value: 'a' }, { name: 'constructor', value: 'b' }, { name: 'Antall år', value: 'c' }] };
	const { error } = await run({ resource: 'customer', operation: 'update', assignmentId: idLocator(9), customerId: 5, customFields });
	expect(error).toBeUndefined();
	const sentKeys = Object.keys(JSON.parse(bodies[0], (key, value) => value));
	expect(bodies[0]).toContain('"__proto__":"a"');
	expect(bodies[0]).toContain('"constructor":"b"');
	expect(sentKeys).toEqual(expect.arrayContaining(['Antall år', 'assignment_id', 'customer_id']));
});

test('a record inserted before the last page while the pages beside it are still on their way is not skipped', async () => {
	// Pages 7-9 answer late; serving page 10 inserts a record in page 9's range. Were page 10 read
	// beside page 9, page 9's last record would move onto page 10, already read, and be lost.
	let records = customers(100);
	await serve((request, response) => {
		const page = pageOf(request);
		const answer = () => sendPage(request, response, records, 10);
		if (page >= 7 && page <= 9) return setTimeout(answer, 150);
		answer();
		if (page === 10 && records.length === 100) records = [...records.slice(0, 85), { id: 1000, customer_id: 1000, name: 'New' }, ...records.slice(85)];
	});
	const { json, error } = await run({ ...allCustomers, options: { concurrency: 4 } });
	expect(error).toBeUndefined();
	expect(json.map((c) => c.id)).toEqual(records.map((c) => c.id));
});
