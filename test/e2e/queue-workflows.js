// The workflows of the queue-mode suite: a CRM calls a webhook on the main instance, a worker
// runs the Cube node, and a Respond to Webhook node answers with its output, so a caller sees
// what the worker did. Not "Respond: When Last Node Finishes": on n8n 1.123 in queue mode its
// caller is left without an answer when a worker finishes before main starts listening (seen
// for 2 of 40 quick executions; main then also waits for them when it shuts down).
'use strict';
const { CREDENTIAL_ID, CREDENTIAL_NAME, N8nRest } = require('../../scripts/lib/harness');

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
				parameters: { httpMethod: 'POST', path, responseMode: 'responseNode', options: {} },
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
			{
				id: `${id}-r`,
				name: 'Answer',
				type: 'n8n-nodes-base.respondToWebhook',
				typeVersion: 1.1,
				position: [520, 0],
				parameters: { respondWith: 'allIncomingItems', options: {} },
			},
		],
		connections: {
			'CRM webhook': { main: [[{ node: 'Headshed Cube', type: 'main', index: 0 }]] },
			'Headshed Cube': { main: [[{ node: 'Answer', type: 'main', index: 0 }]] },
		},
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
	return await new N8nRest(baseUrl).request('POST', `/webhook/${path}`, body, { timeoutMs });
}

module.exports = { ASSIGNMENT, READ, UPSERT, readWorkflow, upsertWorkflow, callWebhook };
