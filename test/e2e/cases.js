// The e2e workflows (one per operation of the node, the examples, and failures)
// and what each run must show. Each case: a workflow to import, then `check(run, ctx)` with the
// parsed `n8n execute --rawOutput` result; ctx.api reads the sandbox directly for expectations.
'use strict';
const assert = require('assert/strict');
const path = require('path');

const { SANDBOX_TOKEN } = require('../../scripts/lib/sandbox-client');
const { NODE_TYPE, CREDENTIAL_ID, branchesWorkflow, byId, credentialRecords, cubeNode, sandboxCredentialRecords } = require('../../scripts/lib/workflows');
const { cubeDate } = require('./cube-api');

const BAD_CREDENTIAL_ID = 'cubeBadTokenCre1';
const BAD_TOKEN = 'e2e-wrong-token-0451';
const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', 'examples');

/** A workflow whose Manual Trigger feeds each Cube node as a branch of its own. */
function cubeWorkflow(id, name, branches, { credentialId = CREDENTIAL_ID, typeVersion = 1 } = {}) {
	const nodes = branches.map((branch, i) =>
		cubeNode({ id: `${id}-${i}`, name: branch.name, parameters: branch.parameters, position: [260, i * 180], typeVersion, credentialId }),
	);
	return branchesWorkflow(id, `e2e: ${name}`, nodes);
}

/** The output items (json only) of a node's first run. */
function itemsOf(run, nodeName) {
	const task = run.data.resultData.runData[nodeName];
	assert.ok(task, `node "${nodeName}" did not run`);
	assert.ok(!task[0].error, `node "${nodeName}" failed: ${task[0].error && task[0].error.message}`);
	return (task[0].data.main[0] || []).map((item) => item.json);
}

function assertSucceeded(run) {
	const error = run.data.resultData.error;
	assert.equal(run.status ?? (run.finished ? 'success' : 'error'), 'success', `run failed: ${error && error.message}`);
}

const sortedIds = (items, key) => items.map((item) => Number(item[key])).sort((a, b) => a - b);

/** How long a run took by n8n's own clock, and its slowest nodes: the README quotes these. */
function runTimes(run) {
	const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
	const nodes = Object.entries(run.data.resultData.runData)
		.map(([name, tasks]) => [name, tasks.reduce((sum, task) => sum + (task.executionTime || 0), 0)])
		.sort((a, b) => b[1] - a[1]);
	const total = new Date(run.stoppedAt) - new Date(run.startedAt);
	return `run ${seconds(total)}; ${nodes.slice(0, 3).map(([name, ms]) => `${name} ${seconds(ms)}`).join(', ')}`;
}

/**
 * `n8n execute` starts only at a Manual Trigger, while the editor runs the upsert example from
 * its webhook's pinned sample records. The same records through the same nodes: a Manual Trigger
 * and a Code node returning the pinned items join the example beside its webhook, which stays
 * for the REST checks.
 */
function runnableFromCli(example, webhookName) {
	const pinned = example.pinData[webhookName];
	const [target] = example.connections[webhookName].main[0];
	const trigger = { id: `${example.id}-cli-t`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 220], parameters: {} };
	const sample = {
		id: `${example.id}-cli-s`,
		name: 'Pinned sample records',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [220, 220],
		parameters: { jsCode: `return ${JSON.stringify(pinned)};` },
	};
	return {
		...example,
		nodes: [...example.nodes, trigger, sample],
		connections: {
			...example.connections,
			Start: { main: [[{ node: sample.name, type: 'main', index: 0 }]] },
			[sample.name]: { main: [[target]] },
		},
		pinData: {},
	};
}

/** The readable-error checks: status, method and path named; no secret anywhere in the run. */
function assertReadableError(run, rawText, { status, path: apiPath, secret }) {
	const error = run.data.resultData.error;
	assert.ok(error, 'run has no error');
	const shown = `${error.message} ${error.description || ''}`;
	assert.match(shown, new RegExp(`\\b${status}\\b`), `error does not name status ${status}: ${shown}`);
	assert.ok(shown.includes(apiPath), `error does not name the path ${apiPath}: ${shown}`);
	assert.ok(!rawText.includes(secret), 'the token appears in the run output');
	return shown;
}

