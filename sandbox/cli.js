#!/usr/bin/env node
'use strict';

const { parseArgs } = require('node:util');
const { createSandbox, SANDBOX_TOKEN, SANDBOX_USERNAME, SANDBOX_PASSWORD } = require('./index');
const { NEXT_LINK_STYLES, PATH_MODES } = require('./knobs');

const USAGE = `Usage: node sandbox/cli.js [options]   (npm run sandbox -- [options])

A local imitation of Headshed Cube's REST API: generation 1 (2017) or 2 (2020 on).

Options (environment variable in brackets):
  --generation <1|2>      which API the tenant speaks [CUBE_SANDBOX_GENERATION] (1)
  --port <n>              port to listen on, 0 = any free port [CUBE_SANDBOX_PORT] (8765)
  --host <addr>           address to bind [CUBE_SANDBOX_HOST] (127.0.0.1)
  --page-size <n>         page size of paginated lists [CUBE_SANDBOX_PAGE_SIZE] (25)
  --latency <ms>          delay added to every API request [CUBE_SANDBOX_LATENCY_MS] (0)
  --next-link-style <s>   ${NEXT_LINK_STYLES.join(' | ')} [CUBE_SANDBOX_NEXT_LINK_STYLE] (http)
  --paths <s>             ${PATH_MODES.join(' | ')}: which campaign/assignment list paths exist [CUBE_SANDBOX_PATHS] (both)
  --time-zone <zone>      zone of "today" and of the responses date filter [CUBE_SANDBOX_TIME_ZONE] (Europe/Oslo)
  --seed <n>              data seed; same seed, same data [CUBE_SANDBOX_SEED] (1)
  --now <iso>             start the sandbox clock at this instant [CUBE_SANDBOX_NOW] (real time)
  --freeze-clock          keep the clock at --now until moved via POST /__sandbox/clock
  --crm-segment <s>       generation 2: documented | swapped | both: where paths take "crm/" [CUBE_SANDBOX_CRM_SEGMENT] (documented)
  --next-link-target <s>  generation 2: page | request | otherEndpoint: what next links name [CUBE_SANDBOX_NEXT_LINK_TARGET] (page)
  --help                  show this text
`;

const OPTIONS = {
	generation: { env: 'CUBE_SANDBOX_GENERATION', fallback: '1' },
	port: { env: 'CUBE_SANDBOX_PORT', fallback: '8765' },
	host: { env: 'CUBE_SANDBOX_HOST', fallback: '127.0.0.1' },
	'page-size': { env: 'CUBE_SANDBOX_PAGE_SIZE', fallback: '25' },
	latency: { env: 'CUBE_SANDBOX_LATENCY_MS', fallback: '0' },
	'next-link-style': { env: 'CUBE_SANDBOX_NEXT_LINK_STYLE', fallback: 'http' },
	paths: { env: 'CUBE_SANDBOX_PATHS', fallback: 'both' },
	'time-zone': { env: 'CUBE_SANDBOX_TIME_ZONE', fallback: 'Europe/Oslo' },
	seed: { env: 'CUBE_SANDBOX_SEED', fallback: '1' },
	now: { env: 'CUBE_SANDBOX_NOW', fallback: undefined },
	'crm-segment': { env: 'CUBE_SANDBOX_CRM_SEGMENT', fallback: undefined },
	'next-link-target': { env: 'CUBE_SANDBOX_NEXT_LINK_TARGET', fallback: undefined },
};

/** Try-it lines of the banner, per generation. */
const EXAMPLE_PATHS = {
	1: ['/api/v1/campaigns', '/api/v1/assignments/9/customers/'],
	2: ['/api/v1/campaigns', '/api/v1/data_owners/12/B2C/customers/', '/api/v1/call_outcomes/'],
};

function readSettings(argv) {
	const parseOptions = { help: { type: 'boolean' }, 'freeze-clock': { type: 'boolean' } };
	for (const name of Object.keys(OPTIONS)) parseOptions[name] = { type: 'string' };
	const { values } = parseArgs({ args: argv, options: parseOptions, strict: true });
	const settings = { help: Boolean(values.help), freezeClock: Boolean(values['freeze-clock']) };
	for (const [name, { env, fallback }] of Object.entries(OPTIONS)) {
		settings[name] = values[name] ?? process.env[env] ?? fallback;
	}
	return settings;
}

function portNumber(text) {
	const port = Number(text);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`--port must be 0-65535, got ${text}`);
	return port;
}

function banner(sandbox, url) {
	const { knobs } = sandbox;
	const { generation } = sandbox.state();
	const clock = sandbox.clock.now().toISOString() + (sandbox.clock.isFrozen() ? ' (frozen)' : ' (running)');
	return [
		`Headshed Cube sandbox (generation-${generation} API)`,
		`  Base URL:        ${url}`,
		`  Token:           ${SANDBOX_TOKEN}   (Authorization: Token ${SANDBOX_TOKEN})`,
		`  Basic auth:      ${SANDBOX_USERNAME} / ${SANDBOX_PASSWORD}`,
		`  Page size:       ${knobs.pageSize}`,
		`  Latency:         ${knobs.latencyMs} ms`,
		`  Next links:      ${knobs.nextLinkStyle}`,
		`  Paths:           ${knobs.paths}`,
		`  Time zone:       ${knobs.timeZone}`,
		`  Seed:            ${sandbox.state().seed}`,
		`  Clock:           ${clock}`,
		...(generation === 2 ? [`  crm/ segment:    ${knobs.crmSegment}`, `  Next targets:    ${knobs.nextLinkTarget}`] : []),
		'',
		'Try:',
		...EXAMPLE_PATHS[generation].map((path) => `  curl -H 'Authorization: Token ${SANDBOX_TOKEN}' ${url}${path}`),
		`  curl ${url}/__sandbox/state   (control API, no auth; see sandbox/README.md)`,
		'Ctrl+C stops it.',
		'',
	].join('\n');
}

async function main() {
	let settings;
	let sandbox;
	try {
		settings = readSettings(process.argv.slice(2));
		if (settings.help) {
			process.stdout.write(USAGE);
			return;
		}
		const generationKnobs = settings.generation === '2'
			? { crmSegment: settings['crm-segment'], nextLinkTarget: settings['next-link-target'] }
			: {};
		sandbox = createSandbox({
			generation: settings.generation,
			...generationKnobs,
			pageSize: settings['page-size'],
			latencyMs: settings.latency,
			nextLinkStyle: settings['next-link-style'],
			paths: settings.paths,
			timeZone: settings['time-zone'],
			seed: /^\d+$/.test(settings.seed) ? Number(settings.seed) : settings.seed,
			now: settings.now,
			freezeClock: settings.freezeClock,
		});
		settings.port = portNumber(settings.port);
	} catch (error) {
		process.stderr.write(`cube sandbox: ${error.message}\n\n${USAGE}`);
		process.exitCode = 2;
		return;
	}

	let url;
	try {
		({ url } = await sandbox.start(settings.port, settings.host));
	} catch (error) {
		process.stderr.write(`cube sandbox: cannot listen on ${settings.host}:${settings.port}: ${error.message}\n`);
		process.exitCode = 1;
		return;
	}
	process.stdout.write(banner(sandbox, url));
	process.stdout.write(`SANDBOX_READY ${url}\n`);

	const shutdown = async (signal) => {
		process.stdout.write(`\n${signal}: stopping the sandbox\n`);
		await sandbox.stop();
		process.stdout.write('Sandbox stopped.\n');
		process.exit(0);
	};
	process.once('SIGINT', shutdown);
	process.once('SIGTERM', shutdown);
}

main();
