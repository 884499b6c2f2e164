// One measured transport-level case, in a process of its own so that its peak memory is its own.
// Started by bench/transport-level.js with one JSON argument; prints one JSON line:
//   { ms, records, joined, maxRssKb }
//
//   kind "node": the Headshed Cube node run by n8n-core's WorkflowExecute (test/support/cubeWorkflow.js)
//   kind "loop": a sequential next-following loop as Headshed documents it (axios, one page at a time)
//
// Before the measured run each kind makes one small warm-up request (module loading, the first
// socket), then clears the sandbox's request log, so the parent counts only the measured requests.
'use strict';
const { performance } = require('perf_hooks');

const { SANDBOX_TOKEN, sandboxControl } = require('../scripts/lib/sandbox-client');
const { byId } = require('../scripts/lib/workflows');

const spec = JSON.parse(process.argv[2]);
const control = sandboxControl(spec.baseUrl);

function nodeParameters(concurrency) {
	const options = concurrency === 'default' ? {} : { concurrency };
	if (spec.dataset === 'customers') {
		return { resource: 'customer', operation: 'getAll', assignmentId: byId(9), returnAll: true, options };
	}
	return {
		resource: 'response',
		operation: 'getAll',
		campaignId: byId(101),
		fromDate: spec.fromDate,
		toDate: spec.toDate,
		returnAll: true,
		options: { ...options, includeCustomer: true },
	};
}

async function nodeCase() {
	const { runCube } = require('../test/support/cubeWorkflow');
	const credential = { baseUrl: spec.baseUrl, authentication: 'token', token: SANDBOX_TOKEN };
	const run = (parameters) => runCube(parameters, { credential, timezone: spec.timeZone });
	const warm = await run({ resource: 'assignment', operation: 'getAll' });
	if (warm.error) throw new Error(`warm-up failed: ${warm.error.message}`);
	await control.clearRequests();

	const started = performance.now();
	const result = await run(nodeParameters(spec.concurrency));
	const ms = performance.now() - started;
	if (result.error) throw new Error(`${result.error.message} ${result.error.description || ''}`);
	return { ms, items: result.json };
}

async function loopCase() {
	const axios = require('axios');
	const client = axios.create({ headers: { Authorization: `Token ${SANDBOX_TOKEN}`, Accept: 'application/json' } });
	// Cube prints next links with http:// and its own host; the documented loop rewrites them.
	const rebase = (link) => link.replace(/^https?:\/\/[^/]+/, spec.baseUrl);
	const getAll = async (path) => {
		const records = [];
		let url = `${spec.baseUrl}${path}`;
		while (url) {
			const { data } = await client.get(url);
			records.push(...data.results);
			url = data.next ? rebase(data.next) : null;
		}
		return records;
	};
	await client.get(`${spec.baseUrl}/api/v1/assignments`);
	await control.clearRequests();

	const started = performance.now();
	let items;
	if (spec.dataset === 'customers') {
		items = await getAll('/api/v1/assignments/9/customers/');
	} else {
		const day = (iso) => iso.replace(/-/g, '');
		const responses = await getAll(`/api/v1/campaigns/101/responses/from_date/${day(spec.fromDate)}/to_date/${day(spec.toDate)}`);
		const customers = await getAll('/api/v1/assignments/9/customers/');
		const customersById = new Map(customers.map((customer) => [String(customer.customer_id), customer]));
		items = responses.map((response) => ({ ...response, customer: customersById.get(String(response.crm_customer_id)) ?? null }));
	}
	const ms = performance.now() - started;
	return { ms, items };
}

async function main() {
	const { ms, items } = spec.kind === 'node' ? await nodeCase() : await loopCase();
	const joined = items.filter((item) => item.customer).length;
	const maxRssKb = process.resourceUsage().maxRSS;
	process.stdout.write(`${JSON.stringify({ ms, records: items.length, joined, maxRssKb })}\n`);
}

main().then(
	() => process.exit(0),
	(error) => {
		process.stderr.write(`${error.stack || error.message}\n`);
		process.exit(1);
	},
);
