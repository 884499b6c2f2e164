// The workflows the benchmark runs in a real n8n with `n8n execute`: the Headshed Cube node, and
// n8n's own HTTP Request node (with its built-in pagination) followed by a Split Out node.
'use strict';

const { CREDENTIAL_ID, CREDENTIAL_NAME } = require('../scripts/lib/harness');

const NODE_TYPE = 'n8n-nodes-headshed-cube.headshedCube';
const byId = (value) => ({ __rl: true, mode: 'id', value });

const IDS = {
	cubeCustomers: 'cubeBenchCust001',
	cubeCustomersC1: 'cubeBenchCustC01',
	cubeCustomersC8: 'cubeBenchCustC08',
	httpCustomers: 'cubeBenchHttp001',
	cubeResponses: 'cubeBenchResp001',
};

function trigger(id) {
	return { id: `${id}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
}

function chain(id, name, nodes) {
	const connections = {};
	const all = [trigger(id), ...nodes];
	for (let i = 0; i < all.length - 1; i++) {
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, active: false, settings: { executionOrder: 'v1' }, nodes: all, connections, pinData: {} };
}

function cubeNode(id, name, parameters) {
	return {
		id: `${id}-cube`,
		name,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [260, 0],
		parameters,
		credentials: { headshedCubeApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
	};
}

/** Customer Get Many, Return All, at the node's default Pages at Once or the one given. */
function cubeCustomersWorkflow(concurrency) {
	const id = concurrency === 1 ? IDS.cubeCustomersC1 : concurrency === 8 ? IDS.cubeCustomersC8 : IDS.cubeCustomers;
	const parameters = { resource: 'customer', operation: 'getAll', assignmentId: byId(9), returnAll: true };
	if (concurrency) parameters.options = { concurrency };
	return chain(id, `bench: Headshed Cube customer getAll${concurrency ? `, ${concurrency} pages at once` : ''}`, [
		cubeNode(id, 'Cube customers', parameters),
	]);
}

/** Response Get Many over a date range, with the customer join, at the default Pages at Once. */
function cubeResponsesWorkflow({ fromDate, toDate }) {
	const id = IDS.cubeResponses;
	return chain(id, 'bench: Headshed Cube responses + customers', [
		cubeNode(id, 'Cube responses', {
			resource: 'response',
			operation: 'getAll',
			campaignId: byId(101),
			fromDate,
			toDate,
			returnAll: true,
			options: { includeCustomer: true },
		}),
	]);
}

/** n8n's generic Header Auth credential holding the sandbox token, for the HTTP Request node. */
const HEADER_CREDENTIAL = { id: 'cubeBenchHeader1', name: 'Cube sandbox (Header Auth)' };

function headerCredentialRecord(token) {
	return { ...HEADER_CREDENTIAL, type: 'httpHeaderAuth', data: { name: 'Authorization', value: `Token ${token}` } };
}

/**
 * What a user builds without the package: HTTP Request with "Response Contains Next URL", then
 * Split Out on `results`. The token goes in a generic Header Auth credential: the package's own
 * credential, as a predefined credential type, refuses the HTTP Request node's requests (they
 * carry `uri`, not `url`; see the notes in bench/results.md).
 */
function httpCustomersWorkflow(sandboxUrl) {
	const id = IDS.httpCustomers;
	return chain(id, 'bench: HTTP Request + Split Out customer list', [
		{
			id: `${id}-http`,
			name: 'HTTP Request',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [260, 0],
			parameters: {
				url: `${sandboxUrl}/api/v1/assignments/9/customers/`,
				authentication: 'genericCredentialType',
				genericAuthType: 'httpHeaderAuth',
				sendHeaders: true,
				headerParameters: { parameters: [{ name: 'Accept', value: 'application/json' }] },
				options: {
					pagination: {
						pagination: {
							paginationMode: 'responseContainsNextURL',
							nextURL: '={{ $response.body.next }}',
							paginationCompleteWhen: 'other',
							completeExpression: '={{ $response.body.next === null }}',
						},
					},
				},
			},
			credentials: { httpHeaderAuth: HEADER_CREDENTIAL },
		},
		{
			id: `${id}-split`,
			name: 'Split Out',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [520, 0],
			parameters: { fieldToSplitOut: 'results', include: 'noOtherFields', options: {} },
		},
	]);
}

module.exports = { IDS, headerCredentialRecord, cubeCustomersWorkflow, cubeResponsesWorkflow, httpCustomersWorkflow };
