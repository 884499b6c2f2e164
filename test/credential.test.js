// The credential decides where its secrets may go, for this package's nodes and for any other
// caller of n8n's request helpers (the HTTP Request node, a Code node), redirects included.
const { cubeNode } = require('./support/cubeWorkflow');
const { nodeInWorkflow } = require('./support/engine');
const { hostileServer, sendJson } = require('./support/hostile');

const TOKEN = 'credential-test-token-77c1';

let cube;
let elsewhere;
beforeEach(async () => {
	elsewhere = await hostileServer((request, response) => sendJson(response, 200, { stolen: true })).start();
	cube = await hostileServer((request, response) => {
		if (request.url.startsWith('/api/v1/moved')) {
			response.writeHead(302, { Location: `${elsewhere.url}/collect` });
			return response.end();
		}
		sendJson(response, 200, []);
	}).start();
});
afterEach(async () => {
	await cube.close();
	await elsewhere.close();
});

/** n8n's httpRequestWithAuthentication with this credential, as another node would call it. */
async function requestAsAnyNode(options) {
	const workflow = await nodeInWorkflow({
		node: cubeNode({ resource: 'assignment', operation: 'getAll' }),
		credentials: { 'cube-sandbox': { baseUrl: cube.url, authentication: 'token', token: TOKEN } },
	});
	const context = workflow.context();
	return await context.helpers.httpRequestWithAuthentication.call(context, 'headshedCubeApi', { json: true, ...options });
}

test('an absolute url next to a base URL is checked as axios will request it: the absolute one', async () => {
	await expect(requestAsAnyNode({ baseURL: cube.url, url: `${elsewhere.url}/api/v1/assignments` })).rejects.toThrow(/outside the configured Base URL/);
	await expect(requestAsAnyNode({ baseURL: cube.url, url: `//127.0.0.1:${new URL(elsewhere.url).port}/api/v1/x` })).rejects.toThrow(/outside/);
	expect(elsewhere.requests).toEqual([]);
	await requestAsAnyNode({ baseURL: cube.url, url: '/api/v1/assignments' });
	expect(cube.requests.map((r) => r.authorization)).toEqual([`Token ${TOKEN}`]);
});

test("with n8n's default redirect handling, a redirect to another origin does not take the token along", async () => {
	await requestAsAnyNode({ url: `${cube.url}/api/v1/moved` }).catch(() => undefined);
	expect(cube.requests.map((r) => r.authorization)).toEqual([`Token ${TOKEN}`]);
	// The redirect was followed (n8n's default), but without the header.
	expect(elsewhere.requests.map((r) => r.authorization)).toEqual([undefined]);
});

test('the credential keeps redirects on the tenant host for every caller', async () => {
	const { HeadshedCubeApi } = require('../dist/credentials/HeadshedCubeApi.credentials');
	const options = await new HeadshedCubeApi().authenticate(
		{ baseUrl: 'https://acme.cube4sales.com', authentication: 'token', token: 't' },
		{ url: 'https://acme.cube4sales.com/api/v1/assignments' },
	);
	expect(options).toMatchObject({ sendCredentialsOnCrossOriginRedirect: false, allowedDomains: 'acme.cube4sales.com' });
});
