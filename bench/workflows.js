// The workflows the benchmark runs in a real n8n with `n8n execute`: the Headshed Cube node, and
// n8n's own HTTP Request node (with its built-in pagination) followed by a Split Out node.
'use strict';

const { CREDENTIAL_ID, CREDENTIAL_NAME, GEN2_CREDENTIAL_ID, GEN2_CREDENTIAL_NAME } = require('../scripts/lib/harness');

const NODE_TYPE = 'n8n-nodes-headshed-cube.headshedCube';
const byId = (value) => ({ __rl: true, mode: 'id', value });

const IDS = {
	cubeCustomers: 'cubeBenchCust001',
	cubeCustomersC1: 'cubeBenchCustC01',
	cubeCustomersC8: 'cubeBenchCustC08',
	httpCustomers: 'cubeBenchHttp001',
	cubeResponses: 'cubeBenchResp001',
	cubeCrmCustomers: 'cubeBenchCrmCus1',
	httpCrmCustomers: 'cubeBenchHttpCr1',
};

/** The CRM of the generation-2 sandbox with 10,000 customers. */
const BENCH_CRM_PATH = '/api/v1/data_owners/12/B2C/customers/';

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

/** The node of version 1 against the generation-1 sandbox, or of version 2 against the generation-2 one. */
function cubeNode(id, name, parameters, typeVersion = 1) {
	const credential = typeVersion === 2 ? { id: GEN2_CREDENTIAL_ID, name: GEN2_CREDENTIAL_NAME } : { id: CREDENTIAL_ID, name: CREDENTIAL_NAME };
	return {
		id: `${id}-cube`,
		name,
		type: NODE_TYPE,
		typeVersion,
		position: [260, 0],
		parameters,
		credentials: { headshedCubeApi: credential },
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

/** Version 2's Customer Get Many of a generation-2 CRM, Return All, labels off (as the HTTP Request node gets them). */
function cubeCrmCustomersWorkflow() {
	const id = IDS.cubeCrmCustomers;
	const parameters = { resource: 'customer', operation: 'getAll', dataOwnerId: byId(12), crmType: 'B2C', returnAll: true, options: { customFieldLabels: false } };
	return chain(id, 'bench: Headshed Cube v2 customer getAll of a CRM', [cubeNode(id, 'Cube customers', parameters, 2)]);
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
function httpCustomersWorkflow(sandboxUrl, { id = IDS.httpCustomers, apiPath = '/api/v1/assignments/9/customers/' } = {}) {
	return chain(id, `bench: HTTP Request + Split Out customer list ${apiPath}`, [
		{
			id: `${id}-http`,
			name: 'HTTP Request',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [260, 0],
			parameters: {
				url: `${sandboxUrl}${apiPath}`,
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

/** The same HTTP Request + Split Out against the generation-2 CRM. */
function httpCrmCustomersWorkflow(sandboxUrl) {
	return httpCustomersWorkflow(sandboxUrl, { id: IDS.httpCrmCustomers, apiPath: BENCH_CRM_PATH });
}

module.exports = {
	IDS,
	BENCH_CRM_PATH,
	headerCredentialRecord,
	cubeCustomersWorkflow,
	cubeResponsesWorkflow,
	httpCustomersWorkflow,
	cubeCrmCustomersWorkflow,
	httpCrmCustomersWorkflow,
};
