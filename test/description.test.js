// Invariants over what n8n's loader reads from the package: the contract's names, every
// operation reachable and implemented, defaults that are valid, no parameter left unscoped.
const { NodeHelpers } = require('n8n-workflow');
const { parametersOf: parametersOfNode } = require('./support/description');
const { loadPackage } = require('./support/engine');
const { resources } = require('../dist/nodes/HeadshedCube/actions/resources');

let loader;
let node;
let credential;
beforeAll(async () => {
	loader = await loadPackage();
	// Version 1, as saved workflows use it; version 2 has test/v2.description.test.js.
	node = NodeHelpers.getVersionedNodeType(loader.nodeTypes.headshedCube.type, 1);
	credential = loader.credentialTypes.headshedCubeApi.type;
});

const CONTRACT = {
	client: { getAll: [] },
	assignment: { getAll: [] },
	campaign: { getAll: ['includeInactive'] },
	customer: {
		// `options` (Pages at Once) is an addition to the contract's table.
		getAll: ['assignmentId', 'returnAll', 'limit', 'options'],
		get: ['assignmentId', 'customerId'],
		create: ['assignmentId', 'customerId', 'fields', 'customFields'],
		update: ['assignmentId', 'customerId', 'fields', 'customFields'],
		upsert: ['assignmentId', 'customerId', 'fields', 'customFields'],
	},
	response: { getAll: ['campaignId', 'fromDate', 'toDate', 'returnAll', 'limit', 'options'] },
};

const STANDARD_FIELDS = [
	'name', 'gender', 'birth_date', 'need_to_know', 'care_of_name', 'zone_name', 'address_street',
	'address_street_no', 'address_entrance', 'zip_code', 'city', 'municipality', 'county', 'country',
	'phone_1', 'phone_2', 'phone_3', 'email', 'company',
];

const parametersOf = (resource, operation) => parametersOfNode(node, resource, operation);

test('node and credential carry the contract names', () => {
	expect(node.description).toEqual(
		expect.objectContaining({ name: 'headshedCube', displayName: 'Headshed Cube', version: 1, usableAsTool: true }),
	);
	expect(node.description.credentials).toEqual([{ name: 'headshedCubeApi', required: true }]);
	expect(credential.name).toBe('headshedCubeApi');
	expect(credential.displayName).toBe('Headshed Cube API');
	expect(credential.properties.map((p) => p.name)).toEqual(['baseUrl', 'authentication', 'token', 'username', 'password']);
	const authentication = credential.properties.find((p) => p.name === 'authentication');
	expect(authentication.default).toBe('token');
	expect(authentication.options.map((o) => o.value).sort()).toEqual(['basic', 'token']);
	for (const secret of ['token', 'password']) {
		expect(credential.properties.find((p) => p.name === secret).typeOptions).toEqual({ password: true });
	}
	expect(credential.test.request.url).toBeDefined();
});

test('every resource and operation of the contract is offered, and nothing else', () => {
	const resourceOption = node.description.properties.find((p) => p.name === 'resource');
	expect(resourceOption.options.map((o) => o.value).sort()).toEqual(Object.keys(CONTRACT).sort());
	for (const [resource, operations] of Object.entries(CONTRACT)) {
		const selectors = node.description.properties.filter((p) => p.name === 'operation' && p.displayOptions.show.resource.includes(resource));
		expect(selectors).toHaveLength(1);
		expect(selectors[0].options.map((o) => o.value).sort()).toEqual(Object.keys(operations).sort());
		expect(Object.keys(operations)).toContain(selectors[0].default);
	}
});

test('every offered operation is implemented', () => {
	for (const [resource, operations] of Object.entries(CONTRACT)) {
		for (const operation of Object.keys(operations)) {
			expect(typeof resources[resource].operations[operation].execute).toBe('function');
		}
	}
});

test.each(Object.entries(CONTRACT).flatMap(([r, ops]) => Object.entries(ops).map(([o, names]) => [r, o, names])))(
	'%s %s has exactly the contract parameters',
	(resource, operation, names) => {
		expect(parametersOf(resource, operation).map((p) => p.name).sort()).toEqual([...names].sort());
	},
);

test('the standard customer fields are the API names, and custom fields are name/value pairs', () => {
	for (const operation of ['create', 'update', 'upsert']) {
		const [fields] = parametersOf('customer', operation).filter((p) => p.name === 'fields');
		expect(fields.options.map((o) => o.name).sort()).toEqual([...STANDARD_FIELDS].sort());
		const [custom] = parametersOf('customer', operation).filter((p) => p.name === 'customFields');
		expect(custom.options[0].name).toBe('field');
		expect(custom.options[0].values.map((v) => v.name)).toEqual(['name', 'value']);
	}
	const options = parametersOf('response', 'getAll').find((p) => p.name === 'options');
	expect(options.options.map((o) => o.name)).toEqual(['includeCustomer', 'concurrency']);
});

test('locators offer a searchable list and an id, backed by real methods', () => {
	const locators = node.description.properties.filter((p) => p.type === 'resourceLocator');
	expect(new Set(locators.map((p) => p.name))).toEqual(new Set(['assignmentId', 'campaignId']));
	for (const locator of locators) {
		expect(locator.modes.map((m) => m.name)).toEqual(['list', 'id']);
		const method = locator.modes[0].typeOptions.searchListMethod;
		expect(typeof node.methods.listSearch[method]).toBe('function');
	}
});

test('defaults are valid: options defaults are among the options, numbers and booleans typed', () => {
	const check = (property) => {
		if (property.type === 'options' && property.typeOptions?.loadOptionsMethod) expect(property.default).toBe('');
		else if (property.type === 'options') expect(property.options.map((o) => o.value)).toContain(property.default);
		if (property.type === 'boolean') expect(typeof property.default).toBe('boolean');
		if (property.type === 'number') expect(typeof property.default).toBe('number');
		if (property.type === 'collection') (property.options ?? []).forEach(check);
		if (property.type === 'fixedCollection') property.options.forEach((o) => o.values.forEach(check));
		if (property.typeOptions?.loadOptionsMethod) expect(typeof node.methods.loadOptions[property.typeOptions.loadOptionsMethod]).toBe('function');
	};
	node.description.properties.forEach(check);
	credential.properties.forEach(check);
	const limit = node.description.properties.find((p) => p.name === 'limit');
	expect(limit.default).toBe(50);
	expect(node.description.properties.find((p) => p.name === 'returnAll').default).toBe(false);
});

test('no parameter is left unscoped: all but the resource show for a resource', () => {
	for (const property of node.description.properties) {
		if (property.name === 'resource') continue;
		expect(property.displayOptions?.show?.resource?.length).toBeGreaterThan(0);
	}
});
