// Settings → Community Nodes and the canvas, as a user drives them in the editor: install a
// package by name, run a saved workflow, upgrade, uninstall. Used by test/e2e/registry.js.
'use strict';
const { goToRoute, openWorkflow, searchNodePanel } = require('./browser');

const SETTINGS_PATH = '/settings/community-nodes';
const INSTALL_TIMEOUT_MS = 240_000;

const PACKAGE_CARD = '[data-test-id="community-package-card"]';
// the empty list: N8nActionBox on 1.x, N8nEmptyState on 2.x (2.41 has no action-box on this page)
const EMPTY_LIST = '[data-test-id="action-box"], [data-test-id="empty-state"]';

/**
 * Opens Settings → Community Nodes and waits until the list has loaded: a package's card, or
 * the empty list. While n8n fetches the list it shows placeholder cards that carry the card's
 * test id but no text, so a card counts only once it says something.
 */
async function openCommunityNodes(page, baseUrl) {
	await goToRoute(page, baseUrl, SETTINGS_PATH);
	const loadedCard = page.locator(PACKAGE_CARD).filter({ hasText: /\S/ });
	await page.locator(EMPTY_LIST).or(loadedCard).first().waitFor({ timeout: 30_000 });
}

/** The package's card on the settings page, and the version it shows ("v0.1.0"). */
async function packageCard(page, packageName) {
	const card = page.locator(PACKAGE_CARD, { hasText: packageName }).first();
	await card.waitFor({ timeout: 30_000 });
	const version = /v\d+\.\d+\.\d+/.exec(await card.innerText());
	return { card, version: version ? version[0] : undefined };
}

/**
 * Install → package name → "I understand the risks" → Install, as the modal asks. With
 * `modalShot`, a picture of the filled-in dialog goes there first.
 */
async function installFromSettings(page, baseUrl, packageName, { modalShot } = {}) {
	await openCommunityNodes(page, baseUrl);
	// an empty list offers "Install a community node"; a list, "Install" in the header
	await page.getByRole('button', { name: /^(Install a community node|Install)$/ }).first().click();
	const modal = page.locator('[data-test-id="communityPackageInstall-modal"]');
	await modal.locator('[data-test-id="package-name-input"]').fill(packageName);
	await modal.locator('[data-test-id="user-agreement-checkbox"]').click();
	if (modalShot) await page.locator('[data-test-id="communityPackageInstall-modal"] .el-dialog, .el-dialog:visible').first().screenshot({ path: modalShot });
	await modal.locator('[data-test-id="install-community-package-button"]').click();
	// n8n closes the dialog once installed; when the install fails it keeps it and says why in a
	// notification. The losing wait is let go (it times out later, unheard).
	const failure = page.locator('.el-notification', { hasText: /error|could not|problem|failed/i }).first();
	const outcome = await Promise.race([
		modal.waitFor({ state: 'hidden', timeout: INSTALL_TIMEOUT_MS }).then(() => 'installed', () => 'timeout'),
		failure.waitFor({ timeout: INSTALL_TIMEOUT_MS }).then(() => 'failed', () => 'timeout'),
	]);
	if (outcome === 'failed') throw new Error(`n8n could not install ${packageName}: ${(await failure.innerText()).replace(/\s+/g, ' ')}`);
	if (outcome === 'timeout') throw new Error(`the install dialog was still open after ${INSTALL_TIMEOUT_MS / 1000} s`);
	return await packageCard(page, packageName);
}

/** Whether the card offers an update (n8n asks `npm outdated`, which reads the public registry). */
async function offersUpdate(card) {
	return (await card.getByRole('button', { name: /update/i }).count()) > 0;
}

/**
 * The call the card's "Update" button makes, PATCH /rest/community-packages, sent from the
 * logged-in page with the editor's own session and browser id.
 */
async function updateThroughEditorSession(page, packageName) {
	// runs in the page, where globalThis is the editor's window
	return await page.evaluate(async (name) => {
		const res = await fetch('/rest/community-packages', {
			method: 'PATCH',
			headers: { 'content-type': 'application/json', 'browser-id': globalThis.localStorage.getItem('n8n-browserId') ?? '' },
			body: JSON.stringify({ name }),
		});
		return { status: res.status, text: (await res.text()).slice(0, 500) };
	}, packageName);
}

/** The card's menu → "Uninstall package" → the confirmation's "Uninstall package". */
async function uninstallFromSettings(page, baseUrl, packageName) {
	await openCommunityNodes(page, baseUrl);
	const { card } = await packageCard(page, packageName);
	await card.locator('[data-test-id="action-toggle"]').click();
	await page.locator('[data-test-id="action-uninstall"]:visible').first().click();
	const confirm = page.getByRole('dialog').getByRole('button', { name: /uninstall/i }).first();
	await confirm.click();
	await page.locator(PACKAGE_CARD, { hasText: packageName }).waitFor({ state: 'detached', timeout: INSTALL_TIMEOUT_MS });
}

/** Whether the node panel, opened in a saved workflow and searched for `query`, lists `name`. */
async function nodePanelLists(page, baseUrl, { workflowId, nodeName }, query, name) {
	await openWorkflow(page, baseUrl, workflowId, nodeName);
	const panel = await searchNodePanel(page, query);
	const entry = panel.locator('[data-test-id="item-iterator-item"]', { hasText: name }).first();
	await entry.waitFor({ timeout: 20_000 });
	const text = (await entry.innerText()).replace(/\s+/g, ' ').trim();
	await page.keyboard.press('Escape');
	return text;
}

/**
 * Opens a saved workflow, runs it with the canvas's "Execute workflow" button and waits until
 * `nodeName` shows success; returns the item counts the canvas then shows on its connections
 * ("1 item" after the trigger, "12 items" after the node).
 */
async function runSavedWorkflow(page, baseUrl, workflowId, nodeName) {
	// the first load of a workflow after an install also loads the new node types; on a
	// machine other test runs share, that takes longer than the editor checks allow elsewhere
	const node = await openWorkflow(page, baseUrl, workflowId, nodeName, { timeoutMs: 90_000 });
	await page.locator('[data-test-id="execute-workflow-button"]').first().click();
	await node.locator('[data-test-id="canvas-node-status-success"]').waitFor({ timeout: 120_000 });
	await page.waitForTimeout(500);
	const canvas = (await page.locator('.vue-flow, [data-test-id="canvas-wrapper"]').first().innerText()).replace(/\s+/g, ' ');
	return canvas.match(/\d+ items?/g) ?? [];
}

module.exports = { installFromSettings, packageCard, openCommunityNodes, offersUpdate, updateThroughEditorSession, uninstallFromSettings, nodePanelLists, runSavedWorkflow };
