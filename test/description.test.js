// Invariants over what n8n's loader reads from the package: the public names (saved workflows
// refer to them, so a change of name or meaning needs a new node version), every
// operation reachable and implemented, defaults that are valid, no parameter left unscoped.
const { NodeHelpers } = require('n8n-workflow');
const { describePublicNames, expectValidDefault, parametersOf: parametersOfNode } = require('./support/description');
const { loadPackage } = require('./support/engine');
const { testCredential } = require('./support/credentialTest');
const { basicCredential, tokenCredential, useSandbox } = require('./support/sandbox');
const { resources } = require('../dist/nodes/HeadshedCube/v1/actions/resources');

let loader;
let node;
let credential;
beforeAll(async () => {
	loader = await loadPackage();
	// Version 1, as saved workflows use it; version 2 has test/v2.description.test.js.
	node = NodeHelpers.getVersionedNodeType(loader.nodeTypes.headshedCube.type, 1);
	credential = loader.credentialTypes.headshedCubeApi.type;
});

// Every resource, its operations and each operation's parameters, by their public names.
// `output` and `fields` (Output: Simplified, Raw, Selected Fields) are additions for AI agents.
const OUTPUT = ['output', 'fields'];
const PUBLIC_PARAMETERS = {
	client: { getAll: OUTPUT },
	assignment: { getAll: OUTPUT },
	campaign: { getAll: ['includeInactive', ...OUTPUT] },
	customer: {
		// `options` holds Pages at Once
		getAll: ['assignmentId', 'returnAll', 'limit', 'options', ...OUTPUT],
		get: ['assignmentId', 'customerId', ...OUTPUT],
		// `options` (Requests at Once) of the writes is an addition too.
		create: ['assignmentId', 'customerId', 'fields', 'customFields', 'options'],
		update: ['assignmentId', 'customerId', 'fields', 'customFields', 'options'],
		upsert: ['assignmentId', 'customerId', 'fields', 'customFields', 'options'],
	},
	response: { getAll: ['campaignId', 'fromDate', 'toDate', 'returnAll', 'limit', 'options', ...OUTPUT] },
};

const STANDARD_FIELDS = [
	'name', 'gender', 'birth_date', 'need_to_know', 'care_of_name', 'zone_name', 'address_street',
	'address_street_no', 'address_entrance', 'zip_code', 'city', 'municipality', 'county', 'country',
	'phone_1', 'phone_2', 'phone_3', 'email', 'company',
];

const parametersOf = (resource, operation) => parametersOfNode(node, resource, operation);

test('node and credential carry their public names', () => {
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
});

const sandboxes = { 1: useSandbox(), 2: useSandbox({ generation: 2 }) };

describe.each(Object.entries(sandboxes))("the credential's connection test, run as n8n runs it, against a generation-%s sandbox", (_generation, sandbox) => {
	test('passes with the sandbox token and with basic auth; fails with a wrong token, naming the 401', async () => {
		expect((await testCredential('headshedCubeApi', tokenCredential(sandbox))).error).toBeUndefined();
		expect((await testCredential('headshedCubeApi', basicCredential(sandbox))).error).toBeUndefined();
		const { error } = await testCredential('headshedCubeApi', tokenCredential(sandbox, { token: 'wrong-token' }));
		expect(error).toBeDefined();
		expect(`${error.message} ${error.description ?? ''}`).toMatch(/401/);
		expect(`${error.message} ${error.description ?? ''}`).not.toContain('wrong-token');
		// the answers were the sandbox's, all for one Cube path (n8n asks again once after a 401)
		const statuses = sandbox.requests.map((request) => request.status);
		expect(statuses.slice(0, 2)).toEqual([200, 200]);
		expect(statuses.slice(2)).toContain(401);
		expect(new Set(statuses.slice(2))).toEqual(new Set([401]));
		const paths = new Set(sandbox.requests.map((request) => request.path));
		expect(paths.size).toBe(1);
	});

	test('passes with a Base URL pasted with its /api/v1/, which is not sent twice', async () => {
		expect((await testCredential('headshedCubeApi', tokenCredential(sandbox, { baseUrl: `${sandbox.url}/api/v1/` }))).error).toBeUndefined();
		expect(sandbox.requests.map((request) => request.path)).toEqual(['/api/v1/campaigns']);
	});
});

describePublicNames(() => node, PUBLIC_PARAMETERS, resources);

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

test('the locators are the assignment and the campaign', () => {
	const locators = node.description.properties.filter((p) => p.type === 'resourceLocator');
	expect(new Set(locators.map((p) => p.name))).toEqual(new Set(['assignmentId', 'campaignId']));
});

test("the credential's Base URL placeholder is today's tenant address", () => {
	expect(credential.properties.find((p) => p.name === 'baseUrl').placeholder).toBe('https://youraccount.headshed.com');
});

