#!/usr/bin/env node
// `CUBE_QUEUE=1 npm start` (or `npm start -- --queue`): n8n in queue mode with this package, the
// Cube sandbox, its credential and the example workflows. Ctrl-C stops everything it started.
//   node scripts/lib/queue-start.js TARBALL     (scripts/start.sh builds and packs first)
'use strict';
const fs = require('fs');
const path = require('path');

const harness = require('./harness');
const { PROJECT_DIR } = require('./n8n-env');
const { WORKER_CONCURRENCY, startQueueSetup } = require('./queue');

const LINE = process.env.CUBE_N8N_LINE || '1';
const PURPOSE = `start-queue/line${LINE}`;
const EXAMPLES_DIR = path.join(PROJECT_DIR, 'examples');
const UPSERT_EXAMPLE_ID = 'cubeExCrmUpsert1';

const say = (message) => console.error(`[start --queue] ${message}`);

function welcome(setup, sandboxUrl) {
	const workers = setup.workers.map((w) => `    ${w.name}: ${path.relative(PROJECT_DIR, w.logFile)}`).join('\n');
	return `
  n8n in queue mode with n8n-nodes-headshed-cube is ready: a main instance and ${setup.workers.length} workers
  (concurrency ${WORKER_CONCURRENCY} each), Postgres on 127.0.0.1:${setup.services.postgres.port}, Redis on 127.0.0.1:${setup.services.redis.port}.

  Editor:    ${setup.baseUrl}/
  Login:     ${harness.OWNER.email}
  Password:  ${harness.OWNER.password}

  Cube sandbox: ${sandboxUrl}  (token ${harness.SANDBOX_TOKEN})
  Examples:  Workflows → "Headshed Cube: ..." (credential "${harness.CREDENTIAL_NAME}")
  Logs:      main: ${path.relative(PROJECT_DIR, setup.main.logFile)}
${workers}
  Each run starts with an empty database: Postgres and Redis live in a temporary folder.

  Ctrl-C stops n8n, the workers, Postgres, Redis and the sandbox.
`;
}

async function main([tarball]) {
	if (!tarball) throw new Error('usage: queue-start.js TARBALL');
	const logDir = path.join(PROJECT_DIR, '.n8n-data', PURPOSE, 'logs');
	let setup;
	let sandbox;
	let stopping;
	const stop = (code) => {
		stopping ??= (async () => {
			say('stopping');
			await setup?.stop();
			await sandbox?.stop();
			say('stopped');
			process.exit(code);
		})();
		return stopping;
	};
	process.on('SIGINT', () => stop(130));
	process.on('SIGTERM', () => stop(143));
	try {
		fs.mkdirSync(logDir, { recursive: true });
		sandbox = await harness.startSandbox({ port: Number(process.env.CUBE_SANDBOX_PORT || 0), logFile: path.join(logDir, 'sandbox.log') });
		say(`sandbox at ${sandbox.url}; starting Postgres, Redis, main and workers`);
		setup = await startQueueSetup({
			line: LINE,
			tarball,
			purpose: PURPOSE,
			logDir,
			prepare: async (env) => {
				await harness.importCredentials(env, harness.credentialRecords(sandbox.url), env.N8N_USER_FOLDER);
				await harness.importWorkflows(env, EXAMPLES_DIR);
				await harness.activateWorkflow(env, UPSERT_EXAMPLE_ID);
			},
		});
		await setup.ownerSession();
	} catch (error) {
		say(error.message);
		await stop(1);
	}
	console.log(welcome(setup, sandbox.url));
	// n8n's main instance exiting by itself ends the session too
	setup.main.handle.child.once('exit', () => {
		if (stopping) return;
		say(`the main instance exited; see ${setup.main.logFile}`);
		void stop(1);
	});
}

main(process.argv.slice(2)).catch((error) => {
	console.error(error.stack || error.message);
	process.exit(1);
});
