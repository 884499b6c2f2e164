// What the transport promises whatever Cube does: retries that are safe, clear errors without
// secrets, pagination that stays on the configured host and stops when it has enough.
const http = require('http');

const { idLocator, runCube } = require('./support/cubeWorkflow');
const { served, tokenCredential, basicCredential, useSandbox } = require('./support/sandbox');

const sandbox = useSandbox();

const getCustomer = (customerId = sandbox.data.customersByAssignment.get(9)[0].customer_id) => ({
	resource: 'customer',
	operation: 'get',
	assignmentId: idLocator(9),
	customerId,
});
const allCustomersOf = (assignmentId) => ({
	resource: 'customer',
	operation: 'getAll',
	assignmentId: idLocator(assignmentId),
	returnAll: true,
});

async function run(parameters, credential = tokenCredential(sandbox)) {
	return await runCube(parameters, { credential });
}

const statuses = () => sandbox.requests.map((request) => request.status);

describe('retries', () => {
	test('a 429 waits as long as Retry-After asks, then succeeds', async () => {
		sandbox.addFault({ status: 429, retryAfter: 1, times: 1 });
		const started = Date.now();
		const { json, error } = await run(getCustomer());
		expect(error).toBeUndefined();
		expect(json).toHaveLength(1);
		expect(statuses()).toEqual([429, 200]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
	});

	test('a Retry-After too long to wait for gives up at once with a clear error', async () => {
		sandbox.addFault({ status: 429, retryAfter: 3600, times: 1 });
		const { error } = await run(getCustomer());
		expect(statuses()).toEqual([429]);
		expect(error.message).toMatch(/^Headshed Cube answered 429 Too Many Requests to GET \/api\/v1\/assignments\/9\/customers\/\d+: Request was throttled/);
		expect(error.description).toMatch(/throttling/);
	});

	test.each([502, 503, 504])('a %s on a GET is retried', async (status) => {
		sandbox.addFault({ status, retryAfter: 0, times: 2 });
		const { error } = await run(getCustomer());
		expect(error).toBeUndefined();
		expect(statuses()).toEqual([status, status, 200]);
	});

	test('a 503 that does not go away ends after 4 attempts, saying so', async () => {
		sandbox.addFault({ status: 503, retryAfter: 0, times: 10 });
		const { error } = await run(getCustomer());
		expect(statuses()).toEqual([503, 503, 503, 503]);
		expect(error.message).toMatch(/answered 503 Service Unavailable to GET .* \(after 4 attempts\): Service temporarily unavailable\./);
	});

	test('a connection reset on a GET is retried', async () => {
		sandbox.addFault({ kind: 'reset', times: 1 });
		const { json, error } = await run(getCustomer());
		expect(error).toBeUndefined();
		expect(json).toHaveLength(1);
		expect(sandbox.requests).toHaveLength(2);
	});

	test('a PUT is retried after a 503, since sending it twice changes nothing more', async () => {
		const customer = sandbox.data.customersByAssignment.get(9)[0];
		sandbox.addFault({ status: 503, retryAfter: 0, times: 1, method: 'PUT' });
		const { json, error } = await run({ ...getCustomer(customer.customer_id), operation: 'update', fields: { city: 'Narvik' } });
		expect(error).toBeUndefined();
		expect(json[0].city).toBe('Narvik');
		expect(statuses()).toEqual([503, 200]);
	});

	test('a POST is never sent twice after a 503 or a reset: it may have created the card', async () => {
		for (const fault of [{ status: 503, retryAfter: 0 }, { kind: 'reset' }]) {
			sandbox.reset();
			sandbox.addFault({ ...fault, times: 1, method: 'POST' });
			const { error } = await run({ ...getCustomer(990010), operation: 'create', fields: { name: 'Per' } });
			expect(error).toBeDefined();
			expect(served(sandbox)).toEqual(['POST /api/v1/assignments/9/customers/990010']);
		}
	});

	test('a POST is sent again after a 429: the server did not start it', async () => {
		sandbox.addFault({ status: 429, retryAfter: 0, times: 1, method: 'POST' });
		const { json, error } = await run({ ...getCustomer(990011), operation: 'create', fields: { name: 'Per' } });
		expect(error).toBeUndefined();
		expect(json[0].customer_id).toBe(990011);
		expect(statuses()).toEqual([429, 201]);
	});

	test('a 429 seen by one page worker holds back the others', async () => {
		sandbox.addFault({ status: 429, retryAfter: 1, times: 1, path: 'page=5&' });
		sandbox.addFault({ status: 429, retryAfter: 1, times: 1, path: /page=5$/ });
		const { json, error } = await run(allCustomersOf(12));
		expect(error).toBeUndefined();
		expect(json).toEqual(sandbox.data.customersByAssignment.get(12));
		const throttledAt = Date.parse(sandbox.requests.find((r) => r.status === 429).at);
		const soonAfter = sandbox.requests.filter((r) => {
			const at = Date.parse(r.at);
			return at > throttledAt && at < throttledAt + 900;
		});
		// Only requests already on their way when the 429 came back may land in that second.
		expect(soonAfter.length).toBeLessThanOrEqual(3);
	});
});

describe('errors name what failed and never carry a secret', () => {
	test('a wrong token: 401 with the API message, the request, what to do, and no token', async () => {
		const { error } = await run(getCustomer(), tokenCredential(sandbox, { token: 'wrong-secret-token' }));
		expect(error.message).toMatch(/^Headshed Cube answered 401 Unauthorized to GET \/api\/v1\/assignments\/9\/customers\/\d+: Invalid token\.$/);
		expect(error.description).toMatch(/Check the token/);
		expect(JSON.stringify(error)).not.toContain('wrong-secret-token');
		expect(sandbox.requests).toHaveLength(1);
	});

	test('a wrong password: 401, and neither password nor its base64 appear', async () => {
		const password = 'not-the-password';
		const { error } = await run(getCustomer(), basicCredential(sandbox, { password }));
		expect(error.message).toContain('401 Unauthorized');
		expect(error.message).toContain('Invalid username/password.');
		const text = JSON.stringify(error);
		expect(text).not.toContain(password);
		expect(text).not.toContain(Buffer.from(`integration@example.com:${password}`).toString('base64'));
	});

	test('a field Cube rejects: 400 naming the field', async () => {
		const customer = sandbox.data.customersByAssignment.get(9)[0];
		const { error } = await run({ ...getCustomer(customer.customer_id), operation: 'update', fields: { birth_date: '31.12.1980' } });
		expect(error.message).toBe(
			`Headshed Cube answered 400 Bad Request to PUT /api/v1/assignments/9/customers/${customer.customer_id}: birth_date: Date has wrong format. Use one of these formats instead: YYYY-MM-DD.`,
		);
	});

	test('an unknown custom field: 400 naming it', async () => {
		const customer = sandbox.data.customersByAssignment.get(9)[0];
		const { error } = await run({ ...getCustomer(customer.customer_id), operation: 'update', customFields: { field: [{ name: 'Skostørrelse', value: '42' }] } });
		expect(error.message).toMatch(/400 Bad Request .*: Skostørrelse: Unknown field\.$/);
	});

	test('a customer id that is not a whole number is refused before any request', async () => {
		for (const customerId of ['12a', 4.5, -3, '']) {
			const { error } = await run(getCustomer(customerId));
			expect(error.message).toMatch(/^Customer ID must be a positive whole number \(got /);
		}
		expect(sandbox.requests).toHaveLength(0);
	});

	test('no answer at all: the host, the request and what happened', async () => {
		const closed = http.createServer();
		await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const { port } = closed.address();
		await new Promise((resolve) => closed.close(resolve));
		const { error } = await run(getCustomer(5), tokenCredential(sandbox, { baseUrl: `http://127.0.0.1:${port}` }));
		expect(error.message).toBe(`Could not reach Headshed Cube at http://127.0.0.1:${port} for GET /api/v1/assignments/9/customers/5: the connection was refused`);
	});
});

describe('the https rule', () => {
	test('an https:// Base URL at a plain http server says so in words, not in OpenSSL codes', async () => {
		// by name: an IP address as the TLS server name is deprecated in Node (DEP0123)
		const baseUrl = sandbox.url.replace(/^http:\/\/127\.0\.0\.1:/, 'https://localhost:');
		expect(baseUrl).toMatch(/^https:\/\/localhost:\d+$/);
		const { error } = await run(getCustomer(5), tokenCredential(sandbox, { baseUrl }));
		expect(error.message).toBe(
			`Could not reach Headshed Cube at ${baseUrl} for GET /api/v1/assignments/9/customers/5: the server answered in plain HTTP where the Base URL asks for HTTPS`,
		);
		expect(`${error.message} ${error.description}`).not.toMatch(/ssl3_|openssl|0A00010B/i);
		// one piece of advice: the address, not the certificate
		expect(error.description).toMatch(/^Socket error (EPROTO|ERR_SSL_WRONG_VERSION_NUMBER)\. Check the Base URL in the credential: a Cube tenant is https:\/\/youraccount\.headshed\.com/);
		expect(error.description).not.toMatch(/certificate/);
	});


	test.each(['http://cube.example.com', 'http://10.0.0.8:8080', 'ftp://cube.example.com'])(
		'%s is refused with a clear message before any request',
		async (baseUrl) => {
			const { error } = await run(getCustomer(), tokenCredential(sandbox, { baseUrl }));
			expect(error.message).toMatch(/^The Base URL must start with https:\/\//);
			expect(sandbox.requests).toHaveLength(0);
		},
	);

	test('loopback may use http, and a trailing slash makes no difference', async () => {
		const url = new URL(sandbox.url);
		for (const baseUrl of [`${sandbox.url}/`, `http://localhost:${url.port}`, `${sandbox.url}///`]) {
			const { error } = await run(getCustomer(), tokenCredential(sandbox, { baseUrl }));
			expect(error).toBeUndefined();
		}
		expect(sandbox.requests.map((r) => r.path)).toEqual(new Array(3).fill(sandbox.requests[0].path));
	});

	test("the credential's own authenticate refuses any address outside the base URL", async () => {
		const { HeadshedCubeApi } = require('../dist/credentials/HeadshedCubeApi.credentials');
		const credential = new HeadshedCubeApi();
		const data = { baseUrl: 'https://acme.cube4sales.com', authentication: 'token', token: 't' };
		await expect(credential.authenticate(data, { url: 'https://evil.example.com/api/v1/assignments' })).rejects.toThrow(/outside the configured Base URL/);
		await expect(credential.authenticate(data, { url: 'http://acme.cube4sales.com/api/v1/assignments' })).rejects.toThrow(/outside/);
		const ok = await credential.authenticate(data, { url: 'https://acme.cube4sales.com/api/v1/assignments' });
		expect(ok.headers.Authorization).toBe('Token t');
		// The HTTP Request node, using this credential as a predefined type, names the address `uri`.
		const viaUri = await credential.authenticate(data, { uri: 'https://acme.cube4sales.com/api/v1/campaigns' });
		expect(viaUri.headers.Authorization).toBe('Token t');
		await expect(credential.authenticate(data, { uri: 'https://evil.example.com/' })).rejects.toThrow(/outside/);
	});
});

describe('pagination', () => {
	let evil;
	let evilRequests;
	beforeAll(async () => {
		evilRequests = [];
		evil = http.createServer((request, response) => {
			evilRequests.push(`${request.method} ${request.url} ${request.headers.authorization ?? ''}`);
			response.end('{}');
		});
		await new Promise((resolve) => evil.listen(0, '127.0.0.1', resolve));
	});
	afterAll(async () => {
		await new Promise((resolve) => evil.close(resolve));
	});

	test.each(['hostile', 'cursor'])('next links pointing to another host (%s style) are followed on the configured host only', async (style) => {
		evilRequests.length = 0;
		sandbox.configure({ nextLinkStyle: 'hostile', hostileOrigin: `http://127.0.0.1:${evil.address().port}` });
		if (style === 'cursor') sandbox.configure({ nextLinkStyle: 'cursor' });
		const { json, error } = await run(allCustomersOf(15));
		expect(error).toBeUndefined();
		expect(json).toEqual(sandbox.data.customersByAssignment.get(15));
		expect(evilRequests).toEqual([]);
		expect(sandbox.requests.every((r) => r.authorization === 'token')).toBe(true);
	});

	test('links without page numbers are followed one by one, in order', async () => {
		sandbox.configure({ nextLinkStyle: 'cursor' });
		const { json } = await run(allCustomersOf(15));
		expect(json).toEqual(sandbox.data.customersByAssignment.get(15));
		expect(served(sandbox)[1]).toMatch(/\?cursor=/);
	});

	test('the malformed links of the documents (?x=Sale/?page=2) still give every page', async () => {
		sandbox.configure({ nextLinkStyle: 'malformed' });
		const { json } = await run(allCustomersOf(15));
		expect(json).toEqual(sandbox.data.customersByAssignment.get(15));
	});

	test('a next link that leads back to a page already read ends with an error, not a loop', async () => {
		sandbox.configure({ nextLinkStyle: 'repeat' });
		const { error } = await run(allCustomersOf(15));
		expect(error.message).toMatch(/leads back to a page already read/);
		expect(sandbox.requests.length).toBeLessThanOrEqual(Math.ceil(440 / 25) + 1);
	});

	test('a cut-short page is asked for again', async () => {
		sandbox.addFault({ kind: 'malformed', times: 1, path: 'page=3' });
		const { json, error } = await run(allCustomersOf(15));
		expect(error).toBeUndefined();
		expect(json).toEqual(sandbox.data.customersByAssignment.get(15));
	});

	test('a page that stays malformed ends with an error naming the page', async () => {
		sandbox.addFault({ kind: 'badShape', times: 10, path: 'page=3' });
		const { error } = await run(allCustomersOf(15));
		expect(error.message).toBe(
			'Headshed Cube sent an unreadable answer to GET /api/v1/assignments/15/customers/ (after 4 attempts): the page has no "results" list',
		);
	});

	test('"Limit" requests no page beyond the ones it needs, at any page size', async () => {
		for (const [pageSize, limit, pages] of [[25, 1, 1], [25, 25, 1], [25, 26, 2], [500, 1200, 3], [7, 50, 8]]) {
			sandbox.reset();
			sandbox.configure({ pageSize });
			const { json } = await run({ ...allCustomersOf(9), returnAll: false, limit });
			expect(json.map((c) => c.id)).toEqual(sandbox.data.customersByAssignment.get(9).slice(0, limit).map((c) => c.id));
			// Each page once, then every page but the last once more: the verifying re-read.
			expect(new Set(served(sandbox)).size).toBe(pages);
			expect(sandbox.requests).toHaveLength(2 * pages - 1);
		}
	});

	test.each([1, 10])('with %s page(s) at once, every customer arrives once and in order', async (concurrency) => {
		sandbox.configure({ latencyMs: 1 });
		const { json } = await run({ ...allCustomersOf(21), options: { concurrency } });
		expect(json).toEqual(sandbox.data.customersByAssignment.get(21));
		const all = served(sandbox);
		const count = Math.ceil(json.length / 25);
		// The first reading: every page once. Then the verifying re-read of all but the last.
		const pages = all.slice(0, count);
		expect(new Set(pages).size).toBe(count);
		expect(all.slice(count).sort()).toEqual(pages.slice(0, -1).sort());
		if (concurrency === 1) expect(pages.slice(1)).toEqual(pages.slice(1).map((_, n) => `GET /api/v1/assignments/21/customers/?page=${n + 2}`));
	});

	test('10,000 customers arrive complete and in order when pages are fetched several at a time', async () => {
		sandbox.configure({ latencyMs: 2 });
		const { json } = await run(allCustomersOf(9));
		expect(json.map((c) => c.id)).toEqual(sandbox.data.customersByAssignment.get(9).map((c) => c.id));
		expect(new Set(served(sandbox)).size).toBe(400);
	});
});
