// A node version meeting a tenant of the other API generation says so in words, in its lists and
// in a run, instead of "No results" or a 404 about some ID; a 404 of the right generation stays one.
const { cubeNode, idLocator, runCube } = require('./support/cubeWorkflow');
const { nodeInWorkflow } = require('./support/engine');
const { served, tokenCredential, useSandbox } = require('./support/sandbox');

const sandboxes = { 1: useSandbox(), 2: useSandbox({ generation: 2 }) };

const GEN1_TENANT = /The credential's Cube tenant speaks generation 1 of Cube's API .*, but this is a version-2\.1 Headshed Cube node, which speaks generation 2/;
const GEN2_TENANT = /The credential's Cube tenant speaks generation 2 of Cube's API .*, but this is a version-1 Headshed Cube node, which speaks generation 1/;

async function listOf(tenant, typeVersion, method) {
	const node = await nodeInWorkflow({
		node: cubeNode({ resource: 'customer', operation: 'getAll' }, { typeVersion }),
		credentials: { 'cube-sandbox': tokenCredential(sandboxes[tenant]) },
	});
	return await node.method('listSearch', method);
}

describe('a version-2 node with a generation-1 credential', () => {
	test.each(['searchDataOwners', 'searchCampaigns'])('its %s list fails in words, not with "No results"', async (method) => {
		const failure = listOf(1, 2.1, method);
		await expect(failure).rejects.toThrow(GEN1_TENANT);
		await expect(failure).rejects.toMatchObject({ description: expect.stringMatching(/version-1 Headshed Cube node .* or choose a credential of a generation-2 tenant/) });
	});

	test('a run fails in words, after the 404 it met', async () => {
		const { error } = await runCube(
			{ resource: 'callOutcome', operation: 'getAll', scope: 'campaign', campaignId: idLocator(101) },
			{ credential: tokenCredential(sandboxes[1]), typeVersion: 2.1 },
		);
		expect(error.message).toMatch(GEN1_TENANT);
		expect(error.description).toMatch(/Use a version-1 Headshed Cube node with this credential/);
		expect(error.message).not.toMatch(/assignment, campaign or customer|404/);
	});

	test('on Continue On Fail, every item says so, and the campaign list is read once for all of them', async () => {
		const { json } = await runCube(
			{ resource: 'callOutcome', operation: 'getAll', scope: 'campaign', campaignId: idLocator(101) },
			{ credential: tokenCredential(sandboxes[1]), typeVersion: 2.1, items: [{ json: {} }, { json: {} }, { json: {} }], continueOnFail: true },
		);
		expect(json).toHaveLength(3);
		for (const item of json) expect(item.error).toMatch(GEN1_TENANT);
		expect(served(sandboxes[1]).filter((line) => line === 'GET /api/v1/campaigns')).toHaveLength(1);
	});
});

describe('a version-1 node with a generation-2 credential', () => {
	test.each(['searchAssignments', 'searchCampaigns'])('its %s list fails in words', async (method) => {
		const failure = listOf(2, 1, method);
		await expect(failure).rejects.toThrow(GEN2_TENANT);
		await expect(failure).rejects.toMatchObject({ description: expect.stringMatching(/Place a new Headshed Cube node from the node panel/) });
	});

	test('a run of Customer → Get Many fails in words', async () => {
		const { error } = await runCube(
			{ resource: 'customer', operation: 'getAll', assignmentId: idLocator(9) },
			{ credential: tokenCredential(sandboxes[2]), typeVersion: 1 },
		);
		expect(error.message).toMatch(GEN2_TENANT);
	});
});

// Campaign → Get Many of saved workflows has always returned whatever campaigns the tenant lists
test.each([
	['version 2', 'generation-1', { typeVersion: 2, tenant: 1, parameters: { includeArchived: true }, key: 'assignment_id' }],
	['version 1', 'generation-2', { typeVersion: 1, tenant: 2, parameters: {}, key: 'data_owner__id' }],
])('%s on a %s tenant: Campaign → Get Many still returns the campaigns', async (_, __, { typeVersion, tenant, parameters, key }) => {
	const { error, json } = await runCube({ resource: 'campaign', operation: 'getAll', ...parameters }, { credential: tokenCredential(sandboxes[tenant]), typeVersion });
	expect(error).toBeUndefined();
	expect(json.length).toBeGreaterThan(0);
	expect(json[0]).toHaveProperty(key);
});

test('a 404 from a tenant of the right generation stays the 404 it is', async () => {
	const { error } = await runCube(
		{ resource: 'callOutcome', operation: 'getAll', scope: 'campaign', campaignId: idLocator(999) },
		{ credential: tokenCredential(sandboxes[2]), typeVersion: 2.1 },
	);
	expect(error.message).toMatch(/404 Not Found to GET \/api\/v1\/campaigns\/999\/call_outcomes/);
	expect(error.message).not.toMatch(/generation/);
});
