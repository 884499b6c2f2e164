#!/usr/bin/env node
// End-to-end tests of the packed package in a real n8n of one line (installed beforehand by
// scripts/n8n-install.sh LINE): `n8n execute` of each e2e workflow against the Cube sandbox,
// then `n8n start` for the REST checks (node types, credential test, webhook of example b).
//
//   node test/e2e/run.js --line 1 [--tarball path.tgz] [--only substring | --only rest]
// `--only rest`: only the checks of `n8n start` (the trigger's among them). On line 2 that start
// runs n8n's durable scheduler for poll triggers (DURABLE_SCHEDULER_ENV), where n8n is going.
'use strict';
const fs = require('fs');
const path = require('path');

const { importCredentials, importWorkflowList, activateWorkflow, parseRun } = require('../../scripts/lib/n8n-cli');
const { DURABLE_SCHEDULER_ENV, n8nEnv, linePaths, PROJECT_DIR } = require('../../scripts/lib/n8n-env');
const { OWNER, startN8n, N8nRest } = require('../../scripts/lib/n8n-server');
const { packPackage, installIntoEmptyUserFolder } = require('../../scripts/lib/package');
const { runInGroup, stopAll } = require('../../scripts/lib/processes');
const { SANDBOX_TOKEN, cubeReader, sandboxControl, startSandbox, todayAtNoonUtc } = require('../../scripts/lib/sandbox-client');
const { NODE_TYPE, TRIGGER_NODE_TYPE, CREDENTIAL_ID, credentialRecords, credentialRef } = require('../../scripts/lib/workflows');
const { browserChecks, chromiumAvailable } = require('./browser');
const { cases: gen1Cases, credentialsFor, BAD_TOKEN, BAD_CREDENTIAL_ID } = require('./cases');
const { gen2Cases } = require('./cases-gen2');
const { TRIGGERS, triggerWorkflow, addAfterActivation, checkTriggerDelivers, checkRestartDelivers } = require('./trigger');
const { MCP_EXAMPLE, agentCase, checkMcpServer, fakeModelCredential, startAgentModel } = require('./agents');

const RUN_TIMEOUT_MS = 120_000;
/** Node version 1 against a generation-1 sandbox, version 2 against a generation-2 one. */
const cases = [...gen1Cases, ...gen2Cases];
const UPSERT_EXAMPLE_ID = 'cubeExCrmUpsert1';

function parseArgs(argv) {
	const args = { line: '1', tarball: undefined, only: undefined };
	for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, '')] = argv[i + 1];
	return args;
}

/** Collects results; prints one line per check and the closing tally. */
class Tally {
	constructor(prefix) {
		this.prefix = prefix;
		this.passed = 0;
		this.failed = 0;
	}

	async check(name, fn) {
		const started = Date.now();
		try {
			const detail = await fn();
			this.passed++;
			console.log(`  ok   ${this.prefix} ${name} (${Date.now() - started} ms)${detail ? ` — ${detail}` : ''}`);
		} catch (error) {
			this.failed++;
			console.log(`  FAIL ${this.prefix} ${name} (${Date.now() - started} ms)\n       ${String(error.message).split('\n').join('\n       ')}`);
		}
	}
}

/**
 * `n8n execute` of one workflow. Its output goes through files: n8n ends with process.exit()
 * right after printing the run, and into a pipe the tail of a large run can be lost.
 */
async function executeWorkflow(env, id, workDir) {
	const bin = linePaths(env.CUBE_N8N_LINE).n8nBin;
	const outputFile = path.join(workDir, `execute-${id}`);
	const { code, signal, stdout, stderr } = await runInGroup(bin, ['execute', '--id', id, '--rawOutput'], { env, timeoutMs: RUN_TIMEOUT_MS, outputFile });
	return { ok: code === 0, signal, stdout, stderr };
}

async function prepareUserFolder(env, tarball, sandboxes, model, workDir) {
	await installIntoEmptyUserFolder(env, tarball);
	await importCredentials(env, [...credentialsFor(sandboxes[1].url, sandboxes[2].url), fakeModelCredential(model)], workDir);
	const triggers = Object.values(TRIGGERS).map((target) => triggerWorkflow(CREDENTIAL_ID, target));
	const workflows = [...cases.map((testCase) => testCase.workflow), ...triggers, MCP_EXAMPLE];
	await importWorkflowList(env, workflows, path.join(workDir, 'workflows'));
}

