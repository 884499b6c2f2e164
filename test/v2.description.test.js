// Invariants of the versioned node as n8n's loader reads it: version 2 by default, version 1 kept,
// version 2's parameter names, valid defaults, every parameter scoped; its searchable lists.
const { NodeHelpers } = require('n8n-workflow');
const { parametersOf: parametersOfNode } = require('./support/description');
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
const LIST = ['returnAll', 'limit', 'options'];
/** Each operation's parameter names: saved workflows refer to them, so none may change. */
const PARAMETERS = {
	campaign: { getAll: ['includeArchived'] },
	dataOwner: { getAll: [] },
	customer: { getAll: [...CRM, ...LIST], get: [...CRM, 'customerId', 'options'] },
	customField: { getAll: CRM },
	callOutcome: { getAll: [...SCOPED, 'fromDate', 'toDate', ...LIST] },
	customerStatus: { getAll: [...SCOPED, 'callState', ...LIST] },
	productRegistration: { getAll: [...SCOPED, 'fromDate', 'toDate', ...LIST] },
};

const parametersOf = (resource, operation) => parametersOfNode(node, resource, operation);

test('one node type with versions 1 and 2; new nodes get version 2', () => {
	expect(versioned.description).toEqual(expect.objectContaining({ name: 'headshedCube', displayName: 'Headshed Cube', defaultVersion: 2 }));
	expect(Object.keys(versioned.nodeVersions).map(Number).sort()).toEqual([1, 2]);
	expect(NodeHelpers.getVersionedNodeType(versioned).description.version).toBe(2);
	expect(NodeHelpers.getVersionedNodeType(versioned, 1).description.version).toBe(1);
	expect(node.description).toEqual(expect.objectContaining({ name: 'headshedCube', version: 2, usableAsTool: true }));
	expect(node.description.credentials).toEqual([{ name: 'headshedCubeApi', required: true }]);
});

test('every resource and operation of generation 2 is offered and implemented, nothing else', () => {
	const resourceOption = node.description.properties.find((p) => p.name === 'resource');
	expect(resourceOption.options.map((o) => o.value).sort()).toEqual(Object.keys(PARAMETERS).sort());
	for (const [resource, operations] of Object.entries(PARAMETERS)) {
		const selectors = node.description.properties.filter((p) => p.name === 'operation' && p.displayOptions.show.resource.includes(resource));
		expect(selectors).toHaveLength(1);
		expect(selectors[0].options.map((o) => o.value).sort()).toEqual(Object.keys(operations).sort());
		for (const operation of Object.keys(operations)) expect(typeof resources[resource].operations[operation].execute).toBe('function');
	}
});

test.each(Object.entries(PARAMETERS).flatMap(([r, ops]) => Object.entries(ops).map(([o, names]) => [r, o, names])))(
	'%s %s has exactly its parameters',
	(resource, operation, names) => {
		expect([...new Set(parametersOf(resource, operation).map((p) => p.name))].sort()).toEqual([...names].sort());
	},
);

test('options hold customFieldLabels, on by default, wherever records carry custom fields', () => {
	for (const [resource, operation] of [['customer', 'getAll'], ['customer', 'get'], ['callOutcome', 'getAll'], ['customerStatus', 'getAll'], ['productRegistration', 'getAll']]) {
		const options = parametersOf(resource, operation).find((p) => p.name === 'options');
		expect(options.options.find((o) => o.name === 'customFieldLabels')).toEqual(expect.objectContaining({ type: 'boolean', default: true }));
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

test('defaults are valid, locators are backed by real methods, nothing is unscoped', () => {
	const check = (property) => {
		if (property.type === 'options') expect(property.options.map((o) => o.value)).toContain(property.default);
		if (property.type === 'boolean') expect(typeof property.default).toBe('boolean');
		if (property.type === 'number') expect(typeof property.default).toBe('number');
		if (property.type === 'collection') (property.options ?? []).forEach(check);
	};
	for (const property of node.description.properties) {
		check(property);
		if (property.name !== 'resource') expect(property.displayOptions?.show?.resource?.length).toBeGreaterThan(0);
		if (property.type === 'resourceLocator') {
			expect(property.modes.map((m) => m.name)).toEqual(['list', 'id']);
			expect(typeof node.methods.listSearch[property.modes[0].typeOptions.searchListMethod]).toBe('function');
		}
	}
});

describe('searchable lists, against a generation-2 sandbox', () => {
	const sandbox = useSandbox({ generation: 2 });

	async function cube() {
		return await nodeInWorkflow({
			node: cubeNode({ resource: 'callOutcome', operation: 'getAll' }, { typeVersion: 2 }),
			credentials: { 'cube-sandbox': tokenCredential(sandbox) },
		});
	}

	test('data owners: from the campaign list, with their CRM types, searchable', async () => {
		const cubeNodeInWorkflow = await cube();
		const { results } = await cubeNodeInWorkflow.method('listSearch', 'searchDataOwners');
		expect(results).toEqual([
			{ name: 'Havbris Forsikring (B2B, B2C)', value: '31' },
			{ name: 'Nordlys Energi AS (B2B, B2C)', value: '12' },
			{ name: 'Tindetopp Telekom (B2B)', value: '47' },
		]);
		expect((await cubeNodeInWorkflow.method('listSearch', 'searchDataOwners', 'nordlys')).results.map((r) => r.value)).toEqual(['12']);
	});

	test('campaigns: archived ones too, marked, named with data owner and CRM type', async () => {
		const cubeNodeInWorkflow = await cube();
		const { results } = await cubeNodeInWorkflow.method('listSearch', 'searchCampaigns');
		expect(results).toHaveLength(sandbox.data.campaigns.length);
		expect(results).toContainEqual({ name: 'Strøm sommer 2025 (Nordlys Energi AS, B2C) [archived]', value: '207' });
		expect((await cubeNodeInWorkflow.method('listSearch', 'searchCampaigns', 'BEDRIFT')).results.map((r) => r.value).sort()).toEqual(['203', '205', '206']);
	});
});
