#!/usr/bin/env node
// The package the way n8n users get it, in a real n8n of one line and a real browser: published
// to a local npm registry (Verdaccio, scripts/lib/registry.js), installed through Settings →
// Community Nodes, used in a saved workflow against the Cube sandbox, upgraded to a newer
// version published meanwhile, the saved workflow run again, and uninstalled.
//
//   node test/e2e/registry.js --line 1 [--tarball path.tgz]
//
// n8n treats a registry other than npm's as a licensed feature; started with E2E_TESTS=true it
// takes PATCH /rest/e2e/feature to turn that feature on. Its installer is otherwise the one
// users run. The editor offers "Update" only when `npm outdated` (asked of the public registry)
// reports a newer version, so it never does here: the upgrade is the REST call that button
// makes, sent from the logged-in editor page.
'use strict';
const fs = require('fs');
const path = require('path');

const { importCredentials, importWorkflowList } = require('../../scripts/lib/n8n-cli');
const { n8nEnv, installedLinePaths, PROJECT_DIR } = require('../../scripts/lib/n8n-env');
const { startN8n, N8nRest } = require('../../scripts/lib/n8n-server');
const { packPackage } = require('../../scripts/lib/package');
const { emptyFolder } = require('../../scripts/lib/folders');
const { stopAll, sleep } = require('../../scripts/lib/processes');
const { startRegistry, nextPatchVersion } = require('../../scripts/lib/registry');
const { cubeReader, startSandbox, todayAtNoonUtc } = require('../../scripts/lib/sandbox-client');
const { PACKAGE_NAME, NODE_TYPE, credentialRecords, chainWorkflow, cubeNode } = require('../../scripts/lib/workflows');
const { chromiumAvailable, launch, logIn } = require('./browser');
const ui = require('./community-packages-ui');
const { Tally } = require('./run');

const WORKFLOW_ID = 'cubeRegistryRun01';
const CUBE_NODE = 'All campaigns';
const CUSTOM_REGISTRY = 'feat:communityNodes:customRegistry';

function parseArgs(argv) {
	const args = { line: '1', tarball: undefined };
	for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, '')] = argv[i + 1];
	return args;
}

/** A saved workflow that waits for the package: a Manual Trigger, then the node reading campaigns. */
function savedWorkflow() {
	const node = cubeNode({ id: `${WORKFLOW_ID}-cube`, name: CUBE_NODE, parameters: { resource: 'campaign', operation: 'getAll', includeInactive: true } });
	return chainWorkflow(WORKFLOW_ID, 'Campaigns from Cube (registry install)', [node]);
}

/**
 * Right after /rest/settings answers, n8n may still say "n8n is starting up" to other routes;
 * the feature switch is retried until n8n has taken it.
 */
async function enableCustomRegistry(rest) {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const { status, json, text } = await rest.request('PATCH', '/rest/e2e/feature', { feature: CUSTOM_REGISTRY, enabled: true });
		if (status === 200 && json && !/starting up/i.test(text)) return;
		if (Date.now() > deadline) throw new Error(`PATCH /rest/e2e/feature: ${status} ${text.slice(0, 300)}`);
		await sleep(1000);
	}
}

async function installedPackages(rest) {
	const { status, json, text } = await rest.request('GET', '/rest/community-packages');
	if (status !== 200) throw new Error(`GET /rest/community-packages: ${status} ${text.slice(0, 300)}`);
	return json.data ?? json;
}

async function nodeTypeNames(rest) {
	const { json } = await rest.request('GET', '/types/nodes.json');
	return new Set(json.map((type) => type.name));
}