async function runExecuteCases(tally, env, apis, only, workDir) {
	for (const testCase of cases) {
		if (only && !testCase.workflow.name.includes(only) && testCase.workflow.id !== only) continue;
		await tally.check(`execute ${testCase.workflow.name}`, async () => {
			const result = await executeWorkflow(env, testCase.workflow.id, workDir);
			const rawText = `${result.stdout}\n${result.stderr}`;
			const run = parseRun(result.stdout);
			// n8n 1.123 now and then dies of SIGSEGV while exiting, after printing the whole run (a
			// native module's teardown); the run is what is checked, and the tally says so
			const crashedAfterRun = !result.ok && result.signal && run.status === 'success';
			if (testCase.expectFailure && result.ok) throw new Error('expected `n8n execute` to exit non-zero');
			if (!testCase.expectFailure && !result.ok && !crashedAfterRun) {
				const error = run.data.resultData.error;
				throw new Error(`n8n execute failed: ${error ? `${error.message} ${error.description || ''}` : rawText.slice(-1500)}`);
			}
			const detail = await testCase.check(run, { api: apis[testCase.generation ?? 1], rawText });
			return crashedAfterRun ? `${detail} (n8n died of ${result.signal} as it exited)` : detail;
		});
	}
}

/** The MCP Server Trigger example, active, in an `n8n start` of its own, called by an MCP client. */
async function runMcpChecks(tally, env, apis, logFile) {
	let n8n;
	await tally.check('activate the MCP server example and start n8n', async () => {
		await activateWorkflow(env, MCP_EXAMPLE.id);
		n8n = await startN8n(env, { logFile });
		return n8n.baseUrl;
	});
	if (!n8n) return;
	try {
		await tally.check('an MCP client lists the Cube tools and calls each: schemas, answers, sizes, errors', async () => {
			return await checkMcpServer(n8n.baseUrl, apis[2]);
		});
	} finally {
		await n8n.stop();
	}
}

function credentialPayload(sandboxUrl, token) {
	// what the editor sends: the credential without the import's time stamps
	const [{ id, name, type, data }] = credentialRecords(sandboxUrl, { token });
	return { credentials: { id, name, type, data } };
}

