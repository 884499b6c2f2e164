// The workflows the benchmark runs in a real n8n with `n8n execute`: the Headshed Cube node, and
// n8n's own HTTP Request node (with its built-in pagination) followed by a Split Out node.
'use strict';

const { GEN2_CREDENTIAL_ID, byId, chainWorkflow, cubeNode } = require('../scripts/lib/workflows');

const IDS = {
	cubeCustomers: 'cubeBenchCust001',
	cubeCustomersC1: 'cubeBenchCustC01',
	cubeCustomersC8: 'cubeBenchCustC08',
	httpCustomers: 'cubeBenchHttp001',
	cubeResponses: 'cubeBenchResp001',
	cubeCrmCustomers: 'cubeBenchCrmCus1',
	httpCrmCustomers: 'cubeBenchHttpCr1',
};

/** The customer lists the benchmark reads: generation 1's assignment 9, generation 2's CRM 12/B2C. */
const CUSTOMERS_PATH = '/api/v1/assignments/9/customers/';
const CRM_CUSTOMERS_PATH = '/api/v1/data_owners/12/B2C/customers/';

const benchCubeNode = (workflowId, name, parameters, generation = 1) =>
	generation === 2
		? cubeNode({ id: `${workflowId}-cube`, name, parameters, typeVersion: 2, credentialId: GEN2_CREDENTIAL_ID })
		: cubeNode({ id: `${workflowId}-cube`, name, parameters });

/** Customer Get Many, Return All, at the node's default Pages at Once or the one given. */
function cubeCustomersWorkflow(concurrency) {
	const id = concurrency === 1 ? IDS.cubeCustomersC1 : concurrency === 8 ? IDS.cubeCustomersC8 : IDS.cubeCustomers;
	const parameters = { resource: 'customer', operation: 'getAll', assignmentId: byId(9), returnAll: true };
	if (concurrency) parameters.options = { concurrency };
	return chainWorkflow(id, `bench: Headshed Cube customer getAll${concurrency ? `, ${concurrency} pages at once` : ''}`, [
		benchCubeNode(id, 'Cube customers', parameters),
	]);
}

/**
 * Version 2's Customer Get Many of CRM 12/B2C on the generation-2 sandbox, Return All, custom
 * field labels off so that it returns the records as the HTTP Request node gets them.
 */
function cubeCrmCustomersWorkflow() {
	const id = IDS.cubeCrmCustomers;
	const parameters = { resource: 'customer', operation: 'getAll', dataOwnerId: byId(12), crmType: 'B2C', returnAll: true, options: { customFieldLabels: false } };
	return chainWorkflow(id, 'bench: Headshed Cube v2 customer getAll of CRM 12/B2C', [benchCubeNode(id, 'Cube customers', parameters, 2)]);
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
 * Split Out on `results`, the token in a generic Header Auth credential. Generation 1's
 * assignment 9 by default; `{ id, apiPath }` for another list (the same token on both sandboxes).
 */
function httpCustomersWorkflow(sandboxUrl, { id = IDS.httpCustomers, apiPath = CUSTOMERS_PATH } = {}) {
	return chainWorkflow(id, `bench: HTTP Request + Split Out customer list ${apiPath}`, [
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

/** The same HTTP Request + Split Out on generation 2's CRM 12/B2C. */
const httpCrmCustomersWorkflow = (gen2SandboxUrl) => httpCustomersWorkflow(gen2SandboxUrl, { id: IDS.httpCrmCustomers, apiPath: CRM_CUSTOMERS_PATH });

const WRITE_IDS = {
	http: 'cubeBenchWHttp01',
	update: 'cubeBenchWUpd001',
	updateOne: 'cubeBenchWUpd01c',
	upsert: 'cubeBenchWUps001',
	upsertNew: 'cubeBenchWUpsNew',
};

/** Start, then the first `items` customers of assignment 9 read by the Cube node, then `writer`. */
function writeChain(id, name, items, writer) {
	const source = benchCubeNode(id, 'Customers to write', { resource: 'customer', operation: 'getAll', assignmentId: byId(9), limit: items });
	return chainWorkflow(id, name, [source, { ...writer, position: [520, 0] }]);
}

function cubeWriter(id, operation, { newOffset, concurrency } = {}) {
	const customerId = newOffset ? `={{ $json.customer_id + ${newOffset} }}` : '={{ $json.customer_id }}';
	const parameters = { resource: 'customer', operation, assignmentId: byId(9), customerId, fields: { name: '={{ $json.name }}', city: 'Oslo' } };
	if (concurrency) parameters.options = { concurrency };
	return cubeNode({ id: `${id}-write`, name: 'Cube write', parameters });
}

/** The write workflows of bench/writes.js: the same items and fields for every writer. */
function writeWorkflows({ sandboxUrl, items, newOffset }) {
	const ids = WRITE_IDS;
	const http = {
		id: `${ids.http}-http`,
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'PUT',
			url: `=${sandboxUrl}/api/v1/assignments/9/customers/{{ $json.customer_id }}`,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpHeaderAuth',
			sendBody: true,
			specifyBody: 'json',
			jsonBody: '={{ JSON.stringify({ assignment_id: 9, customer_id: $json.customer_id, name: $json.name, city: "Oslo" }) }}',
			options: {},
		},
		credentials: { httpHeaderAuth: HEADER_CREDENTIAL },
	};
	return [
		writeChain(ids.http, 'bench writes: HTTP Request, one PUT per item', items, http),
		writeChain(ids.update, 'bench writes: Cube Update', items, cubeWriter(ids.update, 'update')),
		writeChain(ids.updateOne, 'bench writes: Cube Update, 1 at once', items, cubeWriter(ids.updateOne, 'update', { concurrency: 1 })),
		writeChain(ids.upsert, 'bench writes: Cube Create or Update, existing', items, cubeWriter(ids.upsert, 'upsert')),
		writeChain(ids.upsertNew, 'bench writes: Cube Create or Update, new', items, cubeWriter(ids.upsertNew, 'upsert', { newOffset })),
	];
}

module.exports = {
	IDS,
	WRITE_IDS,
	CUSTOMERS_PATH,
	CRM_CUSTOMERS_PATH,
	headerCredentialRecord,
	cubeCustomersWorkflow,
	cubeCrmCustomersWorkflow,
	cubeResponsesWorkflow,
	httpCustomersWorkflow,
	httpCrmCustomersWorkflow,
	writeWorkflows,
};
