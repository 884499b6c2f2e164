#!/usr/bin/env node
// The editor as a person sees it: headless Debian Chromium through playwright-core. Logs in,
// opens example (a) and the canvas subtitles, the Headshed Cube node, its resource/operation
// lists and the live campaign dropdown, the node panel beside the trigger, the assignment list
// after "By ID", the credential's connection test, and a node freshly placed from the node panel
// (version 2, generation-2 resources and credential, Data Owner list with IDs, Custom Field Labels
// in its Options). Screenshots go to test-output/browser/.
//
//   node test/e2e/browser.js http://127.0.0.1:5678     # against `npm start`
// (test/e2e/run.js calls browserChecks() when Chromium is installed.)
'use strict';
const fs = require('fs');
const path = require('path');

const { OWNER, CREDENTIAL_ID, GEN2_CREDENTIAL_NAME } = require('../../scripts/lib/harness');
const { TRIGGER_WORKFLOW_ID } = require('./trigger');

const CHROMIUM = process.env.CUBE_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
const SYNC_EXAMPLE_ID = 'cubeExSyncResp01';
const UPSERT_EXAMPLE_ID = 'cubeExCrmUpsert1';
const RESPONSES_NODE = 'Get responses of the last 7 days';
const UPSERT_NODE = 'Upsert customer in Cube';
const GEN2_EXAMPLE_ID = 'cubeExG2Outcome1';
const GEN2_NODE = "Get yesterday's call outcomes";

function chromiumAvailable() {
	return fs.existsSync(CHROMIUM);
}

async function launch() {
	const { chromium } = require('playwright-core');
	return await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, timeout: 60_000 });
}

/** A new page of `browser`, logged in to the editor at `baseUrl` as the owner. */
async function logIn(browser, baseUrl) {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	const page = await context.newPage();
	page.setDefaultTimeout(20_000);
	await page.goto(`${baseUrl}/signin`);
	await page.locator('input[type="email"], input[name="emailOrLdapLoginId"]').first().fill(OWNER.email);
	await page.locator('input[type="password"]').first().fill(OWNER.password);
	await page.locator('[data-test-id="form-submit-button"], button[type="submit"]').first().click();
	await page.waitForURL((url) => !url.pathname.includes('signin'), { timeout: 30_000 });
	return page;
}

/**
 * Opens a select and returns its options' texts and locator. Element Plus renders the options in
 * a popper elsewhere in the page, named by the input's aria-controls.
 */
async function openSelect(page, select) {
	const input = select.locator('input[aria-controls]').first();
	await input.click();
	const listId = await input.getAttribute('aria-controls');
	const options = page.locator(`[id="${listId}"] [role="option"]`);
	await options.first().waitFor({ timeout: 15_000 });
	const texts = (await options.allInnerTexts()).map((text) => text.trim().split('\n')[0]).filter(Boolean);
	return { texts, options };
}

async function closeSelect(page) {
	await page.keyboard.press('Escape');
	await page.waitForTimeout(300);
}

/** The parameter input of a node parameter in the open node view. */
function parameterInput(page, name) {
	return page.locator(`[data-test-id="parameter-input-${name}"]`).first();
}

/**
 * Goes to an editor route as a link inside the editor does: the loaded editor's own router
 * takes it, without loading the app again (on two busy cores a page load of the editor costs
 * 10-20 s). Where no editor is loaded yet, it already shows that route, or its router does not
 * take the route, the page is loaded.
 */
async function goToRoute(page, baseUrl, route) {
	const here = new URL(page.url());
	const routed =
		here.origin === new URL(baseUrl).origin &&
		here.pathname !== route &&
		(await page.evaluate(async (to) => {
			// runs in the page: Vue keeps the app on its mount element, the router among its globals
			const router = globalThis.document.querySelector('#app')?.__vue_app__?.config.globalProperties.$router;
			if (!router) return false;
			// a push the router declines (another navigation under way, a guard) leaves the route
			await router.push(to);
			return router.currentRoute.value.path === to;
		}, route));
	if (!routed) await page.goto(`${baseUrl}${route}`);
}

/** Opens a workflow and waits for one of its nodes on the canvas; returns that node. */
async function openWorkflow(page, baseUrl, workflowId, nodeName, { timeoutMs = 30_000 } = {}) {
	await page.goto(`${baseUrl}/workflow/${workflowId}`);
	const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName}"], [data-name="${nodeName}"]`).first();
	await node.waitFor({ timeout: timeoutMs });
	await page.waitForTimeout(1000);
	return node;
}