async function runRestChecks(tally, lineEnv, sandboxes, apis, logFile) {
	const sandboxUrl = sandboxes[1].url;
	const gen2SandboxUrl = sandboxes[2].url;
	const api = apis[1];
	const env = lineEnv.CUBE_N8N_LINE === '2' ? { ...lineEnv, ...DURABLE_SCHEDULER_ENV } : lineEnv;
	// version 1 on generation 1, version 2 on generation 2
	const watches = Object.values(TRIGGERS).map((target) => ({ sandboxUrl: sandboxes[target.typeVersion].url, target }));
	let n8n;
	await tally.check('activate the webhook of example b', async () => {
		await activateWorkflow(env, UPSERT_EXAMPLE_ID);
	});
	for (const target of Object.values(TRIGGERS)) {
		await tally.check(`activate the trigger workflow (version ${target.typeVersion})`, async () => {
			await activateWorkflow(env, target.workflowId);
		});
	}
	// from here on only the triggers read their lists, so the sandboxes' logs count their polls
	for (const sandbox of Object.values(sandboxes)) await sandboxControl(sandbox.url).clearRequests();
	const scheduler = env.N8N_SCHEDULER_ENABLED ? ", n8n's durable scheduler" : '';
	await tally.check(`n8n start answers /rest/settings${scheduler}`, async () => {
		n8n = await startN8n(env, { logFile });
		return n8n.baseUrl;
	});
	if (!n8n) return;
	try {
		const afterActivation = watches.map(() => []);
		await tally.check('the trigger (both versions): a record added right after the activation poll', async () => {
			for (const [n, watch] of watches.entries()) afterActivation[n].push(await addAfterActivation(watch));
		});
		let rest = new N8nRest(n8n.baseUrl);
		await tally.check('REST owner setup and login', async () => {
			await rest.setupOwner();
			await rest.login();
			return OWNER.email;
		});
		await tally.check('REST /types/nodes.json lists the node and trigger', async () => {
			const { status, json } = await rest.request('GET', '/types/nodes.json');
			if (status !== 200) throw new Error(`status ${status}`);
			const names = json.map((type) => type.name);
			for (const name of [NODE_TYPE, TRIGGER_NODE_TYPE]) {
				if (!names.includes(name)) throw new Error(`${name} missing among ${names.length} types`);
			}
			return `${names.length} node types`;
		});
		await tally.check('REST /types/nodes.json: the node has versions 1, 2 and 2.1, new nodes get 2.1', async () => {
			const { json } = await rest.request('GET', '/types/nodes.json');
			const cube = json.filter((type) => type.name === NODE_TYPE);
			const versions = cube.flatMap((type) => [type.version].flat()).sort();
			if (JSON.stringify(versions) !== '[1,2,2.1]') throw new Error(`versions ${JSON.stringify(versions)}`);
			const defaults = new Set(cube.map((type) => type.defaultVersion));
			if (defaults.size !== 1 || !defaults.has(2.1)) throw new Error(`defaultVersion ${[...defaults]}`);
			const v2 = cube.find((type) => [type.version].flat().includes(2));
			const resources = v2.properties.find((p) => p.name === 'resource').options.map((o) => o.value);
			return `version 2 resources: ${resources.join(', ')}`;
		});
		await tally.check('REST credential test passes with the sandbox token', async () => {
			const { status, json, text } = await rest.request('POST', '/rest/credentials/test', credentialPayload(sandboxUrl, SANDBOX_TOKEN));
			const result = json && (json.data || json);
			if (status !== 200 || result.status !== 'OK') throw new Error(`${status} ${text.slice(0, 400)}`);
			return result.message;
		});
		await tally.check('REST credential test passes on a generation-2 tenant', async () => {
			const { status, json, text } = await rest.request('POST', '/rest/credentials/test', credentialPayload(gen2SandboxUrl, SANDBOX_TOKEN));
			const result = json && (json.data || json);
			if (status !== 200 || result.status !== 'OK') throw new Error(`${status} ${text.slice(0, 400)}`);
			return result.message;
		});
		await tally.check('REST credential test fails with a wrong token', async () => {
			const { status, json, text } = await rest.request('POST', '/rest/credentials/test', credentialPayload(sandboxUrl, BAD_TOKEN));
			const result = json && (json.data || json);
			if (status !== 200 || result.status !== 'Error') throw new Error(`${status} ${text.slice(0, 400)}`);
			if (text.includes(BAD_TOKEN)) throw new Error('the token appears in the answer');
			return result.message;
		});
		await tally.check('REST campaign list for the editor dropdown', async () => {
			return await campaignDropdown(rest, api);
		});
		// both versions at once: each waits for polls of its own list
		await Promise.all(
			watches.map((watch, n) =>
				tally.check(`the active trigger version ${watch.target.typeVersion} delivers records added after the activation and while n8n runs, each exactly once`, async () => {
					return await checkTriggerDelivers(rest, watch, afterActivation[n]);
				}),
			),
		);
		await tally.check('the trigger (both versions): records added while n8n is stopped each arrive exactly once after it starts again', async () => {
			return await checkRestartDelivers(watches, async (whileDown) => {
				await n8n.stop();
				await whileDown();
				n8n = await startN8n(env, { logFile: logFile.replace(/\.log$/, '-restarted.log') });
				rest = new N8nRest(n8n.baseUrl);
				await rest.login();
				return rest;
			});
		});
		await tally.check('webhook of example b upserts a CRM record and a list', async () => {
			return await upsertThroughWebhook(n8n.baseUrl, api);
		});
		if (process.env.CUBE_E2E_BROWSER === '0') {
			console.log('  skip browser checks (CUBE_E2E_BROWSER=0)');
		} else if (!chromiumAvailable()) {
			console.log('  skip browser checks: no Chromium (apt-get install chromium)');
		} else {
			await browserChecks(tally, n8n.baseUrl, path.join(path.dirname(logFile), 'browser'));
		}
	} finally {
		await n8n.stop();
	}
}

