// The credential's Test button, as n8n runs it: the credential's test request, authenticated by
// the credential itself, against a generation-1 and a generation-2 sandbox.
const { Workflow } = require('n8n-workflow');
const { loadPackage } = require('./support/engine');
const { cubeNode } = require('./support/cubeWorkflow');
const { tokenCredential, basicCredential, useSandbox } = require('./support/sandbox');

const generations = { 1: useSandbox(), 2: useSandbox({ generation: 2 }) };

let credentialType;
beforeAll(async () => {
	credentialType = (await loadPackage()).credentialTypes.headshedCubeApi.type;
});

/** The test request with its expressions resolved against the credential data, then authenticated. */
async function testRequest(data) {
	const node = cubeNode({});
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: { getByNameAndVersion: () => undefined } });
	const resolve = (value) =>
		workflow.expression.getParameterValue(value, null, 0, 0, node.name, [], 'internal', { $credentials: data });
	const { baseURL, url, headers } = credentialType.test.request;
	const options = await credentialType.authenticate(data, { baseURL: resolve(baseURL), url: resolve(url), headers });
	const response = await fetch(`${options.baseURL}${options.url}`, { headers: options.headers });
	return response.status;
}

describe.each(Object.entries(generations))('generation %s', (_generation, sandbox) => {
	test('the test request succeeds with a valid token or login', async () => {
		expect(await testRequest(tokenCredential(sandbox))).toBe(200);
		expect(await testRequest(basicCredential(sandbox, { baseUrl: `${sandbox.url}/` }))).toBe(200);
		expect(sandbox.requests.map((request) => request.path)).toEqual(['/api/v1/campaigns', '/api/v1/campaigns']);
	});

	test('a wrong token or password reads as a failed login (401)', async () => {
		expect(await testRequest(tokenCredential(sandbox, { token: 'wrong' }))).toBe(401);
		expect(await testRequest(basicCredential(sandbox, { password: 'wrong' }))).toBe(401);
	});
});
