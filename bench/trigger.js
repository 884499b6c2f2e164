#!/usr/bin/env node
// npm run bench:trigger: what one poll of the trigger costs against the volume already registered.
// The trigger runs in n8n-core's PollContext (test/support/engine.js) against the Cube sandbox in
// this process; one watched campaign holds the volume (spread over the 8 hours before now), and
// every poll finds one new response. Prints, per list order (oldest first, newest first: the
// sandbox's responseOrder knob), requests and records read per cheap poll at steady state, and
// what one full read of the watched days costs (the trigger makes one every Full Read Every
// minutes, 60 by default): its requests spread over the 12 polls of an hour at 5-minute polls.
//
//   npm run bench:trigger [-- --polls 5] [--package DIR] [--out FILE]
//
// --package DIR: bench another build of the package (a checkout with `npm run build` done, e.g.
// main's, for the figures before a change); the sandbox is always this tree's.
'use strict';
const fs = require('fs');
const path = require('path');

const VOLUMES = [0, 500, 2_000, 10_000];
const PAGE_SIZES = [25, 500];
const ORDERS = [
	['oldest first', 'submitted'],
	['newest first', 'newest'],
];
/** Polls between two full reads at the default (60 minutes) with a 5-minute poll interval. */
const POLLS_PER_FULL_READ = 12;
const CAMPAIGN = 101;

function parseArgs(argv) {
	const args = { polls: 5 };
	for (let i = 0; i < argv.length; i++) {
		const value = () => {
			if (argv[i + 1] === undefined) throw new Error(`${argv[i]} needs a value`);
			return argv[++i];
		};
		if (argv[i] === '--polls') args.polls = Math.max(2, Number(value()));
		else if (argv[i] === '--package') args.packageDir = path.resolve(value());
		else if (argv[i] === '--out') args.out = path.resolve(value());
		else throw new Error(`unknown argument ${argv[i]}`);
	}
	return args;
}

/** Requests and records read by each poll after activation, with one new response per poll. */
async function measure(engine, sandbox, { volume, pageSize, polls, responseOrder }) {
	sandbox.reset();
	sandbox.configure({ pageSize, responseOrder });
	const start = Date.now();
	sandbox.clock.set(new Date(start).toISOString());
	const list = [];
	for (let n = 0; n < volume; n++) list.push(bulkResponse(CAMPAIGN, n, start - 60_000 - Math.floor((8 * 3_600_000 * n) / Math.max(1, volume))));
	sandbox.data.responsesByCampaign.set(CAMPAIGN, list.reverse());
	const node = await engine.nodeInWorkflow({
		node: {
			id: 'trigger',
			name: 'Headshed Cube Trigger',
			type: `${engine.PACKAGE_NAME}.headshedCubeTrigger`,
			typeVersion: 1,
			position: [0, 0],
			parameters: { event: 'newResponse', campaignIds: [CAMPAIGN], options: { fullReadMinutes: 100_000 } },
			credentials: { headshedCubeApi: { id: 'cube', name: 'Cube sandbox' } },
		},
		credentials: { cube: { baseUrl: sandbox.url, authentication: 'token', token: SANDBOX_TOKEN } },
		settings: { timezone: 'Europe/Oslo' },
	});
	await node.poll();
	const perPoll = [];
	for (let poll = 0; poll < polls; poll++) {
		sandbox.clearRequests();
		const now = Date.now();
		sandbox.clock.set(new Date(now).toISOString());
		sandbox.data.responsesByCampaign.get(CAMPAIGN).push(bulkResponse(CAMPAIGN, volume + poll, now - 1_000));
		const emitted = (await node.poll())?.[0]?.length ?? 0;
		if (emitted !== 1) throw new Error(`poll ${poll} at volume ${volume} emitted ${emitted} responses, not 1`);
		const requests = sandbox.requests.filter((r) => r.path.includes('/responses'));
		perPoll.push({ requests: requests.length, records: requests.reduce((sum, r) => sum + (r.records ?? 0), 0) });
	}
	// Steady state: the last poll (the first after activation may still settle the cursor).
	const steady = perPoll[perPoll.length - 1];
	// One full read: the same poll with the full read due.
	node.workflow.getNode('Headshed Cube Trigger').parameters.options = { fullReadMinutes: 1 };
	sandbox.clearRequests();
	const later = Date.now() + 120_000;
	sandbox.clock.set(new Date(later).toISOString());
	const realNow = Date.now;
	Date.now = () => later;
	try {
		await node.poll();
	} finally {
		Date.now = realNow;
	}
	const fullRead = sandbox.requests.filter((r) => r.path.includes('/responses')).length;
	return { ...steady, fullRead, stateBytes: JSON.stringify(node.workflow.staticData).length };
}

const { createSandbox, SANDBOX_TOKEN } = require('../sandbox');
const { bulkResponse } = require('../test/support/sandbox');

async function main() {
	const args = parseArgs(process.argv.slice(2));
	if (args.packageDir) process.env.CUBE_PACKAGE_DIR = args.packageDir;
	const engine = require('../test/support/engine');
	const sandbox = createSandbox({ freezeClock: true });
	await sandbox.start(0);
	const rows = [];
	try {
		for (const [order, responseOrder] of ORDERS) {
			for (const pageSize of PAGE_SIZES) {
				for (const volume of VOLUMES) {
					const figures = await measure(engine, sandbox, { volume, pageSize, polls: args.polls, responseOrder });
					rows.push({ order, pageSize, volume, ...figures });
					process.stderr.write(`${order}, page size ${pageSize}, volume ${volume}: ${JSON.stringify(figures)}\n`);
				}
			}
		}
	} finally {
		await sandbox.stop();
	}
	const table = [
		`Trigger poll cost (${args.packageDir ? `package ${path.basename(args.packageDir)}` : 'this tree'}; one watched campaign, one new response per poll)`,
		'',
		`| order | page size | responses already there | requests per poll | records read per poll | requests of one full read | full read per poll (1 in ${POLLS_PER_FULL_READ}) | static data (bytes) |`,
		'|---|---:|---:|---:|---:|---:|---:|---:|',
		...rows.map(
			(r) =>
				`| ${r.order} | ${r.pageSize} | ${r.volume.toLocaleString('en')} | ${r.requests} | ${r.records.toLocaleString('en')} | ${r.fullRead} | ${(r.fullRead / POLLS_PER_FULL_READ).toFixed(1)} | ${r.stateBytes.toLocaleString('en')} |`,
		),
	].join('\n');
	console.log(table);
	if (args.out) fs.writeFileSync(args.out, `${table}\n`);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