/** What a CRM would do: POST changed records to the active webhook of example b. */
async function upsertThroughWebhook(baseUrl, api) {
	const post = async (body) => {
		const res = await fetch(`${baseUrl}/webhook/cube-crm-upsert`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(60_000),
		});
		const text = await res.text();
		if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${text.slice(0, 400)}`);
		return JSON.parse(text);
	};
	const one = await post({ id: 990201, full_name: 'Webhook Enkel', mobile: '+47 900 00 201', email: 'enkel@example.no', city: 'Molde', customer_since: '2023-03-03' });
	const many = await post([
		{ id: 990202, full_name: 'Webhook Liste', mobile: '+47 900 00 202', email: 'liste@example.no', city: 'Narvik', customer_since: '2022-02-02' },
		{ id: 100004, full_name: 'Endret Navn', mobile: '+47 900 00 204', email: 'endret@example.no', city: 'Alta', customer_since: '2021-01-01' },
	]);
	if (one.length !== 1 || many.length !== 2) throw new Error(`answers: ${JSON.stringify([one, many]).slice(0, 400)}`);
	for (const [id, name] of [[990201, 'Webhook Enkel'], [990202, 'Webhook Liste'], [100004, 'Endret Navn']]) {
		const { status, json } = await api.customer(9, id);
		if (status !== 200 || json.name !== name) throw new Error(`customer ${id}: ${status} ${JSON.stringify(json).slice(0, 200)}`);
	}
	return 'one object and a list of two upserted';
}

/** The resource locator's list mode, as the editor asks for it. */
async function campaignDropdown(rest, api) {
	const body = {
		nodeTypeAndVersion: { name: NODE_TYPE, version: 1 },
		path: 'parameters.campaignId',
		methodName: 'searchCampaigns',
		currentNodeParameters: { resource: 'response', operation: 'getAll', campaignId: { __rl: true, mode: 'list', value: '' } },
		credentials: credentialRef(),
		filter: '',
	};
	const { status, json, text } = await rest.request('POST', '/rest/dynamic-node-parameters/resource-locator-results', body);
	if (status !== 200) throw new Error(`${status} ${text.slice(0, 400)}`);
	const results = (json.data || json).results;
	const expected = await api.getAll('/api/v1/campaigns?include_inactive_campaigns=True');
	if (!Array.isArray(results) || results.length === 0) throw new Error(`no results: ${text.slice(0, 300)}`);
	const unknown = results.filter((r) => !expected.some((campaign) => String(campaign.campaign_id) === String(r.value)));
	if (unknown.length) throw new Error(`values not in Cube: ${JSON.stringify(unknown).slice(0, 300)}`);
	return `${results.length} campaigns, first "${results[0].name}"`;
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const started = Date.now();
	const tally = new Tally(`[line ${args.line}]`);
	const paths = linePaths(args.line);
	if (!fs.existsSync(path.join(paths.n8nDir, '.installed'))) {
		throw new Error(`n8n line ${args.line} is not installed: run bash scripts/n8n-install.sh ${args.line}`);
	}
	const workDir = path.join(PROJECT_DIR, 'test-output', `e2e-line${args.line}`);
	fs.mkdirSync(workDir, { recursive: true });
	const tarball = args.tarball || (await packPackage());
	const env = await n8nEnv(args.line, `e2e-line${args.line}`, { jsonLog: true });

	const sandboxes = {};
	const model = await startAgentModel();
	cases.push(agentCase(model));
	const cleanup = async () => {
		await Promise.all(Object.values(sandboxes).map(async (sandbox) => await sandbox.stop()));
		await model.stop();
	};
	process.once('SIGINT', () => stopAll().then(() => process.exit(130)));
	process.once('SIGTERM', () => stopAll().then(() => process.exit(143)));
	try {
		for (const generation of [1, 2]) {
			const logFile = path.join(workDir, `sandbox-gen${generation}.log`);
			sandboxes[generation] = await startSandbox({ now: todayAtNoonUtc(), freezeClock: true, generation, logFile });
		}
		const apis = { 1: cubeReader(sandboxes[1].url), 2: cubeReader(sandboxes[2].url) };
		console.log(`[line ${args.line}] n8n ${paths.n8nVersion}, sandboxes ${sandboxes[1].url} and ${sandboxes[2].url} (generation 2), user folder ${env.N8N_USER_FOLDER}`);
		let prepared = false;
		await tally.check('install the packed package and import fixtures', async () => {
			await prepareUserFolder(env, tarball, sandboxes, model, workDir);
			prepared = true;
			return path.basename(tarball);
		});
		if (prepared) {
			const restOnly = args.only === 'rest';
			if (!restOnly) await runExecuteCases(tally, env, apis, args.only, workDir);
			if (!args.only || /mcp/i.test(args.only)) await runMcpChecks(tally, env, apis, path.join(workDir, 'n8n-mcp.log'));
			if (!args.only || restOnly) await runRestChecks(tally, env, sandboxes, apis, path.join(workDir, 'n8n-start.log'));
		}
	} finally {
		await cleanup();
	}
	console.log(`[line ${args.line}] done in ${Math.round((Date.now() - started) / 1000)} s`);
	console.log(`${tally.passed} passed, ${tally.failed} failed`);
	process.exitCode = tally.failed ? 1 : 0;
}

module.exports = { parseRun, Tally, BAD_CREDENTIAL_ID };

if (require.main === module) {
	main().catch((error) => {
		console.error(error.stack || error.message);
		console.log('0 passed, 1 failed');
		process.exit(1);
	});
}
