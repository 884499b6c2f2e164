#!/usr/bin/env node
// npm run bench:writes: customer writes of 1,000 items in a real n8n, side by side: n8n's HTTP
// Request node (one PUT per item, its defaults), and the Headshed Cube node's Update and Create or
// Update (customers that exist, and customers that are new), against the Cube sandbox with an
// injected latency per request; and, as the practical floor, the same PUTs from Node's own http
// client without n8n (bench/bare-writes.js). Prints a table and writes it to bench/results-writes.md.
//
//   npm run bench:writes [-- --line 1|2] [--runs 3] [--items 1000] [--latency 20] [--no-build]
//                        [--tarball other.tgz] [--out bench/results-writes.md]
//                        [--only TEXT]  (the cases whose name holds TEXT)
//                        [--cpu-prof DIR]  (a V8 CPU profile of each n8n execute, into DIR)
//
// Each workflow reads the first N customers of assignment 9 with the Cube node (not timed), then
// writes them. Time is the writing node's own `executionTime` in the run data `n8n execute
// --rawOutput` prints; memory the peak RSS of the `n8n execute` process (GNU time). The sandbox
// is reset before every run, so "new" customers are new each time, and tells how many requests
// it served and the most it served at once.
'use strict';
const fs = require('fs');
const path = require('path');

const { emptyFolder } = require('../scripts/lib/folders');
const { importCredentials, importWorkflowList, parseRun } = require('../scripts/lib/n8n-cli');
const { PROJECT_DIR, n8nEnv } = require('../scripts/lib/n8n-env');
const { installIntoEmptyUserFolder, packPackage } = require('../scripts/lib/package');
const { run } = require('../scripts/lib/processes');
const { SANDBOX_TOKEN, cubeReader, sandboxControl, startSandbox, todayAtNoonUtc } = require('../scripts/lib/sandbox-client');
const { credentialRecords } = require('../scripts/lib/workflows');
const { COMMON_FLAGS, commandLine, parseFlags } = require('./args');
const { bareClientWrites } = require('./bare-writes');
const { runCommand } = require('./command');
const { megabytes, median, seconds, times } = require('./format');
const { describeMachine, loadAverage } = require('./machine');
const { log } = require('./measure');
const { WORK_DIR: BENCH_DIR, executeMeasured } = require('./n8n-level');
const { WRITE_IDS, headerCredentialRecord, writeWorkflows } = require('./workflows');

const WORK_DIR = path.join(BENCH_DIR, 'writes');
const NEW_CUSTOMER_OFFSET = 1_000_000;

function parseArgs(argv) {
	const defaults = { line: '1', runs: 3, items: 1000, latency: 20, build: true, out: path.join(__dirname, 'results-writes.md') };
	const flags = {
		...COMMON_FLAGS,
		'--items': ['items', (v) => Math.max(1, Number(v))],
		'--only': ['only', String],
		'--cpu-prof': ['cpuProf', (v) => path.resolve(v)],
	};
	return parseFlags(argv, defaults, flags, 'npm run bench:writes');
}

/** The cases: a workflow each, and how many requests at once its writer may have. */
function cases() {
	const ids = WRITE_IDS;
	return [
		{ name: 'HTTP Request node, one PUT per item (its defaults)', workflowId: ids.http, node: 'HTTP Request', inFlight: undefined },
		{ name: 'Headshed Cube node, Update (default Requests at Once)', workflowId: ids.update, node: 'Cube write', inFlight: 8 },
		{ name: 'Headshed Cube node, Update, Requests at Once 1', workflowId: ids.updateOne, node: 'Cube write', inFlight: 1 },
		{ name: 'Headshed Cube node, Create or Update, existing customers', workflowId: ids.upsert, node: 'Cube write', inFlight: 8 },
		{ name: 'Headshed Cube node, Create or Update, new customers', workflowId: ids.upsertNew, node: 'Cube write', inFlight: 8 },
		{ name: "Node's http client alone, 8 at once, no n8n (the practical floor)", bare: true, inFlight: 8 },
	];
}

async function prepare(args, tarball, sandboxUrl) {
	const env = await n8nEnv(args.line, `bench-writes-line${args.line}`);
	await installIntoEmptyUserFolder(env, tarball);
	emptyFolder(WORK_DIR);
	await importCredentials(env, [...credentialRecords(sandboxUrl), headerCredentialRecord(SANDBOX_TOKEN)], WORK_DIR);
	const workflows = writeWorkflows({ sandboxUrl, items: args.items, newOffset: NEW_CUSTOMER_OFFSET });
	await importWorkflowList(env, workflows, path.join(WORK_DIR, 'workflows'));
	return env;
}

/** The writes the sandbox served (not the source's pages), and the most it served at once. */
async function sandboxCounts(control) {
	const requests = (await control.requests()).filter((r) => !r.path.endsWith('/customers/'));
	const { maxInFlight } = await control.concurrency();
	return { requests: requests.length, maxInFlight };
}

async function runBare(c, args, sandboxUrl, control) {
	const customers = (await cubeReader(sandboxUrl).getAll('/api/v1/assignments/9/customers/')).slice(0, args.items);
	await control.clearRequests();
	const ms = await bareClientWrites({ sandboxUrl, customers, inFlight: c.inFlight });
	return { ms, rssKb: undefined, ...(await sandboxCounts(control)) };
}