/** Opens a node's settings (NDV) from the canvas. */
async function openNode(page, node) {
	await node.dblclick();
	await page.locator('[data-test-id="ndv"], .ndv-wrapper').first().waitFor({ timeout: 20_000 });
	await page.waitForTimeout(1000);
}

/**
 * Switches a resource locator of the open node to "From List" and returns the entries its list
 * shows, with the modes offered and what the input shows right after the switch.
 */
async function listModeEntries(page, parameter) {
	const locator = page.locator(`[data-test-id="resource-locator-${parameter}"]`);
	const { texts: modes, options } = await openSelect(page, locator.locator('[data-test-id="rlc-mode-selector"]'));
	await options.filter({ hasText: /from list/i }).first().click();
	await page.waitForTimeout(500);
	const input = locator.locator('[data-test-id="rlc-input-container"] input').first();
	const shown = await input.inputValue().catch(() => '');
	const items = page.locator('[data-test-id="rlc-item"]:visible, [data-test-id="resource-locator-dropdown"] li:visible');
	if (!(await items.count())) await input.click();
	await items.first().waitFor({ timeout: 20_000 });
	const names = (await items.allInnerTexts()).map((text) => text.trim().split('\n')[0]);
	return { modes, names, shown };
}

/** Opens the node panel with its plus button and searches `query`; returns the panel. */
async function searchNodePanel(page, query) {
	await page.locator('[data-test-id="node-creator-plus-button"]').first().click();
	const search = page.locator('[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]').first();
	await search.fill(query);
	return page.locator('[data-test-id="node-creator"]').first();
}

/**
 * Places `nodeName` into the open, empty workflow from the node panel as a person does: a Manual
 * Trigger first (in an empty workflow the panel offers only triggers), then the node's action
 * `action`; n8n places the node after the trigger and opens its settings (NDV).
 */
async function placeFromNodePanel(page, nodeName, action) {
	const triggers = await searchNodePanel(page, 'manual');
	await triggers.locator('[data-test-id="item-iterator-item"]', { hasText: /Trigger manually|Manual Trigger/i }).first().click();
	await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 20_000 });
	await triggers.waitFor({ state: 'hidden', timeout: 20_000 });
	const panel = await searchNodePanel(page, nodeName);
	await panel.locator('[data-test-id="item-iterator-item"]', { hasText: nodeName }).first().click();
	await panel.getByText(action).first().click();
	await page.locator('[data-test-id="ndv"], .ndv-wrapper').first().waitFor({ timeout: 20_000 });
	await page.waitForTimeout(1000);
}

/** The name of the credential chosen in the open node's settings. */
async function selectedCredential(page) {
	const select = page.locator('[data-test-id="ndv"] [data-test-id="node-credentials-select"]').first();
	await select.waitFor({ timeout: 20_000 });
	const input = select.locator('input').first();
	return ((await input.count()) ? await input.inputValue() : await select.innerText()).trim();
}

/** Whether the open node shows the input of the option `name` (of a collection such as Options). */
async function optionShown(page, name) {
	const input = page.locator(`[data-test-id="ndv"] [data-test-id="parameter-input-${name}"]`).first();
	return await input.waitFor({ timeout: 10_000 }).then(() => true, () => false);
}

/** The version line of the open node's Settings tab, e.g. "Headshed Cube node version 2 (Latest)". */
async function nodeVersionText(page) {
	await page.locator('[data-test-id="ndv"] [data-test-id="tab-settings"]').first().click();
	const version = page.locator('[data-test-id="ndv"] [data-test-id="node-version"]').first();
	await version.waitFor({ timeout: 20_000 });
	return (await version.innerText()).replace(/\s+/g, ' ').trim();
}

/** Just the node's parameter panel (for docs/node.png). */
async function shotOfNodePanel(page, file) {
	const title = await page.locator('[data-test-id="node-title-container"]').first().boundingBox();
	const params = await page.locator('[data-test-id="node-parameters"]').first().boundingBox();
	if (!title || !params) return;
	const viewport = page.viewportSize();
	const y = Math.max(0, title.y - 12);
	const bottom = Math.min(viewport.height, params.y + params.height + 12);
	await page.screenshot({ path: file, clip: { x: Math.max(0, params.x - 12), y, width: params.width + 24, height: bottom - y } });
}

