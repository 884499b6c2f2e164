// Building blocks of the workflows the harness imports into a real n8n (e2e, bench, npm start):
// the package's node types, the sandbox credential, and the nodes around them.
'use strict';
const { SANDBOX_TOKEN } = require('../../sandbox/http/auth');

const PACKAGE_NAME = require('../../package.json').name;
const NODE_TYPE = `${PACKAGE_NAME}.headshedCube`;
const TRIGGER_NODE_TYPE = `${PACKAGE_NAME}.headshedCubeTrigger`;

const CREDENTIAL_ID = 'cubeSandboxCred1';
// Named so that the generation-2 credential sorts after it: see importStamps().
const CREDENTIAL_NAME = 'Headshed Cube (generation-1 sandbox)';
// The credential of the generation-2 sandbox, a second tenant.
const GEN2_CREDENTIAL_ID = 'cubeSandboxGen2C1';
const GEN2_CREDENTIAL_NAME = 'Headshed Cube (generation-2 sandbox)';

/**
 * n8n fills a newly placed node, and its AI-agent tool, with the credential of its type that was
 * updated last; where the editor's list carries no update times (1.x's workflow editor), that
 * comparison ends on the last of the list, which is sorted by name. Nodes placed from the panel
 * are version 2, so the generation-2 sandbox's credential is both stamped as the newest (every
 * other one a minute before) and named to sort last ("generation-2" after "generation-1").
 */
const OLDER_BY_MS = 60_000;

function importStamps(newest) {
	const at = new Date(Date.now() - (newest ? 0 : OLDER_BY_MS)).toISOString();
	return { createdAt: at, updatedAt: at };
}

/** The credential records for `n8n import:credentials`: the sandbox token (plain; n8n encrypts it). */
function credentialRecords(sandboxUrl, { id = CREDENTIAL_ID, name = CREDENTIAL_NAME, token = SANDBOX_TOKEN, newest = false } = {}) {
	return [{ id, name, type: 'headshedCubeApi', data: { baseUrl: sandboxUrl, authentication: 'token', token }, ...importStamps(newest) }];
}

/** The sandbox credential, and the generation-2 sandbox's where that one runs too (the one new nodes get). */
function sandboxCredentialRecords(sandboxUrl, gen2SandboxUrl) {
	return [
		...credentialRecords(sandboxUrl),
		...(gen2SandboxUrl ? credentialRecords(gen2SandboxUrl, { id: GEN2_CREDENTIAL_ID, name: GEN2_CREDENTIAL_NAME, newest: true }) : []),
	];
}

/** How a node refers to a credential. */
function credentialRef(id = CREDENTIAL_ID, name = CREDENTIAL_NAME) {
	return { headshedCubeApi: { id, name } };
}

/** A resource locator set to an id. */
const byId = (value) => ({ __rl: true, mode: 'id', value });

function manualTrigger(workflowId) {
	return { id: `${workflowId}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
}

/** A Headshed Cube node (version 1) with the sandbox credential unless another is given. */
function cubeNode({ id, name, parameters, position = [260, 0], typeVersion = 1, credentialId = CREDENTIAL_ID }) {
	return { id, name, type: NODE_TYPE, typeVersion, position, parameters, credentials: credentialRef(credentialId) };
}

/** A workflow document for `n8n import:workflow`. */
function workflow({ id, name, nodes, connections = {}, settings = {} }) {
	return { id, name, active: false, settings: { executionOrder: 'v1', ...settings }, nodes, connections, pinData: {} };
}

const mainLink = (node) => ({ node: node.name, type: 'main', index: 0 });

/** A Manual Trigger, then `nodes` one after another. */
function chainWorkflow(id, name, nodes) {
	const all = [manualTrigger(id), ...nodes];
	const connections = {};
	for (let i = 0; i < all.length - 1; i++) connections[all[i].name] = { main: [[mainLink(all[i + 1])]] };
	return workflow({ id, name, nodes: all, connections });
}

/** A Manual Trigger feeding each of `nodes` as a branch of its own. */
function branchesWorkflow(id, name, nodes) {
	const trigger = manualTrigger(id);
	return workflow({ id, name, nodes: [trigger, ...nodes], connections: { [trigger.name]: { main: [nodes.map(mainLink)] } } });
}

module.exports = {
	PACKAGE_NAME,
	NODE_TYPE,
	TRIGGER_NODE_TYPE,
	CREDENTIAL_ID,
	CREDENTIAL_NAME,
	GEN2_CREDENTIAL_ID,
	GEN2_CREDENTIAL_NAME,
	credentialRecords,
	sandboxCredentialRecords,
	credentialRef,
	byId,
	manualTrigger,
	cubeNode,
	workflow,
	chainWorkflow,
	branchesWorkflow,
};
