// The workflows of the queue-mode suite: a CRM calls a webhook on the main instance, and a
// worker runs the Cube node. Webhooks answer with the Cube node's output, so a caller sees
// what the worker did.
'use strict';
const { CREDENTIAL_ID, CREDENTIAL_NAME } = require('../../scripts/lib/harness');

const NODE_TYPE = 'n8n-nodes-headshed-cube.headshedCube';
const ASSIGNMENT = 9;

const READ = { id: 'e2eQueueRead0001', path: 'cube-queue-read' };
const UPSERT = { id: 'e2eQueueUpsert01', path: 'cube-queue-upsert' };

function webhookWorkflow({ id, path }, name, cubeParameters) {
	return {
		id,
		name: `e2e queue: ${name}`,
		active: false,
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' },
		nodes: [
			{
				id: `${id}-w`,
				name: 'CRM webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `${id}-hook`,
				parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
			},
			{
				id: `${id}-c`,
				name: 'Headshed Cube',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [260, 0],
				parameters: cubeParameters,
				credentials: { headshedCubeApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
			},
		],
		connections: { 'CRM webhook': { main: [[{ node: 'Headshed Cube', type: 'main', index: 0 }]] } },
		pinData: {},
	};
}

const assignment = { __rl: true, mode: 'id', value: ASSIGNMENT };

const readWorkflow = () =>
	webhookWorkflow(READ, 'read a customer', {
		resource: 'customer',
		operation: 'get',
		assignmentId: assignment,
		customerId: '={{ $json.body.id }}',
	});

const upsertWorkflow = () =>
	webhookWorkflow(UPSERT, 'create or update a customer', {
		resource: 'customer',
		operation: 'upsert',
		assignmentId: assignment,
		customerId: '={{ $json.body.id }}',
		fields: { name: '={{ $json.body.name }}' },
	});

/** POSTs `body` to a webhook; resolves with the status and the parsed answer. */
async function callWebhook(baseUrl, { path }, body, timeoutMs = 120_000) {
	const res = await fetch(`${baseUrl}/webhook/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(timeoutMs),
	});
	const text = await res.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, json, text };
}

module.exports = { ASSIGNMENT, READ, UPSERT, readWorkflow, upsertWorkflow, callWebhook };