async function browserRun(tally, { baseUrl, rest, registry, tarball, workDir, campaignCount }) {
	const shots = path.join(workDir, 'browser');
	fs.mkdirSync(shots, { recursive: true });
	const shot = async (page, name) => await page.screenshot({ path: path.join(shots, `${name}.png`) });
	const expectItems = (counts) => {
		const expected = `${campaignCount} items`;
		if (!counts.includes(expected)) throw new Error(`the canvas shows ${JSON.stringify(counts)}, not "${expected}" (the sandbox's campaigns)`);
		return `the canvas shows "${expected}" after ${CUBE_NODE}`;
	};
	const browser = await launch();
	let page;
	// a failed check leaves a picture of the page it failed on
	const check = async (name, fn) => {
		const failedBefore = tally.failed;
		await tally.check(name, fn);
		if (tally.failed > failedBefore && page) await shot(page, `failed-${tally.failed}`).catch(() => undefined);
	};
	try {
		await check('browser: log in', async () => {
			page = await logIn(browser, baseUrl);
		});
		if (!page) return;
		let installed = false;
		await check('install through Settings → Community Nodes from the local registry', async () => {
			const { version } = await ui.installFromSettings(page, baseUrl, PACKAGE_NAME, { modalShot: path.join(shots, '00-install-dialog.png') });
			await shot(page, '01-installed');
			const [pkg] = await installedPackages(rest);
			if (pkg?.packageName !== PACKAGE_NAME) throw new Error(`installed: ${JSON.stringify(pkg).slice(0, 300)}`);
			installed = true;
			return `card shows ${version}; n8n lists ${pkg.packageName}@${pkg.installedVersion} with ${pkg.installedNodes.map((n) => n.name).join(', ')}`;
		});
		if (!installed) return;
		await check('a saved workflow with the node runs against the sandbox from the editor', async () => {
			const counts = await ui.runSavedWorkflow(page, baseUrl, WORKFLOW_ID, CUBE_NODE);
			await shot(page, '02-workflow-run');
			return expectItems(counts);
		});
		await check('the node panel offers the installed node', async () => {
			const entry = await ui.nodePanelLists(page, baseUrl, { workflowId: WORKFLOW_ID, nodeName: CUBE_NODE }, 'Headshed Cube', 'Headshed Cube');
			await shot(page, '03-node-panel');
			return `"${entry.slice(0, 80)}"`;
		});
		let upgraded;
		await check('upgrade to a newer version published to the registry', async () => {
			upgraded = await nextPatchVersion(tarball, workDir);
			await registry.publish(upgraded.dir);
			await ui.openCommunityNodes(page, baseUrl);
			const { card } = await ui.packageCard(page, PACKAGE_NAME);
			const offered = await ui.offersUpdate(card);
			const { status, text } = await ui.updateThroughEditorSession(page, PACKAGE_NAME);
			if (status !== 200) throw new Error(`PATCH /rest/community-packages: ${status} ${text}`);
			await ui.openCommunityNodes(page, baseUrl);
			const { version } = await ui.packageCard(page, PACKAGE_NAME);
			await shot(page, '04-upgraded');
			if (version !== `v${upgraded.version}`) throw new Error(`the card shows ${version} after the upgrade to ${upgraded.version}`);
			const how = offered ? 'the card offered Update' : 'no "Update" on the card (n8n asks the public registry); the REST call the button makes, from the editor page';
			return `card shows ${version}; ${how}`;
		});
		await check('after the upgrade the saved workflow still runs', async () => {
			const counts = await ui.runSavedWorkflow(page, baseUrl, WORKFLOW_ID, CUBE_NODE);
			await shot(page, '05-workflow-after-upgrade');
			return expectItems(counts);
		});
		await check('uninstall through Settings → Community Nodes', async () => {
			await ui.uninstallFromSettings(page, baseUrl, PACKAGE_NAME);
			await shot(page, '06-uninstalled');
			const left = await installedPackages(rest);
			if (left.length) throw new Error(`still installed: ${left.map((p) => p.packageName).join(', ')}`);
			if ((await nodeTypeNames(rest)).has(NODE_TYPE)) throw new Error(`${NODE_TYPE} is still a node type`);
			return 'no package left; the node type is gone';
		});
	} finally {
		await browser.close();
	}
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const started = Date.now();
	const tally = new Tally(`[registry line ${args.line}]`);
	const paths = installedLinePaths(args.line);
	if (!chromiumAvailable()) throw new Error('no Chromium for the editor: apt-get install chromium');
	const workDir = emptyFolder(path.join(PROJECT_DIR, 'test-output', `e2e-registry-line${args.line}`));
	const tarball = args.tarball || (await packPackage());
	const env = await n8nEnv(args.line, `e2e-registry-line${args.line}`, { jsonLog: true });
	emptyFolder(env.N8N_USER_FOLDER);

	const running = [];
	process.once('SIGINT', () => stopAll().then(() => process.exit(130)));
	process.once('SIGTERM', () => stopAll().then(() => process.exit(143)));
	try {
		const sandbox = await startSandbox({ now: todayAtNoonUtc(), freezeClock: true, logFile: path.join(workDir, 'sandbox.log') });
		running.push(sandbox);
		const registry = await startRegistry({ logFile: path.join(workDir, 'verdaccio.log') });
		running.push(registry);
		const campaignCount = (await cubeReader(sandbox.url).getAll('/api/v1/campaigns?include_inactive_campaigns=True')).length;
		console.log(`[registry line ${args.line}] n8n ${paths.n8nVersion}, registry ${registry.url}, sandbox ${sandbox.url}`);
		let n8n;
		await tally.check('publish the packed package to the local registry, start n8n pointed at it', async () => {
			await registry.publish(tarball);
			await importCredentials(env, credentialRecords(sandbox.url), workDir);
			await importWorkflowList(env, [savedWorkflow()], path.join(workDir, 'workflows'));
			Object.assign(env, { N8N_COMMUNITY_PACKAGES_REGISTRY: registry.url, E2E_TESTS: 'true' });
			n8n = await startN8n(env, { logFile: path.join(workDir, 'n8n.log') });
			running.push(n8n);
			return `${path.basename(tarball)} → ${registry.url}`;
		});
		if (!n8n) return;
		const rest = new N8nRest(n8n.baseUrl);
		await tally.check('owner, login, and the custom-registry feature on', async () => {
			await enableCustomRegistry(rest);
			await rest.setupOwner();
			await rest.login();
			if ((await nodeTypeNames(rest)).has(NODE_TYPE)) throw new Error(`${NODE_TYPE} is there before the install`);
		});
		await browserRun(tally, { baseUrl: n8n.baseUrl, rest, registry, tarball, workDir, campaignCount });
	} finally {
		for (const part of running.reverse()) await part.stop();
		console.log(`[registry line ${args.line}] done in ${Math.round((Date.now() - started) / 1000)} s`);
		console.log(`${tally.passed} passed, ${tally.failed} failed`);
		process.exitCode = tally.failed ? 1 : 0;
	}
}

if (require.main === module) {
	main().catch((error) => {
		console.error(error.stack || error.message);
		console.log('0 passed, 1 failed');
		process.exit(1);
	});
}
