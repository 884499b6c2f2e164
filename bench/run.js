#!/usr/bin/env node
// npm run bench: the Headshed Cube node side by side with n8n's HTTP Request node and with the
// sequential next-following loop Headshed documents, against the Cube sandbox with an injected
// latency per request. Prints a table and writes it to bench/results.md. Options: bench/args.js;
// what is measured and how: bench/README.md.
'use strict';
const fs = require('fs');
const path = require('path');

const { PROJECT_DIR, linePaths } = require('../scripts/lib/n8n-env');
const { packPackage } = require('../scripts/lib/package');
const { run } = require('../scripts/lib/processes');
const { sandboxControl, startSandbox, todayAtNoonUtc } = require('../scripts/lib/sandbox-client');
const { USAGE, commandLine, parseArgs } = require('./args');
const { runCommand } = require('./command');
const { n8nCases, transportCases } = require('./cases');
const { expectedRecords } = require('./expected');
const { describeMachine, loadAverage } = require('./machine');
const { log, measure } = require('./measure');
const { WORK_DIR, prepareN8n, runN8nOnce } = require('./n8n-level');
const { report } = require('./report');
const { TIME_ZONE, prepareTransport, runTransportOnce } = require('./transport-level');

/** The tarball to install into n8n: the one given, or this package built and packed now. */
async function preparePackage(args) {
	if (args.n8n) {
		log(`n8n line ${args.line}: bash scripts/n8n-install.sh ${args.line} (cached after the first time)`);
		await run('bash', [path.join(PROJECT_DIR, 'scripts', 'n8n-install.sh'), String(args.line)], { timeoutMs: 1_200_000 });
		if (args.tarball) return args.tarball;
		log(args.build ? 'npm run build and npm pack' : 'npm pack (no build)');
		return await packPackage({ build: args.build });
	}
	if (args.build) {
		log('npm run build');
		await run('npm', ['run', 'build', '--silent'], { timeoutMs: 300_000 });
	}
	return undefined;
}

/** Both levels against the sandboxes of generation 1 and 2; returns every measured case. */
async function measureLevels(args, tarball) {
	// The sandboxes in processes of their own; "today" is the real today in Oslo, frozen.
	const startOne = (generation, logName) => startSandbox({ now: todayAtNoonUtc(), freezeClock: true, pageSize: 500, generation, logFile: path.join(WORK_DIR, logName) });
	const sandbox = await startOne(1, 'sandbox.log');
	const measured = [];
	let gen2Sandbox;
	try {
		gen2Sandbox = await startOne(2, 'sandbox-gen2.log');
		const controls = { 1: sandboxControl(sandbox.url), 2: sandboxControl(gen2Sandbox.url) };
		const setLatency = async (latencyMs) => await Promise.all(Object.values(controls).map(async (control) => await control.configure({ latencyMs })));
		const selected = (cases) => (args.dataset ? cases.filter((benchCase) => benchCase.dataset === args.dataset) : cases);
		// Expected records, read at full speed before the latency is set.
		await setLatency(0);
		await controls[1].configure({ pageSize: 500 });
		const { dates, expected } = await expectedRecords(sandbox.url, gen2Sandbox.url, controls[1], TIME_ZONE);
		log(`sandbox ${sandbox.url}: ${expected.customers.records} customers in assignment 9; campaign 101 has ${expected.responses.records} responses from ${dates.fromDate} to ${dates.toDate}`);
		log(`generation-2 sandbox ${gen2Sandbox.url}: ${expected.crmCustomers.records} customers in CRM 12/B2C`);
		await setLatency(args.latency);

		const transport = selected(args.transport ? transportCases(dates) : []);
		if (transport.length) {
			log(`transport level: ${transport.length} cases × ${args.runs} runs, each in its own process`);
			measured.push(...(await measure(transport, args.runs, (benchCase, control) => runTransportOnce(benchCase, sandbox.url, control), { controls, expected })));
		}
		const inN8n = selected(args.n8n ? n8nCases() : []);
		if (inN8n.length) {
			log(`n8n ${linePaths(args.line).n8nVersion}: installing ${path.basename(tarball)} into a fresh user folder, importing credentials and workflows`);
			await setLatency(0);
			const env = await prepareN8n(args.line, tarball, { 1: sandbox.url, 2: gen2Sandbox.url }, dates);
			await setLatency(args.latency);
			log(`n8n level: ${inN8n.length} cases × ${args.runs} runs of n8n execute`);
			measured.push(...(await measure(inN8n, args.runs, (benchCase, control) => runN8nOnce(benchCase, env, args.line, control), { controls, expected })));
		}
	} finally {
		if (gen2Sandbox) await gen2Sandbox.stop();
		await sandbox.stop();
	}
	return measured;
}

async function main() {
	const argv = process.argv.slice(2);
	const args = parseArgs(argv);
	if (args.help) {
		console.log(USAGE);
		return;
	}
	const started = Date.now();
	fs.mkdirSync(WORK_DIR, { recursive: true });
	prepareTransport();
	const loadBefore = loadAverage();
	log(`${commandLine(argv)}; load average ${loadBefore}`);

	const tarball = await preparePackage(args);
	if (!fs.existsSync(path.join(PROJECT_DIR, 'dist', 'nodes', 'HeadshedCube', 'HeadshedCube.node.js'))) {
		throw new Error('dist/ is missing: run without --no-build');
	}
	const measured = await measureLevels(args, tarball);

	const { text, markdown } = report(measured, {
		command: commandLine(argv),
		machine: await describeMachine(args.line),
		n8nVersion: linePaths(args.line).n8nVersion,
		latency: args.latency,
		runs: args.runs,
		loadBefore,
		loadAfter: loadAverage(),
		when: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
		minutes: ((Date.now() - started) / 60_000).toFixed(1),
	});
	console.log(text());
	fs.mkdirSync(path.dirname(args.out), { recursive: true });
	fs.writeFileSync(args.out, markdown());
	console.log('');
	console.log(`Wrote ${path.relative(process.cwd(), args.out)}`);
}

runCommand(main);
