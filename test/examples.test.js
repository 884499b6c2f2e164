// The example workflows (examples/*.json) over the sandbox's seeded records: every time they hand
// on (a field named *_at) is an ISO 8601 instant with its zone, the instant Cube recorded, and no
// Cube node is named as its canvas subtitle already reads, and each credential they name is the one
// npm start seeds under that id. Their runs in real n8n are e2e cases.
const fs = require('fs');
const path = require('path');
const { Workflow } = require('n8n-workflow');
const { createSandbox } = require('../sandbox');
const { loadPackage, PackageNodeTypes, PACKAGE_NAME } = require('./support/engine');
const workflowsLib = require('../scripts/lib/workflows');

const EXAMPLES_DIR = path.join(__dirname, '..', 'examples');
const NOW = '2026-11-20T10:00:00Z';
// the sandbox's call center works in Oslo; a workflow there reads Cube's zoneless minutes so
const ZONE = 'Europe/Oslo';
const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

const examples = fs
	.readdirSync(EXAMPLES_DIR)
	.filter((file) => file.endsWith('.json'))
	.map((file) => [file, JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'))]);

const gen1 = createSandbox({ generation: 1, now: NOW }).data;
const gen2 = createSandbox({ generation: 2, now: NOW }).data;
const first = (byCampaign, count) => [...byCampaign.values()].flat().slice(0, count);
// a tenant from before 2024: call outcomes without `…__submitted_when_timestamp`
const withoutTimestamp = ({ ms, record }) => {
	const older = { ...record };
	delete older.call_outcome__report_as__submitted_when_timestamp;
	return { ms, record: older };
};
const responses = first(gen1.responsesByCampaign, 150).map((record) => ({ ms: Date.parse(record.submitted_when), record }));
const outcomes = first(gen2.callOutcomesByCampaign, 150);

/** What reaches each example's shaping node: seeded records `{ ms, record }` as Cube lists them. */
const INPUTS = {
	'daily-call-back-list.json': responses,
	'sync-responses-to-crm.json': responses,
	'gen2-yesterdays-call-outcomes.json': [...outcomes, ...outcomes.map(withoutTimestamp)],
	'gen2-new-sales-trigger.json': [...outcomes, ...outcomes.map(withoutTimestamp)],
	'gen2-yesterdays-sales.json': first(gen2.registrationsByCampaign, 150),
};

/** The example as n8n holds it, with n8n's own expression engine; node types not ours are inert. */
function workflowOf(example, nodeTypes) {
	const inert = { description: { properties: [], inputs: ['main'], outputs: ['main'] } };
	// a Cube tool (…Tool) has the node's description
	const ours = (type) => type.startsWith(`${PACKAGE_NAME}.`) && type.replace(/Tool$/, '');
	const types = {
		getByName: (type) => (ours(type) ? nodeTypes.getByName(ours(type)) : inert),
		getByNameAndVersion: (type, version) => (ours(type) ? nodeTypes.getByNameAndVersion(ours(type), version) : inert),
		getKnownTypes: () => ({}),
	};
	// the Workflow fills in each node's parameters from its type: on a copy
	const nodes = structuredClone(example.nodes);
	return new Workflow({ id: example.id, nodes, connections: example.connections, active: false, nodeTypes: types, settings: { timezone: ZONE } });
}

/** Every `*_at` field an example's Set and Code nodes make of one record. */
function timesOf(workflow, example, record) {
	const times = {};
	for (const node of example.nodes) {
		if (node.type === 'n8n-nodes-base.set') {
			for (const { name, value } of node.parameters.assignments.assignments) {
				if (name.endsWith('_at')) times[`${node.name} → ${name}`] = workflow.expression.getParameterValue(value, null, 0, 0, node.name, [{ json: record }], 'manual', {});
			}
		}
		if (node.type === 'n8n-nodes-base.code') {
			// the Code node's script, given one item and the campaign list it looks names up in
			const input = { all: () => [{ json: record }] };
			const lookup = () => ({ all: () => gen1.campaigns.map((campaign) => ({ json: campaign })) });
			const [item] = new Function('$input', '$', node.parameters.jsCode)(input, lookup);
			for (const [name, value] of Object.entries(item.json)) if (name.endsWith('_at')) times[`${node.name} → ${name}`] = value;
		}
	}
	return times;
}

let nodeTypes;
beforeAll(async () => {
	nodeTypes = new PackageNodeTypes(await loadPackage());
});

test('every example that hands on a time is checked here', () => {
	const withTimes = examples.filter(([, example]) => JSON.stringify(example.nodes).match(/"name":\s*"\w+_at"|\b\w+_at:/)).map(([file]) => file);
	expect(withTimes.sort()).toEqual(Object.keys(INPUTS).sort());
});

test.each(Object.keys(INPUTS))('%s: each *_at field is an ISO 8601 instant with its zone, the one Cube recorded', (file) => {
	const example = examples.find(([name]) => name === file)[1];
	const workflow = workflowOf(example, nodeTypes);
	let checked = 0;
	for (const { ms, record } of INPUTS[file]) {
		const times = timesOf(workflow, example, record);
		expect(Object.keys(times).length).toBeGreaterThan(0);
		for (const [field, value] of Object.entries(times)) {
			expect({ field, value }).toEqual({ field, value: expect.stringMatching(ISO_INSTANT) });
			// Cube's zoneless `YYYY-MM-DD HH:MM` keeps only the minute
			const instant = Date.parse(value);
			expect({ field, value, differenceMs: instant - ms }).toEqual({ field, value, differenceMs: instant === ms ? 0 : ms - (ms % 60000) - ms });
			checked++;
		}
	}
	expect(checked).toBeGreaterThanOrEqual(INPUTS[file].length);
});

test.each(examples.map(([file]) => [file]))("%s: no Cube node is named as its canvas subtitle already reads", (file) => {
	const example = examples.find(([name]) => name === file)[1];
	const workflow = workflowOf(example, nodeTypes);
	for (const node of example.nodes.filter((candidate) => candidate.type.startsWith(`${PACKAGE_NAME}.`))) {
		const { subtitle } = nodeTypes.getByNameAndVersion(node.type.replace(/Tool$/, ''), node.typeVersion).description;
		const shown = workflow.expression.getParameterValue(subtitle, null, 0, 0, node.name, [], 'manual', {});
		expect(typeof shown).toBe('string');
		expect(node.name.toLowerCase()).not.toBe(shown.toLowerCase());
	}
});

// npm start seeds the sandbox credentials under these ids; an example naming another credential
// under a seeded id shows that stale name in the editor until the user picks one again
const SEEDED_CREDENTIALS = {
	[workflowsLib.CREDENTIAL_ID]: workflowsLib.CREDENTIAL_NAME,
	[workflowsLib.GEN2_CREDENTIAL_ID]: workflowsLib.GEN2_CREDENTIAL_NAME,
};

test.each(examples.map(([file]) => [file]))('%s: each Cube credential it names is the one npm start seeds under that id', (file) => {
	const workflow = Object.fromEntries(examples)[file];
	for (const node of workflow.nodes) {
		const credential = node.credentials?.headshedCubeApi;
		if (credential) expect(`${node.name}: ${credential.name}`).toBe(`${node.name}: ${SEEDED_CREDENTIALS[credential.id]}`);
	}
});
