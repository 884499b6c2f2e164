#!/usr/bin/env node
// Steps of scripts/start.sh that are easier in JavaScript. They run under the environment that
// `cube_n8n_env LINE PURPOSE` exported (N8N_USER_FOLDER, CUBE_N8N_LINE, ...).
//
//   node scripts/lib/cli.js pack                         # prints the tarball's path
//   node scripts/lib/cli.js install-package TARBALL
//   node scripts/lib/cli.js import-fixtures SANDBOX_URL GEN2_SANDBOX_URL  # credentials always; examples once
//   node scripts/lib/cli.js setup-owner                  # waits for n8n, creates the owner
'use strict';
const fs = require('fs');
const path = require('path');

const h = require('./harness');
const { PROJECT_DIR } = require('./n8n-env');

const EXAMPLES_DIR = path.join(PROJECT_DIR, 'examples');
const UPSERT_EXAMPLE_ID = 'cubeExCrmUpsert1';

async function importFixtures(sandboxUrl, gen2SandboxUrl) {
	const env = process.env;
	// the sandboxes' addresses change between starts, so the credentials are imported every time
	await h.importCredentials(env, h.credentialRecords(sandboxUrl, gen2SandboxUrl), env.N8N_USER_FOLDER);
	// the examples only once: later starts keep what the user changed in them
	const marker = path.join(env.N8N_USER_FOLDER, '.examples-imported');
	if (fs.existsSync(marker)) return;
	await h.importWorkflows(env, EXAMPLES_DIR);
	await h.activateWorkflow(env, UPSERT_EXAMPLE_ID);
	fs.writeFileSync(marker, `${new Date().toISOString()}\n`);
}

async function setupOwner() {
	const baseUrl = `http://127.0.0.1:${process.env.N8N_PORT}`;
	const deadline = Date.now() + 120_000;
	for (;;) {
		try {
			const res = await fetch(`${baseUrl}/rest/settings`, { signal: AbortSignal.timeout(2000) });
			if (res.status === 200) break;
		} catch {
			/* not listening yet */
		}
		if (Date.now() > deadline) throw new Error(`n8n did not answer ${baseUrl}/rest/settings within 120 s`);
		await h.sleep(500);
	}
	const rest = new h.N8nRest(baseUrl);
	await rest.setupOwner();
	await rest.login();
}

async function main([command, arg, arg2]) {
	switch (command) {
		case 'pack':
			console.log(await h.packPackage());
			break;
		case 'install-package':
			await h.installPackage(process.env, arg);
			break;
		case 'import-fixtures':
			await importFixtures(arg, arg2);
			break;
		case 'setup-owner':
			await setupOwner();
			break;
		case 'owner':
			console.log(`${h.OWNER.email} ${h.OWNER.password}`);
			break;
		default:
			throw new Error(`unknown command ${command}`);
	}
}

main(process.argv.slice(2)).catch((error) => {
	console.error(error.message);
	process.exit(1);
});
