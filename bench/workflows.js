// The workflows the benchmark runs in a real n8n with `n8n execute`: the Headshed Cube node, and
// n8n's own HTTP Request node (with its built-in pagination) followed by a Split Out node.
'use strict';

const { byId, chainWorkflow, cubeNode } = require('../scripts/lib/workflows');

const IDS = {
	cubeCustomers: 'cubeBenchCust001',
	cubeCustomersC1: 'cubeBenchCustC01',
	cubeCustomersC8: 'cubeBenchCustC08',
	httpCustomers: 'cubeBenchHttp001',
	cubeResponses: 'cubeBenchResp001',
};

const benchCubeNode = (workflowId, name, parameters) => cubeNode({ id: `${workflowId}-cube`, name, parameters });

/** Customer Get Many, Return All, at the node's default Pages at Once or the one given. */
function cubeCustomersWorkflow(concurrency) {
	const id = concurrency === 1 ? IDS.cubeCustomersC1 : concurrency === 8 ? IDS.cubeCustomersC8 : IDS.cubeCustomers;
	const parameters = { resource: 'customer', operation: 'getAll', assignmentId: byId(9), returnAll: true };
	if (concurrency) parameters.options = { concurrency };
	return chainWorkflow(id, `bench: Headshed Cube customer getAll${concurrency ? `, ${concurrency} pages at once` : ''}`, [
		benchCubeNode(id, 'Cube customers', parameters),
	]);
}

/** Response Get Many over a date range, with the customer join, at the default Pages at Once. */
function cubeResponsesWorkflow({ fromDate, toDate }) {
	const id = IDS.cubeResponses;
	return chainWorkflow(id, 'bench: Headshed Cube responses + customers', [
		benchCubeNode(id, 'Cube responses', {
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
 * Split Out on `results`, the token in a generic Header Auth credential.
 */
function httpCustomersWorkflow(sandboxUrl) {
	const id = IDS.httpCustomers;
	return chainWorkflow(id, 'bench: HTTP Request + Split Out customer list', [
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
