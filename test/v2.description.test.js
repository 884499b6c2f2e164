// Invariants of the versioned node as n8n's loader reads it: version 2 by default, version 1 kept,
// version 2's parameter names, valid defaults, every parameter scoped; its searchable lists.
const { NodeHelpers } = require('n8n-workflow');
const { describePublicNames, parametersOf: parametersOfNode } = require('./support/description');
const { loadPackage, nodeInWorkflow } = require('./support/engine');
const { cubeNode } = require('./support/cubeWorkflow');
const { tokenCredential, useSandbox } = require('./support/sandbox');
const { resources } = require('../dist/nodes/HeadshedCube/v2/actions/resources');

let versioned;
let node;
beforeAll(async () => {
	const loader = await loadPackage();
	versioned = loader.nodeTypes.headshedCube.type;
	node = NodeHelpers.getVersionedNodeType(versioned, 2);
});

const CRM = ['dataOwnerId', 'crmType'];
const SCOPED = ['scope', 'campaignId', ...CRM];
// `output` and `fields` (Output: Simplified, Raw, Selected Fields) are additions for AI agents.
const OUTPUT = ['output', 'fields'];
const LIST = ['returnAll', 'limit', 'options', ...OUTPUT];
// Every resource, its operations and each operation's parameters, by their public names.
const PUBLIC_PARAMETERS = {
	campaign: { getAll: ['includeArchived', ...OUTPUT] },
	dataOwner: { getAll: OUTPUT },
	customer: {
		getAll: [...CRM, ...LIST],
		get: [...CRM, 'customerId', 'options', ...OUTPUT],
		search: [...CRM, 'searchBy', 'searchValue', ...LIST],
	},
	customField: { getAll: [...CRM, ...OUTPUT] },
	callOutcome: { getAll: [...SCOPED, 'fromDate', 'toDate', ...LIST] },
	customerStatus: { getAll: [...SCOPED, 'callState', ...LIST] },
	productRegistration: { getAll: [...SCOPED, 'fromDate', 'toDate', ...LIST] },
};

const parametersOf = (resource, operation) => parametersOfNode(node, resource, operation);

test('one node type with versions 1, 2 and 2.1; new nodes get 2.1, which is version 2 with agent defaults', () => {
	expect(versioned.description).toEqual(expect.objectContaining({ name: 'headshedCube', displayName: 'Headshed Cube', defaultVersion: 2.1 }));
	expect(Object.keys(versioned.nodeVersions).map(Number).sort()).toEqual([1, 2, 2.1]);
	expect(NodeHelpers.getVersionedNodeType(versioned).description.version).toEqual([2, 2.1]);
	expect(NodeHelpers.getVersionedNodeType(versioned, 2.1)).toBe(node);
	expect(NodeHelpers.getVersionedNodeType(versioned, 1).description.version).toBe(1);
	expect(node.description).toEqual(expect.objectContaining({ name: 'headshedCube', version: [2, 2.1], usableAsTool: true }));
	expect(node.description.credentials).toEqual([{ name: 'headshedCubeApi', required: true }]);
});

describePublicNames(() => node, PUBLIC_PARAMETERS, resources);

test('options hold customFieldLabels, on by default and shown in the editor, wherever records carry custom fields', () => {
	for (const [resource, operation] of [['customer', 'getAll'], ['customer', 'get'], ['customer', 'search'], ['callOutcome', 'getAll'], ['customerStatus', 'getAll'], ['productRegistration', 'getAll']]) {
		const options = parametersOf(resource, operation).find((p) => p.name === 'options');
		expect(options.options.find((o) => o.name === 'customFieldLabels')).toEqual(expect.objectContaining({ type: 'boolean', default: true }));
		// n8n lists a collection's options only once they are in its value: an option left out reads "No properties"
		expect(options.default).toEqual({ customFieldLabels: true });
	}
});

test('scope: campaign by default, "all" only for call outcomes; each id shows for its scope', () => {
	const scopes = (resource) => parametersOf(resource, 'getAll').find((p) => p.name === 'scope');
	expect(scopes('callOutcome').options.map((o) => o.value)).toEqual(['campaign', 'crm', 'all']);
	for (const resource of ['customerStatus', 'productRegistration']) expect(scopes(resource).options.map((o) => o.value)).toEqual(['campaign', 'crm']);
	for (const resource of ['callOutcome', 'customerStatus', 'productRegistration']) {
		expect(scopes(resource).default).toBe('campaign');
		const shownIn = (name) => parametersOf(resource, 'getAll').filter((p) => p.name === name).map((p) => p.displayOptions.show.scope);
		expect(shownIn('campaignId')).toEqual([['campaign']]);
		expect(shownIn('dataOwnerId')).toEqual([['crm']]);
		expect(shownIn('crmType')).toEqual([['crm']]);
	}
});

test('crmType offers B2C (default) and B2B; customerId is a string; callState a string', () => {
	const crmType = parametersOf('customer', 'getAll').find((p) => p.name === 'crmType');
	expect(crmType.options.map((o) => o.value).sort()).toEqual(['B2B', 'B2C']);
	expect(crmType.default).toBe('B2C');
	expect(parametersOf('customer', 'get').find((p) => p.name === 'customerId')).toEqual(expect.objectContaining({ type: 'string', default: '' }));
	expect(parametersOf('customerStatus', 'getAll').find((p) => p.name === 'callState')).toEqual(expect.objectContaining({ type: 'string', default: '' }));
	expect(parametersOf('campaign', 'getAll')[0]).toEqual(expect.objectContaining({ name: 'includeArchived', type: 'boolean', default: false }));
});

describe('searchable lists, against a generation-2 sandbox', () => {
	const sandbox = useSandbox({ generation: 2 });

	async function cube() {
		return await nodeInWorkflow({
			node: cubeNode({ resource: 'callOutcome', operation: 'getAll' }, { typeVersion: 2 }),
			credentials: { 'cube-sandbox': tokenCredential(sandbox) },
		});
	}

	test('data owners: from the campaign list, with their CRM types and IDs, searchable', async () => {
		const cubeNodeInWorkflow = await cube();
		const { results } = await cubeNodeInWorkflow.method('listSearch', 'searchDataOwners');
		expect(results).toEqual([
			{ name: 'Havbris Forsikring (B2B, B2C) · ID 31', value: '31' },
			{ name: 'Nordlys Energi AS (B2B, B2C) · ID 12', value: '12' },
			{ name: 'Tindetopp Telekom (B2B) · ID 47', value: '47' },
		]);
		expect((await cubeNodeInWorkflow.method('listSearch', 'searchDataOwners', 'nordlys')).results.map((r) => r.value)).toEqual(['12']);
	});

	test('campaigns: archived ones too, marked, named with data owner, CRM type and ID', async () => {
		const cubeNodeInWorkflow = await cube();
		const { results } = await cubeNodeInWorkflow.method('listSearch', 'searchCampaigns');
		expect(results).toHaveLength(sandbox.data.campaigns.length);
		expect(results).toContainEqual({ name: 'Strøm sommer 2025 [archived] (Nordlys Energi AS, B2C) · ID 207', value: '207' });
		expect((await cubeNodeInWorkflow.method('listSearch', 'searchCampaigns', 'BEDRIFT')).results.map((r) => r.value).sort()).toEqual(['203', '205', '206']);
	});
});