async function browserChecks(tally, baseUrl, outDir) {
	fs.mkdirSync(outDir, { recursive: true });
	const shot = async (page, name) => await page.screenshot({ path: path.join(outDir, `${name}.png`) });
	let browser;
	let page;
	await tally.check('browser: log in to the editor', async () => {
		browser = await launch();
		page = await logIn(browser, baseUrl);
		await shot(page, '01-after-login');
		return page.url();
	});
	if (!page) return;
	try {
		await tally.check('browser: example (a) on the canvas, subtitles naming the picked options', async () => {
			const node = await openWorkflow(page, baseUrl, SYNC_EXAMPLE_ID, RESPONSES_NODE);
			await shot(page, '02-workflow');
			const canvas = await page.locator('.vue-flow, [data-test-id="canvas-wrapper"]').first().innerText();
			for (const subtitle of ['Get Many: Campaign', 'Get Many: Response']) {
				if (!canvas.includes(subtitle)) throw new Error(`no subtitle "${subtitle}" on the canvas: ${canvas.replace(/\s+/g, ' ').slice(0, 300)}`);
			}
			if (/getAll: /.test(canvas)) throw new Error('an internal value shows as a subtitle');
			await openNode(page, node);
			await shot(page, '03-node');
			await shotOfNodePanel(page, path.join(outDir, 'node-panel.png'));
			return `${RESPONSES_NODE}: "Get Many: Response"`;
		});
		await tally.check('browser: resource and operation lists', async () => {
			const { texts: resources } = await openSelect(page, parameterInput(page, 'resource'));
			await shot(page, '04-resources');
			await closeSelect(page);
			const { texts: operations } = await openSelect(page, parameterInput(page, 'operation'));
			await closeSelect(page);
			for (const expected of ['Assignment', 'Campaign', 'Client', 'Customer', 'Response']) {
				if (!resources.includes(expected)) throw new Error(`resources: ${resources.join(', ')}`);
			}
			if (!operations.some((op) => /Get Many/i.test(op))) throw new Error(`operations: ${operations.join(', ')}`);
			return `resources: ${resources.join(', ')}; operations: ${operations.join(', ')}`;
		});
		await tally.check('browser: a saved version-2 node offers the generation-2 resources', async () => {
			await page.goto(`${baseUrl}/workflow/${GEN2_EXAMPLE_ID}`);
			const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${GEN2_NODE}"], [data-name="${GEN2_NODE}"]`).first();
			await node.waitFor({ timeout: 30_000 });
			await node.dblclick();
			await page.locator('[data-test-id="ndv"], .ndv-wrapper').first().waitFor({ timeout: 20_000 });
			const { texts: resources } = await openSelect(page, parameterInput(page, 'resource'));
			await shot(page, '04b-gen2-resources');
			await closeSelect(page);
			for (const expected of ['Call Outcome', 'Customer Status', 'Data Owner', 'Product Registration']) {
				if (!resources.includes(expected)) throw new Error(`resources: ${resources.join(', ')}`);
			}
			await page.goto(`${baseUrl}/workflow/${SYNC_EXAMPLE_ID}`);
			const v1Node = page.locator(`[data-test-id="canvas-node"][data-node-name="${RESPONSES_NODE}"], [data-name="${RESPONSES_NODE}"]`).first();
			await v1Node.waitFor({ timeout: 30_000 });
			await v1Node.dblclick();
			await page.locator('[data-test-id="ndv"], .ndv-wrapper').first().waitFor({ timeout: 20_000 });
			return `resources: ${resources.join(', ')}`;
		});
		await tally.check('browser: campaign dropdown lists campaigns live from the sandbox', async () => {
			// the example maps the campaign by expression; "From list" needs a fixed value
			await parameterInput(page, 'campaignId').hover();
			await page.locator('[data-test-id="campaignId-parameter-input-options-container"] [data-test-id="radio-button-fixed"]').first().click({ force: true });
			const { modes, names } = await listModeEntries(page, 'campaignId');
			await shot(page, '05-campaign-dropdown');
			await closeSelect(page);
			if (names.length < 9) throw new Error(`only ${names.length} campaigns: ${names.join(', ')}`);
			return `${names.length} campaigns (modes ${modes.join('/')}), e.g. ${names[0]}`;
		});
		await tally.check('browser: assignment "From List" after "By ID": the list names each entry with its ID', async () => {
			await openNode(page, await openWorkflow(page, baseUrl, UPSERT_EXAMPLE_ID, UPSERT_NODE));
			const { names, shown } = await listModeEntries(page, 'assignmentId');
			await shot(page, '07-assignment-list-after-id');
			await closeSelect(page);
			const withoutId = names.filter((name) => !/ · ID \d+$/.test(name));
			if (withoutId.length) throw new Error(`entries without their ID: ${withoutId.join(', ')}`);
			const nine = names.find((name) => name.endsWith(' · ID 9'));
			if (!nine) throw new Error(`no entry for ID 9 among ${names.join(', ')}`);
			return `input shows "${shown}" (n8n keeps the ID it had); the list shows "${nine}" among ${names.length}`;
		});
		await tally.check("browser: beside the trigger, the node panel describes the node's actions", async () => {
			await openWorkflow(page, baseUrl, TRIGGER_WORKFLOW_ID, 'Headshed Cube Trigger');
			await page.locator('[data-test-id="node-creator-plus-button"]').first().click();
			const search = page.locator('[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]').first();
			await search.fill('Headshed Cube');
			await page.locator('[data-test-id="item-iterator-item"]', { hasText: 'Headshed Cube' }).first().click();
			const panel = page.locator('[data-test-id="node-creator"]').first();
			// the actions of the node's default version, 2.1
			await panel.locator('text=/Get many call outcomes/i').first().waitFor({ timeout: 20_000 });
			await shot(page, '08-node-panel-actions');
			const text = (await panel.innerText()).replace(/\s+/g, ' ');
			await page.keyboard.press('Escape');
			// n8n shows the trigger's description above the actions of the one entry for both
			const described = /Read customers, call outcomes and campaigns in Headshed Cube[^.]*/.exec(text);
			if (!described || /Starts the workflow for every new response/.test(text)) {
				throw new Error(`the panel reads: ${text.slice(0, 300)}`);
			}
			return `"${described[0].slice(0, 140)}…" above the actions`;
		});
		await tally.check('browser: credential test button reports success', async () => {
			await page.goto(`${baseUrl}/home/credentials/${CREDENTIAL_ID}`);
			const modal = page.locator('[data-test-id="editCredential-modal"], .el-dialog:visible').first();
			await modal.waitFor({ timeout: 20_000 });
			const retry = modal.locator('button', { hasText: /^(Retry|Test)/ }).first();
			if (await retry.count()) {
				// the modal tests on opening; the button runs the test again, as a user would
				await retry.click();
				await modal.locator('button', { hasText: /Retrying/ }).waitFor({ state: 'detached', timeout: 30_000 });
			}
			const banner = modal.locator('text=/Connection tested successfully|tested successfully/i').first();
			await banner.waitFor({ timeout: 30_000 });
			await shot(page, '06-credential');
			return (await banner.innerText()).trim();
		});
		// last: it leaves a new, unsaved workflow with its node open
		await tally.check('browser: a node placed from the node panel into a new workflow is version 2.1, with the generation-2 resources and credential, Data Owner entries with their IDs and Custom Field Labels in its Options', async () => {
			await page.goto(`${baseUrl}/workflow/new`);
			await placeFromNodePanel(page, 'Headshed Cube', /Get many call outcomes/i);
			const credential = await selectedCredential(page);
			if (credential !== GEN2_CREDENTIAL_NAME) throw new Error(`the placed node got the credential "${credential}"`);
			const { texts: resources } = await openSelect(page, parameterInput(page, 'resource'));
			await shot(page, '09-placed-node-resources');
			await closeSelect(page);
			for (const expected of ['Call Outcome', 'Data Owner']) {
				if (!resources.includes(expected)) throw new Error(`resources of the placed node: ${resources.join(', ')}`);
			}
			if (!(await optionShown(page, 'customFieldLabels'))) throw new Error('the Options do not show Custom Field Labels');
			const { options: scopes } = await openSelect(page, parameterInput(page, 'scope'));
			await scopes.filter({ hasText: /^CRM/ }).first().click();
			const { names: owners } = await listModeEntries(page, 'dataOwnerId');
			await shot(page, '09b-placed-node-data-owners');
			await closeSelect(page);
			const withoutId = owners.filter((name) => !/ · ID \d+$/.test(name));
			if (!owners.length || withoutId.length) throw new Error(`data owners without their ID: ${withoutId.join(', ') || '(none listed)'}`);
			const version = await nodeVersionText(page);
			await shot(page, '10-placed-node-version');
			if (!/\bversion 2\.1\b/.test(version)) throw new Error(`the placed node's settings read "${version}"`);
			return `"${version}", credential "${credential}"; resources: ${resources.join(', ')}; data owners: ${owners.join('; ')}`;
		});
	} finally {
		await browser.close();
	}
}

module.exports = { browserChecks, chromiumAvailable, goToRoute, launch, logIn, openWorkflow, searchNodePanel };

if (require.main === module) {
	const { Tally } = require('./run');
	const tally = new Tally('[browser]');
	const baseUrl = process.argv[2] || 'http://127.0.0.1:5678';
	const outDir = path.resolve(__dirname, '..', '..', 'test-output', 'browser');
	browserChecks(tally, baseUrl, outDir)
		.then(() => {
			console.log(`${tally.passed} passed, ${tally.failed} failed`);
			process.exitCode = tally.failed ? 1 : 0;
		})
		.catch((error) => {
			console.error(error);
			process.exit(1);
		});
}
