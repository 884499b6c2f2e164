#!/usr/bin/env node
// npm run bench:agents: what the node costs an AI agent. The node runs in n8n-core's
// WorkflowExecute (test/support/) against a generation-2 Cube sandbox in this process, as a tool
// where a tool is what is measured.
//
// 1. Customer search: requests per lookup among the 10,000 customers of CRM 12/B2C, by phone
//    (first, middle, last customer, and a number nobody has), e-mail, name and customer ID, at
//    page sizes 25 and 500 (Cube's documented default), with Limit 1 and Limit left alone.
// 2. Answer sizes: characters of JSON per record and per call with Limit left alone, for call
//    outcomes and customers, as a version-2 tool (before: raw records, Limit 50) and as a
//    version-2.1 tool (after: Simplified, Limit 10).
//
//   npm run bench:agents [-- --runs 3] [--out FILE]
'use strict';
const fs = require('fs');
const path = require('path');

const { createSandbox, SANDBOX_TOKEN } = require('../sandbox');
const { runCube } = require('../test/support/cubeWorkflow');
const { runCubeTool } = require('../test/support/tool');

const NOW = '2026-11-20T10:00:00.000Z';
const CRM = { dataOwnerId: { __rl: true, mode: 'id', value: '12' }, crmType: 'B2C' };

function parseArgs(argv) {
	const args = { runs: 3, out: path.join(__dirname, 'agents-results.md') };
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--runs') args.runs = Math.max(1, Number(argv[++i]));
		else if (argv[i] === '--out') args.out = path.resolve(argv[++i]);
		else throw new Error(`unknown argument ${argv[i]}`);
	}
	return args;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The lookups, from the sandbox's own customers (national form, as a person types a number). */
function lookups(customers) {
	const national = (customer) => customer.crm__standard_info__phone_1.replace(/^\+47\s*/, '');
	const [first, middle, last] = [customers[0], customers[5000], customers[9999]];
	return [
		['phone, first customer', 'phone', national(first)],
		['phone, customer 5,001', 'phone', national(middle)],
		['phone, last customer', 'phone', national(last)],
		['phone, nobody has it', 'phone', '+1 202 555 0100'],
		['e-mail, customer 5,001', 'email', middle.crm__standard_info__email.toUpperCase()],
		['name contains, customer 5,001', 'name', middle.crm__standard_info__name],
		['customer ID, customer 5,001', 'customerId', middle.crm__customer_id],
	];
}

async function searchRows(sandbox, credential, runs) {
	const rows = [];
	for (const pageSize of [500, 25]) {
		for (const [what, searchBy, searchValue] of lookups(sandbox.data.customersByCrm.get('12:B2C'))) {
			for (const limit of [1, undefined]) {
				const measured = [];
				for (let run = 0; run < runs; run++) {
					sandbox.reset();
					sandbox.configure({ pageSize });
					const started = process.hrtime.bigint();
					const parameters = { resource: 'customer', operation: 'search', ...CRM, searchBy, searchValue, ...(limit ? { limit } : {}) };
					const { json, error } = await runCube(parameters, { credential, typeVersion: 2.1 });
					if (error) throw error;
					measured.push({ ms: Number(process.hrtime.bigint() - started) / 1e6, requests: sandbox.requests.length, found: json.length });
				}
				rows.push({ pageSize, what, limit: limit ?? '50 (default)', requests: measured[0].requests, found: measured[0].found, ms: median(measured.map((m) => m.ms)) });
			}
		}
	}
	return rows;
}

async function sizeRows(sandbox, credential) {
	sandbox.reset();
	sandbox.configure({ pageSize: 500 });
	const calls = [
		['call outcome', { resource: 'callOutcome', operation: 'getAll', scope: 'all', fromDate: '2026-11-13', toDate: '2026-11-20' }],
		['customer', { resource: 'customer', operation: 'getAll', ...CRM }],
	];
	const rows = [];
	for (const [what, parameters] of calls) {
		for (const [when, typeVersion] of [['before: version 2 tool (Raw, Limit 50)', 2], ['after: version 2.1 tool (Simplified, Limit 10)', 2.1]]) {
			const { json } = await runCubeTool(parameters, { credential, typeVersion });
			const characters = JSON.stringify(json).length;
			rows.push({ what, when, records: json.length, perRecord: Math.round(characters / json.length), perCall: characters });
		}
	}
	return rows;
}

function report({ searches, sizes, runs }) {
	const lines = [
		'# What the node costs an AI agent',
		'',
		`\`npm run bench:agents\` (${runs} runs, median time), ${new Date().toISOString().slice(0, 10)}: n8n-core's engine against an in-process`,
		'generation-2 sandbox, no added latency. Requests are what the sandbox served, the same every run.',
		'',
		'## Customer search, 10,000 customers (CRM 12/B2C), Pages at Once 4',
		'',
		'| page size | lookup | Limit | requests | found | ms |',
		'|---:|---|---:|---:|---:|---:|',
		...searches.map((r) => `| ${r.pageSize} | ${r.what} | ${r.limit} | ${r.requests} | ${r.found} | ${r.ms.toFixed(0)} |`),
		'',
		'## Answer sizes as a tool, Limit left alone (characters of JSON)',
		'',
		'| records | node | records returned | per record | per call |',
		'|---|---|---:|---:|---:|',
		...sizes.map((r) => `| ${r.what} | ${r.when} | ${r.records} | ${r.perRecord.toLocaleString('en')} | ${r.perCall.toLocaleString('en')} |`),
		'',
	];
	return lines.join('\n');
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const sandbox = createSandbox({ generation: 2, now: NOW, freezeClock: true });
	await sandbox.start(0);
	try {
		const credential = { baseUrl: sandbox.url, authentication: 'token', token: SANDBOX_TOKEN };
		const sizes = await sizeRows(sandbox, credential);
		const searches = await searchRows(sandbox, credential, args.runs);
		const text = report({ searches, sizes, runs: args.runs });
		fs.writeFileSync(args.out, text);
		process.stdout.write(`${text}\n`);
	} finally {
		await sandbox.stop();
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