/** `text` as it is when short, else cut at the last word boundary before `max` characters, with "…". */
function clip(text, max) {
	if (text.length <= max) return text;
	const cut = text.slice(0, max - 1);
	const boundary = cut.search(/\s\S*$/);
	return `${(boundary > max / 2 ? cut.slice(0, boundary) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

/** YYYY-MM-DD in Oslo, the zone of the sandbox and of the e2e n8n (GENERIC_TIMEZONE). */
const daysAgoIso = (days) => cubeDate(new Date(Date.now() - days * 86_400_000)).replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3');

const cases = [
	{
		workflow: cubeWorkflow('cubeE2eClients01', 'client getAll', [{ name: 'Clients', parameters: { resource: 'client', operation: 'getAll' } }]),
		async check(run, { api }) {
			assertSucceeded(run);
			const items = itemsOf(run, 'Clients');
			const campaigns = await api.getAll('/api/v1/campaigns?include_inactive_campaigns=True');
			const assignments = await api.getAll('/api/v1/assignments');
			const expected = new Set([...campaigns, ...assignments].map((record) => Number(record.client_id)));
			assert.deepEqual(sortedIds(items, 'client_id'), [...expected].sort((a, b) => a - b));
			for (const item of items) assert.ok(item.client_name, `client ${item.client_id} has no name`);
			return `${items.length} clients`;
		},
	},
	{
		workflow: cubeWorkflow('cubeE2eAssignm01', 'assignment getAll', [{ name: 'Assignments', parameters: { resource: 'assignment', operation: 'getAll' } }]),
		async check(run) {
			assertSucceeded(run);
			const items = itemsOf(run, 'Assignments');
			assert.deepEqual(sortedIds(items, 'assignment_id'), [9, 12, 15, 21, 27, 33]);
			return `${items.length} assignments`;
		},
	},
	{
		workflow: cubeWorkflow('cubeE2eCampaig01', 'campaign getAll', [
			{ name: 'All campaigns', parameters: { resource: 'campaign', operation: 'getAll', includeInactive: true } },
			{ name: 'Active campaigns', parameters: { resource: 'campaign', operation: 'getAll', includeInactive: false } },
		]),
		async check(run, { api }) {
			assertSucceeded(run);
			const all = itemsOf(run, 'All campaigns');
			const active = itemsOf(run, 'Active campaigns');
			const expectedActive = await api.getAll('/api/v1/campaigns');
			assert.equal(all.length, 12, 'all campaigns, inactive included');
			assert.deepEqual(sortedIds(active, 'campaign_id'), sortedIds(expectedActive, 'campaign_id'));
			assert.ok(active.length < all.length, 'inactive campaigns are left out by default');
			return `${all.length} campaigns, ${active.length} active`;
		},
	},
	{
		workflow: cubeWorkflow('cubeE2eCustAll01', 'customer getAll', [
			{ name: 'First 7', parameters: { resource: 'customer', operation: 'getAll', assignmentId: byId(9), returnAll: false, limit: 7 } },
			{ name: 'All of 12', parameters: { resource: 'customer', operation: 'getAll', assignmentId: byId(12), returnAll: true } },
		]),
		async check(run, { api }) {
			assertSucceeded(run);
			const first = itemsOf(run, 'First 7');
			const all = itemsOf(run, 'All of 12');
			const expected = await api.getAll('/api/v1/assignments/12/customers/');
			assert.equal(first.length, 7);
			assert.ok(first.every((c) => c.assignment_id === 9 && Number.isInteger(c.customer_id)));
			assert.equal(all.length, expected.length, 'returnAll follows every page');
			assert.equal(new Set(all.map((c) => c.customer_id)).size, all.length, 'no customer twice');
			return `limit 7 → ${first.length}; returnAll → ${all.length} of ${expected.length}`;
		},
	},
	{
		workflow: cubeWorkflow('cubeE2eCustGet01', 'customer get', [
			{ name: 'Get 100001', parameters: { resource: 'customer', operation: 'get', assignmentId: byId(9), customerId: 100001 } },
		]),
		async check(run, { api }) {
			assertSucceeded(run);
			const [record] = itemsOf(run, 'Get 100001');
			const { json: expected } = await api.customer(9, 100001);
			assert.deepEqual(record, expected);
			return `${record.name}, Oppstartsdato ${record.Oppstartsdato}`;
		},
	},
	{
		workflow: cubeWorkflow('cubeE2eCustNew01', 'customer create', [
			{
				name: 'Create 990101',
				parameters: {
					resource: 'customer',
					operation: 'create',
					assignmentId: byId(9),
					customerId: 990101,
					fields: { name: 'Kari Nordmann', email: 'kari@example.no', city: 'Bodø' },
					customFields: { field: [{ name: 'Oppstartsdato', value: '2025-01-02' }, { name: 'Antall år', value: '3' }] },
				},
			},
		]),
		async check(run, { api }) {
			assertSucceeded(run);
			const [record] = itemsOf(run, 'Create 990101');
			assert.equal(record.customer_id, 990101);
			const { status, json: stored } = await api.customer(9, 990101);
			assert.equal(status, 200, 'the sandbox has the new customer');
			assert.equal(stored.name, 'Kari Nordmann');
			assert.equal(stored.city, 'Bodø');
			assert.equal(stored.Oppstartsdato, '2025-01-02');
			assert.equal(String(stored['Antall år']), '3');
			return `created ${stored.customer_id} ${stored.name}`;
		},
	},
	{
		workflow: cubeWorkflow('cubeE2eCustUpd01', 'customer update', [
			{
				name: 'Update 100002',
				parameters: {
					resource: 'customer',
					operation: 'update',
					assignmentId: byId(9),
					customerId: 100002,
					fields: { city: 'Tromsø', phone_2: '+47 400 00 002' },
					customFields: { field: [{ name: 'gen info 1', value: 'Oppdatert fra e2e' }] },
				},
			},
		]),
		async check(run, { api }) {
			assertSucceeded(run);
			const [record] = itemsOf(run, 'Update 100002');
			const { json: stored } = await api.customer(9, 100002);
			assert.equal(stored.city, 'Tromsø');
			assert.equal(stored.phone_2, '+47 400 00 002');
			assert.equal(stored['gen info 1'], 'Oppdatert fra e2e');
			assert.equal(stored.name, 'Tuva Rasmussen', 'fields not sent stay as they were');
			assert.deepEqual(record, stored);
			return `updated ${stored.customer_id}: ${stored.city}`;
		},
	},
	{
		workflow: cubeWorkflow('cubeE2eCustUps01', 'customer upsert', [
			{
				name: 'Upsert existing 100003',
				parameters: { resource: 'customer', operation: 'upsert', assignmentId: byId(9), customerId: 100003, fields: { email: 'upsert@example.no' } },
			},
			{
				name: 'Upsert new 990102',
				parameters: {
					resource: 'customer',
					operation: 'upsert',
					assignmentId: byId(9),
					customerId: 990102,
					fields: { name: 'Per Upsert' },
					customFields: { field: [{ name: 'Oppstartsdato', value: '2025-06-30' }] },
				},
			},
		]),
		async check(run, { api }) {
			assertSucceeded(run);
			const [updated] = itemsOf(run, 'Upsert existing 100003');
			const [created] = itemsOf(run, 'Upsert new 990102');
			assert.equal(updated.email, 'upsert@example.no');
			assert.ok(updated.name, 'the existing card keeps its name');
			assert.equal(created.customer_id, 990102);
			const { json: stored } = await api.customer(9, 990102);
			assert.equal(stored.name, 'Per Upsert');
			assert.equal(stored.Oppstartsdato, '2025-06-30');
			return `updated 100003, created 990102`;
		},
	},
	{
		workflow: cubeWorkflow('cubeE2eRespons01', 'response getAll', [
			{
				name: 'Week with customers',
				parameters: {
					resource: 'response',
					operation: 'getAll',
					campaignId: byId(101),
					fromDate: daysAgoIso(7),
					toDate: daysAgoIso(0),
					returnAll: true,
					options: { includeCustomer: true },
				},
			},
			{
				name: 'Three of today',
				parameters: { resource: 'response', operation: 'getAll', campaignId: byId(101), returnAll: false, limit: 3 },
			},
		]),
		async check(run, { api }) {
			assertSucceeded(run);
			const week = itemsOf(run, 'Week with customers');
			const three = itemsOf(run, 'Three of today');
			const now = new Date();
			const from = cubeDate(new Date(now.getTime() - 7 * 86_400_000));
			const expected = await api.getAll(`/api/v1/campaigns/101/responses/from_date/${from}/to_date/${cubeDate(now)}`);
			assert.ok(expected.length > 0, 'the sandbox has responses this week');
			assert.equal(week.length, expected.length);
			let joined = 0;
			for (const response of week) {
				assert.ok('customer' in response, 'includeCustomer adds "customer"');
				if (response.customer) {
					assert.equal(String(response.customer.customer_id), String(response.crm_customer_id));
					joined++;
				}
			}
			assert.ok(joined > 0, 'some responses have a customer card');
			assert.ok(three.length <= 3);
			return `${week.length} responses this week, ${joined} with a customer card; limit 3 → ${three.length}`;
		},
	},
	{
		workflow: cubeWorkflow('cubeE2eErr404001', 'unknown customer fails readably', [
			{ name: 'Get unknown customer', parameters: { resource: 'customer', operation: 'get', assignmentId: byId(9), customerId: 424242 } },
		]),
		expectFailure: true,
		async check(run, { rawText }) {
			const shown = assertReadableError(run, rawText, { status: 404, path: '/api/v1/assignments/9/customers/424242', secret: SANDBOX_TOKEN });
			return clip(shown, 160);
		},
	},
	{
		workflow: cubeWorkflow(
			'cubeE2eErr401001',
			'wrong token fails readably',
			[{ name: 'List campaigns', parameters: { resource: 'campaign', operation: 'getAll', includeInactive: false } }],
			{ credentialId: BAD_CREDENTIAL_ID },
		),
		expectFailure: true,
		async check(run, { rawText }) {
			const shown = assertReadableError(run, rawText, { status: 401, path: '/campaigns', secret: BAD_TOKEN });
			return clip(shown, 160);
		},
	},
	{
		example: 'sync-responses-to-crm.json',
		async check(run) {
			assertSucceeded(run);
			const items = itemsOf(run, 'Shape CRM activity');
			assert.ok(items.length > 0, 'some responses in the last 7 days');
			const keys = ['crm_customer_id', 'customer_name', 'campaign', 'outcome', 'agent', 'contacted_at', 'phone'];
			for (const item of items) for (const key of keys) assert.ok(key in item, `"${key}" missing`);
			assert.ok(items.every((item) => item.campaign), 'each activity names its campaign (paired items)');
			assert.ok(items.some((item) => item.phone), 'phones come from the joined customer cards');
			return `${items.length} CRM activities; ${runTimes(run)}`;
		},
	},
	{
		example: 'crm-to-cube-upsert.json',
		cli: (example) => runnableFromCli(example, 'CRM webhook'),
		async check(run, { api }) {
			assertSucceeded(run);
			const items = itemsOf(run, 'Upsert customer in Cube');
			assert.deepEqual(sortedIds(items, 'customer_id'), [100001, 990001]);
			const { json: created } = await api.customer(9, 990001);
			assert.equal(created.name, 'Ola Nordmann');
			assert.equal(created.Oppstartsdato, '2024-01-15');
			const { json: updated } = await api.customer(9, 100001);
			assert.equal(updated.email, 'frida.pettersen@example.no');
			return `upserted 100001 (update) and 990001 (create); ${runTimes(run)}`;
		},
	},
	{
		example: 'daily-call-back-list.json',
		async check(run, { api }) {
			assertSucceeded(run);
			const tasks = itemsOf(run, 'Shape team task');
			const today = cubeDate(new Date());
			let expected = 0;
			for (const campaign of await api.getAll('/api/v1/campaigns')) {
				const responses = await api.getAll(`/api/v1/campaigns/${campaign.campaign_id}/responses/from_date/${today}/to_date/${today}`);
				expected += responses.filter((response) => response.type === 'Call back').length;
			}
			assert.equal(tasks.length, expected, "one task per call-back of today");
			for (const task of tasks) {
				assert.match(task.title, /^Call back /);
				assert.ok(task.campaign, 'task names its campaign');
			}
			return `${tasks.length} call-back tasks; ${runTimes(run)}`;
		},
	},
];

for (const c of cases) {
	if (c.example) {
		const example = require(path.join(EXAMPLES_DIR, c.example));
		c.workflow = c.cli ? c.cli(example) : example;
	}
}

function credentialsFor(sandboxUrl, gen2SandboxUrl) {
	return [
		...sandboxCredentialRecords(sandboxUrl, gen2SandboxUrl),
		// named to sort before the generation-2 credential, which a node placed from the panel gets
		...credentialRecords(sandboxUrl, { id: BAD_CREDENTIAL_ID, name: 'Headshed Cube (bad token)', token: BAD_TOKEN }),
	];
}

module.exports = { cases, clip, credentialsFor, NODE_TYPE, BAD_TOKEN, BAD_CREDENTIAL_ID, cubeWorkflow, itemsOf, assertSucceeded, assertReadableError, byId, daysAgoIso, EXAMPLES_DIR };