test('the credential\'s defaults are valid; a list shows 50 items unless Return All is on', () => {
	credential.properties.forEach((property) => expectValidDefault(node, property));
	expect(node.description.properties.find((p) => p.name === 'limit').default).toBe(50);
	expect(node.description.properties.find((p) => p.name === 'returnAll').default).toBe(false);
});

describe('as the editor shows the node', () => {
	const { Workflow } = require('n8n-workflow');
	const { PackageNodeTypes } = require('./support/engine');
	const { cubeNode } = require('./support/cubeWorkflow');

	/** The canvas subtitle, evaluated as the editor does (its own expression, 'internal' mode). */
	function subtitleOf(parameters) {
		const cube = cubeNode(parameters);
		const workflow = new Workflow({ nodes: [cube], connections: {}, active: false, nodeTypes: new PackageNodeTypes(loader) });
		return workflow.expression.getSimpleParameterValue(cube, node.description.subtitle, 'internal', {});
	}

	test('the canvas subtitle names the picked operation and resource: "Create or Update: Customer"', () => {
		expect(subtitleOf({ resource: 'customer', operation: 'upsert' })).toBe('Create or Update: Customer');
		expect(subtitleOf({ resource: 'campaign', operation: 'getAll' })).toBe('Get Many: Campaign');
		for (const resource of node.description.properties.find((p) => p.name === 'resource').options) {
			const selector = node.description.properties.find((p) => p.name === 'operation' && p.displayOptions.show.resource.includes(resource.value));
			for (const operation of selector.options) {
				expect(subtitleOf({ resource: resource.value, operation: operation.value })).toBe(`${operation.name}: ${resource.name}`);
			}
		}
	});

	test("the node panel's one entry for the node and its trigger describes both", () => {
		// n8n's panel merges "<name>Trigger" into "<name>" and shows the trigger's description for both
		const trigger = loader.nodeTypes.headshedCubeTrigger.type.description;
		// the panel shows the node's default version, whose description is the versioned type's
		const panelNode = loader.nodeTypes.headshedCube.type.description;
		expect(trigger.name.replace('Trigger', '')).toBe(panelNode.name);
		expect(trigger.description).toContain(panelNode.description);
		expect(trigger.description).toMatch(/start a workflow for every new call outcome/i);
	});
});

describe('package metadata and documentation links', () => {
	const pkg = require('../package.json');
	const repositoryOf = (url) => new URL(url.replace(/^git\+/, '')).pathname.replace(/\.git$/, '').replace(/\/+$/, '');

	test('homepage, repository and bug tracker name one repository; no placeholder e-mail', () => {
		const repository = repositoryOf(pkg.repository.url);
		expect(repositoryOf(pkg.homepage)).toBe(repository);
		expect(repositoryOf(pkg.bugs.url)).toBe(`${repository}/issues`);
		expect(pkg.author.email).not.toMatch(/\.invalid$|@example\./);
	});

	test.each(['HeadshedCube', 'HeadshedCubeTrigger'])("%s: the editor's Docs link is a well-formed page of the repository", (dir) => {
		const description = loader.nodeTypes[dir[0].toLowerCase() + dir.slice(1)].type.description;
		const codex = require(`../dist/nodes/${dir}/${dir}.node.json`);
		// what n8n's editor (useNodeDocsUrl) links to: the node's documentationUrl when it is a web
		// address, else the codex's primary documentation with its tracking query appended
		const primary = codex.resources.primaryDocumentation[0].url;
		const docs = description.documentationUrl?.startsWith('http') ? description.documentationUrl : `${primary}?utm_source=n8n_app`;
		const url = new URL(docs);
		expect(url.hash).not.toContain('?');
		expect(repositoryOf(`${url.origin}${url.pathname}`)).toBe(repositoryOf(pkg.repository.url));
		expect(docs).toBe(primary);
	});
});

describe('node panel search', () => {
	// n8n's node panel ranks a node by the better of its display name's match (weight 1.3) and its
	// best alias's (weight 1), and takes 20 points for each letter skipped before the match: typed
	// "Cube", "Headshed Cube" scored below "Cisco Umbrella" until "Cube" was an alias of its own.
	const SEARCH_WORDS = ['Headshed', 'Cube', 'Call Center', 'Call Centre', 'Call Outcome', 'Telephone Campaign', 'Dialer', 'CRM'];

	test.each(['headshedCube', 'headshedCubeTrigger'])('every version of %s is found by the words a call center types', (name) => {
		// what n8n serves the editor (/types/nodes.json): one description per version
		const versions = loader.types.nodes.filter((description) => description.name === name);
		expect(versions.length).toBeGreaterThanOrEqual(2);
		for (const { codex } of versions) {
			expect(codex.alias).toEqual(expect.arrayContaining(SEARCH_WORDS));
			// each a word or two, each once
			expect(new Set(codex.alias.map((alias) => alias.toLowerCase())).size).toBe(codex.alias.length);
			for (const alias of codex.alias) expect(alias).toMatch(/^\S+( \S+)?$/);
		}
	});
});
