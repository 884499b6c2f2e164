#!/usr/bin/env node
// Steps of scripts/start.sh that are easier in JavaScript. Each step that runs n8n or npm for a
// line computes that line's environment itself (scripts/lib/n8n-env.js), from its arguments.
//
//   node scripts/lib/cli.js pack                                       # prints the tarball's path
//   node scripts/lib/cli.js install-package LINE PURPOSE TARBALL
//   node scripts/lib/cli.js import-fixtures LINE PURPOSE SANDBOX_URL [GEN2_SANDBOX_URL]
//                                                      # credentials always; examples once
//   node scripts/lib/cli.js setup-owner BASE_URL                       # waits for n8n, creates the owner
//   node scripts/lib/cli.js owner                                      # prints the owner's email and password
// PURPOSE names the user folder, .n8n-data/PURPOSE, as in `cube_n8n_env LINE PURPOSE`.
'use strict';
const fs = require('fs');
const path = require('path');

const { importCredentials, importWorkflows, activateWorkflow } = require('./n8n-cli');
const { PROJECT_DIR, n8nEnv } = require('./n8n-env');
const { OWNER, waitForN8n, N8nRest } = require('./n8n-server');
const { packPackage, installPackage } = require('./package');
const { sandboxCredentialRecords } = require('./workflows');

const EXAMPLES_DIR = path.join(PROJECT_DIR, 'examples');
const UPSERT_EXAMPLE_ID = 'cubeExCrmUpsert1';

async function importFixtures(env, sandboxUrl, gen2SandboxUrl) {
	// the sandboxes' addresses change between starts, so the credentials are imported every time
	await importCredentials(env, sandboxCredentialRecords(sandboxUrl, gen2SandboxUrl), env.N8N_USER_FOLDER);
	// the examples only once: later starts keep what the user changed in them
	const marker = path.join(env.N8N_USER_FOLDER, '.examples-imported');
	if (fs.existsSync(marker)) return;
	await importWorkflows(env, EXAMPLES_DIR);
	await activateWorkflow(env, UPSERT_EXAMPLE_ID);
	fs.writeFileSync(marker, `${new Date().toISOString()}\n`);
}

async function setupOwner(baseUrl) {
	await waitForN8n(baseUrl, { timeoutMs: 120_000 });
	const rest = new N8nRest(baseUrl);
	await rest.setupOwner();
	await rest.login();
}

function required(value, what) {
	if (!value) throw new Error(`missing ${what} (see the usage at the top of scripts/lib/cli.js)`);
	return value;
}

async function main([command, ...args]) {
	const lineEnv = async () => await n8nEnv(required(args[0], 'LINE'), required(args[1], 'PURPOSE'));
	switch (command) {
		case 'pack':
			console.log(await packPackage());
			break;
		case 'install-package':
			await installPackage(await lineEnv(), required(args[2], 'TARBALL'));
			break;
		case 'import-fixtures':
			await importFixtures(await lineEnv(), required(args[2], 'SANDBOX_URL'), args[3]);
			break;
		case 'setup-owner':
			await setupOwner(required(args[0], 'BASE_URL'));
			break;
		case 'owner':
			console.log(`${OWNER.email} ${OWNER.password}`);
			break;
		default:
			throw new Error(`unknown command ${command}`);
	}
}

main(process.argv.slice(2)).catch((error) => {
	console.error(error.message);
	process.exit(1);
});
