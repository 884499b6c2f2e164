// What the benchmark measures: one case per row of the table.
//   level "transport": in-process, no n8n server (bench/transport-case.js)
//   level "n8n": `n8n execute` of a workflow of bench/workflows.js
//   kind "node" the Headshed Cube node, "loop" a sequential next loop, "http" HTTP Request + Split Out
'use strict';
const { IDS } = require('./workflows');

const CUSTOMERS = 'customers of assignment 9';
const RESPONSES = 'responses of campaign 101 + customer join';
const CRM_CUSTOMERS = 'customers of CRM 12/B2C (generation 2)';

/** `dates` ({ fromDate, toDate }) is the response range, the same for every case. */
function transportCases(dates) {
	const cases = [];
	for (const dataset of ['customers', 'responses']) {
		for (const pageSize of [25, 500]) {
			const what = dataset === 'customers' ? CUSTOMERS : RESPONSES;
			for (const concurrency of ['default', 1, 8]) {
				cases.push({ level: 'transport', kind: 'node', dataset, pageSize, concurrency, name: `Cube node, n8n-core in-process: ${what}` });
			}
			cases.push({ level: 'transport', kind: 'loop', dataset, pageSize, concurrency: 1, name: `sequential next loop (axios): ${what}` });
		}
	}
	return cases.map((benchCase) => ({ ...benchCase, ...dates }));
}

function n8nCases() {
	const cases = [];
	for (const pageSize of [25, 500]) {
		cases.push({ level: 'n8n', kind: 'node', dataset: 'customers', pageSize, concurrency: 'default', workflowId: IDS.cubeCustomers, nodes: ['Cube customers'], name: `Cube node in n8n: ${CUSTOMERS}` });
		cases.push({ level: 'n8n', kind: 'http', dataset: 'customers', pageSize, concurrency: 1, workflowId: IDS.httpCustomers, nodes: ['HTTP Request', 'Split Out'], name: `HTTP Request (next URL) + Split Out in n8n: ${CUSTOMERS}` });
	}
	// the node at 1 and 8 pages at once, at page size 25 only: its cost per request in n8n
	for (const concurrency of [1, 8]) {
		const workflowId = concurrency === 1 ? IDS.cubeCustomersC1 : IDS.cubeCustomersC8;
		cases.push({ level: 'n8n', kind: 'node', dataset: 'customers', pageSize: 25, concurrency, workflowId, nodes: ['Cube customers'], name: `Cube node in n8n: ${CUSTOMERS}` });
	}
	for (const pageSize of [25, 500]) {
		cases.push({ level: 'n8n', kind: 'node', dataset: 'responses', pageSize, concurrency: 'default', workflowId: IDS.cubeResponses, nodes: ['Cube responses'], name: `Cube node in n8n: ${RESPONSES}` });
	}
	// generation 2: node version 2 and HTTP Request against the generation-2 sandbox
	for (const pageSize of [25, 500]) {
		const gen2 = { level: 'n8n', dataset: 'crmCustomers', generation: 2, pageSize };
		cases.push({ ...gen2, kind: 'node', concurrency: 'default', workflowId: IDS.cubeCrmCustomers, nodes: ['Cube customers'], name: `Cube node v2 in n8n: ${CRM_CUSTOMERS}` });
		cases.push({ ...gen2, kind: 'http', concurrency: 1, workflowId: IDS.httpCrmCustomers, nodes: ['HTTP Request', 'Split Out'], name: `HTTP Request (next URL) + Split Out in n8n: ${CRM_CUSTOMERS}` });
	}
	return cases;
}

module.exports = { transportCases, n8nCases };
