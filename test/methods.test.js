// The dropdowns: searchable assignment and campaign lists, custom field names, the trigger's
// campaigns, each called through n8n's own LoadOptionsContext against the sandbox.
const { nodeInWorkflow } = require('./support/engine');
const { CUBE_NODE_TYPE, cubeNode, idLocator } = require('./support/cubeWorkflow');
const { SANDBOX_TOKEN, tokenCredential, useSandbox } = require('./support/sandbox');

const sandbox = useSandbox();

async function cube(parameters = {}) {
	return await nodeInWorkflow({
		node: cubeNode(parameters),
		credentials: { 'cube-sandbox': tokenCredential(sandbox) },
	});
}

test('assignments: every one, named with its client and id, searchable by name or id', async () => {
	const node = await cube();
	const all = await node.method('listSearch', 'searchAssignments');
	expect(all.results).toHaveLength(sandbox.data.assignments.length);
	const nine = sandbox.data.assignments.find((a) => a.assignment_id === 9);
	expect(all.results).toContainEqual({ name: `${nine.assignment_name} (${nine.client_name}) · ID 9`, value: '9' });
	const filtered = await node.method('listSearch', 'searchAssignments', nine.assignment_name.slice(0, 6).toUpperCase());
	expect(filtered.results.map((r) => r.value)).toContain('9');
	expect((await node.method('listSearch', 'searchAssignments', '33')).results.map((r) => r.value)).toEqual(['33']);
});

test('campaigns: inactive ones too, since their responses are still read; each shows its id', async () => {
	const node = await cube();
	const { results } = await node.method('listSearch', 'searchCampaigns');
	expect(results.map((r) => Number(r.value)).sort((a, b) => a - b)).toEqual(sandbox.data.campaigns.map((c) => c.campaign_id).sort((a, b) => a - b));
	for (const { name, value } of results) expect(name).toMatch(new RegExp(` · ID ${value}$`));
});

test("custom field names come from the chosen assignment's cards, spaces and letters kept", async () => {
	const node = await cube({ resource: 'customer', operation: 'update', assignmentId: idLocator(9) });
	const names = await node.method('loadOptions', 'getCustomFieldNames');
	expect(names.map((n) => n.value).sort()).toEqual(['Antall år', 'Oppstartsdato', 'gen info 1'].sort());
	expect(sandbox.requests).toHaveLength(1);
});

test('custom field names: nothing to offer before an assignment is chosen', async () => {
	const node = await cube({ resource: 'customer', operation: 'update', assignmentId: { __rl: true, mode: 'list', value: '' } });
	expect(await node.method('loadOptions', 'getCustomFieldNames')).toEqual([]);
	expect(sandbox.requests).toHaveLength(0);
});

test("the trigger's campaign list: the active campaigns by name", async () => {
	const trigger = await nodeInWorkflow({
		node: { ...cubeNode({}), type: CUBE_NODE_TYPE.replace('headshedCube', 'headshedCubeTrigger') },
		credentials: { 'cube-sandbox': tokenCredential(sandbox) },
	});
	const options = await trigger.method('loadOptions', 'getActiveCampaigns');
	// what the sandbox itself calls active: its campaign list without inactive_campaigns
	const answer = await fetch(`${sandbox.url}/api/v1/campaigns`, { headers: { Authorization: `Token ${SANDBOX_TOKEN}` } });
	const active = await answer.json();
	expect(active.length).toBeGreaterThan(0);
	expect(active.length).toBeLessThan(sandbox.data.campaigns.length);
	const expected = active
		.map((campaign) => ({ name: campaign.campaign_name, value: campaign.campaign_id }))
		.sort((a, b) => a.name.localeCompare(b.name));
	expect(options).toEqual(expected);
});

test('a dropdown whose request fails shows the reason', async () => {
	const node = await nodeInWorkflow({
		node: cubeNode({}),
		credentials: { 'cube-sandbox': tokenCredential(sandbox, { token: 'nope' }) },
	});
	await expect(node.method('listSearch', 'searchCampaigns')).rejects.toThrow(/401 Unauthorized to GET \/api\/v1\/campaigns/);
});