async function runOnce(c, env, args, control) {
	const result = await executeMeasured(c.workflowId, env, args.line, { cpuProfDir: args.cpuProf, timeoutMs: 600_000 });
	const runData = parseRun(result.stdout);
	if (result.code !== 0 || runData.data.resultData.error) {
		const error = runData.data.resultData.error;
		throw new Error(`n8n execute ${c.workflowId} failed: ${error ? error.message : `exit ${result.code}`}`);
	}
	const task = runData.data.resultData.runData[c.node][0];
	const output = task.data.main[0] || [];
	const failed = output.filter((item) => item.json.error !== undefined || item.json.customer_id === undefined);
	if (output.length !== args.items || failed.length) {
		throw new Error(`${c.name}: ${output.length} items out, ${failed.length} without a card (first: ${JSON.stringify(failed[0]?.json).slice(0, 300)})`);
	}
	return { ms: task.executionTime, rssKb: result.rssKb, ...(await sandboxCounts(control)) };
}

const HEADER = ['case', 'requests', 'most at once', 'time (median)', 'per item', 'latency floor', 'time ÷ floor', 'vs HTTP Request', 'peak RSS'];

function rowsOf(measured, args) {
	const http = measured.find((m) => m.node === 'HTTP Request');
	return measured.map((m) => {
		const floorMs = m.inFlight ? (m.requests / Math.min(m.inFlight, args.items)) * args.latency : undefined;
		return [
			m.name,
			String(m.requests),
			String(m.maxInFlight),
			seconds(m.ms),
			`${(m.ms / args.items).toFixed(1)} ms`,
			floorMs === undefined ? '—' : seconds(floorMs),
			floorMs === undefined ? '—' : times(m.ms / floorMs),
			m === http || !http ? '—' : `${times(http.ms / m.ms)} faster`,
			m.rssKb === undefined ? '—' : megabytes(m.rssKb),
		];
	});
}

const markdownTable = (rows) =>
	[`| ${HEADER.join(' | ')} |`, `| ${HEADER.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

async function main() {
	const argv = process.argv.slice(2);
	const args = parseArgs(argv);
	if (args.help) {
		console.log(fs.readFileSync(__filename, 'utf8').split('\n').slice(1, 16).join('\n'));
		return;
	}
	const command = commandLine(argv, 'npm run bench:writes');
	const loadBefore = loadAverage();
	log(`${command}; load average ${loadBefore}`);
	fs.mkdirSync(WORK_DIR, { recursive: true });
	await run('bash', [path.join(PROJECT_DIR, 'scripts', 'n8n-install.sh'), String(args.line)], { timeoutMs: 1_200_000 });
	const tarball = args.tarball ?? (await packPackage({ build: args.build }));

	const sandbox = await startSandbox({ now: todayAtNoonUtc(), freezeClock: true, pageSize: 500, logFile: path.join(WORK_DIR, 'sandbox.log') });
	const control = sandboxControl(sandbox.url);
	const list = cases().filter((c) => !args.only || c.name.includes(args.only));
	const results = new Map(list.map((c) => [c, []]));
	try {
		const env = await prepare(args, tarball, sandbox.url);
		for (let r = 1; r <= args.runs; r++) {
			for (const c of list) {
				await control.reset();
				await control.configure({ latencyMs: args.latency });
				const result = c.bare ? await runBare(c, args, sandbox.url, control) : await runOnce(c, env, args, control);
				results.get(c).push(result);
				log(`  run ${r}/${args.runs} ${c.name}: ${Math.round(result.ms)} ms, ${result.requests} requests, at most ${result.maxInFlight} at once${result.rssKb === undefined ? '' : `, ${megabytes(result.rssKb)}`}`);
			}
		}
	} finally {
		await sandbox.stop();
	}
	const measured = list.map((c) => {
		const runs = results.get(c);
		const rssKb = c.bare ? undefined : median(runs.map((x) => x.rssKb));
		return { ...c, runs, ms: median(runs.map((x) => x.ms)), rssKb, requests: median(runs.map((x) => x.requests)), maxInFlight: Math.max(...runs.map((x) => x.maxInFlight)) };
	});
	const machine = await describeMachine(args.line);
	const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
	const table = markdownTable(rowsOf(measured, args));
	const md = [
		'# Benchmark: customer writes, HTTP Request node vs Headshed Cube node',
		'',
		`Made by \`${command}\` (bench/writes.js) on ${when}.`,
		'',
		`- Machine: ${machine}.`,
		`- Load average: ${loadBefore} before, ${loadAverage()} after.`,
		`- ${args.items} items; Cube sandbox on loopback with ${args.latency} ms added to every request; ${args.runs} runs per case, median shown.`,
		'- time: the writing node\'s `executionTime` in n8n\'s run data; peak RSS: the `n8n execute` process (GNU time `%M`).',
		`- requests: the writes the sandbox served (not the source's pages); most at once: as the sandbox counted them (the source's read included).`,
		`- latency floor: requests ÷ requests at once × ${args.latency} ms. Measure on a quiet machine: with 2 cores, every other process shows in every figure.`,
		'',
		table,
		'',
		'## Runs',
		'',
		...measured.map((m) => `- ${m.name}: ${m.runs.map((x) => `${Math.round(x.ms)} ms`).join(', ')}`),
		'',
	].join('\n');
	fs.writeFileSync(args.out, md);
	console.log(`\n${table}\n\nWrote ${path.relative(process.cwd(), args.out)}`);
}

runCommand(main);
