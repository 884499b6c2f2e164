// One measured transport-level case, in a process of its own so that its peak memory is its own.
// Started by bench/run.js with one JSON argument; prints one JSON line:
//   { ms, records, joined, maxRssKb }
//
//   kind "node": the Headshed Cube node run by n8n-core's WorkflowExecute (test/support/cubeWorkflow.js)
//   kind "loop": a sequential next-following loop as Headshed documents it (axios, one page at a time)
//
// Before the measured run each kind makes one small warm-up request (module loading, the first
// socket), then clears the sandbox's request log, so the parent counts only the measured requests.
'use strict';
const http = require('http');
const { performance } = require('perf_hooks');

const spec = JSON.parse(process.argv[2]);
const TOKEN = 'cube-sandbox-token';

/** The sandbox's control API with Node's own http module (nothing extra loaded for it). */
function control(method, route) {
	return new Promise((resolve, reject) => {
		const req = http.request(`${spec.baseUrl}${route}`, { method }, (res) => {
			res.resume();
			res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${method} ${route}: ${res.statusCode}`))));
		});
		req.on('error', reject);
		req.end();
	});
}

function nodeParameters(concurrency) {
	const options = concurrency === 'default' ? {} : { concurrency };
	if (spec.dataset === 'customers') {
		return { resource: 'customer', operation: 'getAll', assignmentId: { __rl: true, mode: 'id', value: 9 }, returnAll: true, options };
	}
	return {
		resource: 'response',
		operation: 'getAll',
		campaignId: { __rl: true, mode: 'id', value: 101 },
		fromDate: spec.fromDate,
		toDate: spec.toDate,
		returnAll: true,
		options: { ...options, includeCustomer: true },
	};
}

async function nodeCase() {
	const { runCube } = require('../test/support/cubeWorkflow');
	const credential = { baseUrl: spec.baseUrl, authentication: 'token', token: TOKEN };
	const run = (parameters) => runCube(parameters, { credential, timezone: spec.timeZone });
	const warm = await run({ resource: 'assignment', operation: 'getAll' });
	if (warm.error) throw new Error(`warm-up failed: ${warm.error.message}`);
	await control('DELETE', '/__sandbox/requests');

	const started = performance.now();
	const result = await run(nodeParameters(spec.concurrency));
	const ms = performance.now() - started;
	if (result.error) throw new Error(`${result.error.message} ${result.error.description || ''}`);
	return { ms, items: result.json };
}

async function loopCase() {
	const axios = require('axios');
	const client = axios.create({ headers: { Authorization: `Token ${TOKEN}`, Accept: 'application/json' } });
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
	await control('DELETE', '/__sandbox/requests');

	const started = performance.now();
	let items;
	if (spec.dataset === 'customers') {
		items = await getAll('/api/v1/assignments/9/customers/');
	} else {
		const day = (iso) => iso.replace(/-/g, '');
		const responses = await getAll(`/api/v1/campaigns/101/responses/from_date/${day(spec.fromDate)}/to_date/${day(spec.toDate)}`);
		const customers = await getAll('/api/v1/assignments/9/customers/');
		const byId = new Map(customers.map((customer) => [String(customer.customer_id), customer]));
		items = responses.map((response) => ({ ...response, customer: byId.get(String(response.crm_customer_id)) ?? null }));
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
