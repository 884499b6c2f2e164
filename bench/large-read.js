// Return All of very large lists: time and peak memory of the Headshed Cube node, run by
// n8n-core's engine in-process, reading N customers from a server that generates its pages.
//
//   npm run bench:large                  100,000 and 1,000,000 customers, page size 500
//   node bench/large-read.js 250000      other sizes
//
// Each size is read in a process of its own, so that its peak RSS is its own; a baseline run of
// 500 customers in the same kind of process is subtracted to give the memory per record. The
// records are the sandbox's seeded customers of assignment 9 (25 fields, ~520 bytes of JSON),
// repeated with new ids; generating them per page keeps the server small.
'use strict';
const { execFileSync } = require('child_process');
const http = require('http');
const { performance } = require('perf_hooks');

const PAGE_SIZE = 500;
const TOKEN = 'large-read-token';
const [role, ...args] = process.argv.slice(2);

function serve() {
	const { createSandbox } = require('../sandbox');
	const templates = createSandbox({ now: '2026-11-20T10:00:00Z' }).data.customersByAssignment.get(9);
	const count = Number(args[0]);
	const server = http.createServer((request, response) => {
		const url = new URL(request.url, 'http://cube');
		const page = Number(url.searchParams.get('page') ?? 1);
		const from = (page - 1) * PAGE_SIZE;
		const results = [];
		for (let n = from; n < Math.min(count, from + PAGE_SIZE); n++) {
			results.push({ ...templates[n % templates.length], id: n + 1, customer_id: n + 1 });
		}
		url.searchParams.set('page', String(page + 1));
		const next = from + PAGE_SIZE < count ? `http://cube${url.pathname}${url.search}` : null;
		response.writeHead(200, { 'Content-Type': 'application/json' });
		response.end(JSON.stringify({ count, next, previous: null, results }));
	});
	server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
}

async function read() {
	const { runCube } = require('../test/support/cubeWorkflow');
	const [baseUrl, expected] = args;
	const credential = { baseUrl, authentication: 'token', token: TOKEN };
	const started = performance.now();
	const { json, error } = await runCube(
		{ resource: 'customer', operation: 'getAll', assignmentId: { __rl: true, mode: 'id', value: 9 }, returnAll: true },
		{ credential },
	);
	const ms = performance.now() - started;
	if (error) throw new Error(error.message);
	if (json.length !== Number(expected) || json[json.length - 1].id !== Number(expected)) {
		throw new Error(`read ${json.length} records, expected ${expected}`);
	}
	process.stdout.write(`${JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS })}\n`);
	// n8n-core leaves handles open (its settings, its logger); the measurement is done.
	process.exit(0);
}

/** Starts the generating server for `count` records; resolves with its URL and a stop(). */
async function startServer(count) {
	const { spawn } = require('child_process');
	const child = spawn(process.execPath, [__filename, 'serve', String(count)], { stdio: ['ignore', 'pipe', 'inherit'] });
	const port = await new Promise((resolve) => child.stdout.once('data', (data) => resolve(Number(String(data)))));
	return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

async function measure(count) {
	const server = await startServer(count);
	try {
		const output = execFileSync(process.execPath, ['--max-old-space-size=8192', __filename, 'read', server.url, String(count)], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		return JSON.parse(output.trim().split('\n').pop());
	} finally {
		server.stop();
	}
}

async function main() {
	const sizes = role ? [role, ...args].map(Number) : [100_000, 1_000_000];
	const baseline = await measure(PAGE_SIZE);
	console.log(`Node ${process.version}, page size ${PAGE_SIZE}; baseline (${PAGE_SIZE} records): peak RSS ${(baseline.maxRssKb / 1024).toFixed(0)} MB`);
	console.log('| records | pages | time | records/s | peak RSS | memory per record |');
	console.log('|---:|---:|---:|---:|---:|---:|');
	for (const count of sizes) {
		const { ms, maxRssKb } = await measure(count);
		const perRecord = ((maxRssKb - baseline.maxRssKb) * 1024) / count;
		console.log(
			`| ${count.toLocaleString('en')} | ${Math.ceil(count / PAGE_SIZE)} | ${(ms / 1000).toFixed(1)} s | ${Math.round(count / (ms / 1000)).toLocaleString('en')} | ${(maxRssKb / 1024).toFixed(0)} MB | ${(perRecord / 1024).toFixed(2)} KB |`,
		);
	}
}

if (role === 'serve') serve();
else if (role === 'read') read().catch((error) => {
	console.error(error.message);
	process.exit(1);
});
else main().catch((error) => {
	console.error(error.message);
	process.exitCode = 1;
});
