// Runs workflows through n8n's own execution engine (n8n-core's WorkflowExecute), with this
// package loaded by n8n's own package loader from its built files, as n8n loads it.
const fs = require('fs');
const os = require('os');
const path = require('path');

if (!process.env.N8N_USER_FOLDER) {
	// n8n-core writes its settings there; never into the developer's home.
	process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'cube-n8n-user-'));
}
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS ??= 'false';

const { Logger } = require('@n8n/backend-common');
const { Container } = require('@n8n/di');
const { ExecutionLifecycleHooks, LoadOptionsContext, PackageDirectoryLoader, PollContext, WorkflowExecute } = require('n8n-core');
const { SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager');
const { ICredentialsHelper, NodeHelpers, Workflow } = require('n8n-workflow');

// n8n-core's SSH tunnel manager starts with the first node context and keeps a one-minute
// cleanup interval that only its onShutdown() clears, which n8n calls as its process exits.
// A test file's process would wait for that interval, so each file shuts it down as n8n does.
if (typeof afterAll === 'function') {
	afterAll(() => Container.get(SSHClientsManager).onShutdown());
}

/**
 * n8n's logger, as the nodes' contexts get it (`this.logger`): what they log is kept for the tests
 * to read (`loggedMessages()`), not printed by n8n's console transport between the results, except
 * errors, which no test expects.
 */
const logged = [];
const recordingLogger = {
	scoped: () => recordingLogger,
	debug: (message) => logged.push({ level: 'debug', message }),
	info: (message) => logged.push({ level: 'info', message }),
	warn: (message) => logged.push({ level: 'warn', message }),
	error: (message, meta) => {
		logged.push({ level: 'error', message });
		console.error(`n8n logged an error: ${message}`, meta ?? '');
	},
};
Container.set(Logger, recordingLogger);

/** What the nodes logged through n8n's logger since the test file began, as `level: message`. */
function loggedMessages() {
	return logged.map(({ level, message }) => `${level}: ${message}`);
}

// CUBE_PACKAGE_DIR: another build of the package (bench/trigger.js --package), else this tree.
const PACKAGE_DIR = process.env.CUBE_PACKAGE_DIR ?? path.resolve(__dirname, '..', '..');
const PACKAGE_NAME = require(path.join(PACKAGE_DIR, 'package.json')).name;

let loaderPromise;

/** The package as n8n's loader sees it: its package.json "n8n" section and built files. */
async function loadPackage() {
	if (!loaderPromise) {
		loaderPromise = (async () => {
			const loader = new PackageDirectoryLoader(PACKAGE_DIR);
			await loader.loadAll();
			return loader;
		})();
	}
	return await loaderPromise;
}

class PackageNodeTypes {
	constructor(loader) {
		this.loader = loader;
	}

	getByName(type) {
		const [pkg, name] = type.split('.');
		const entry = pkg === PACKAGE_NAME ? this.loader.nodeTypes[name] : undefined;
		if (!entry) throw new Error(`Unknown node type ${type}`);
		return entry.type;
	}

	getByNameAndVersion(type, version) {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes() {
		return {};
	}
}

/**
 * Holds plain credential data by id and applies the credential type's own `authenticate`
 * (a function, or the generic form n8n resolves with expressions), as n8n's helper does.
 */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(loader, credentialsById) {
		super();
		this.loader = loader;
		this.credentialsById = credentialsById;
	}

	credentialType(name) {
		const entry = this.loader.credentialTypes[name];
		if (!entry) throw new Error(`Unknown credential type ${name}`);
		return entry.type;
	}

	getParentTypes() {
		return [];
	}

	async authenticate(credentials, typeName, requestOptions, workflow, node) {
		const { authenticate } = this.credentialType(typeName);
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!authenticate) return requestOptions;
		const resolve = (value) =>
			workflow.expression.getParameterValue(value, null, 0, 0, node.name, [], 'internal', {
				$credentials: credentials,
			});
		const options = { ...requestOptions };
		for (const [where, entries] of Object.entries(authenticate.properties)) {
			options[where] = { ...options[where] };
			for (const [key, value] of Object.entries(entries)) options[where][key] = resolve(value);
		}
		return options;
	}

	async preAuthentication() {
		return undefined;
	}

	async getCredentials(nodeCredentials, type) {
		return { id: nodeCredentials.id, name: nodeCredentials.name, type, getData: () => this.data(nodeCredentials) };
	}

	data(nodeCredentials) {
		const data = this.credentialsById[nodeCredentials.id];
		if (!data) throw new Error(`No test credentials with id ${nodeCredentials.id}`);
		return { ...data };
	}

	async getDecrypted(_additionalData, nodeCredentials) {
		return this.data(nodeCredentials);
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(type) {
		return this.credentialType(type).properties;
	}
}

function additionalDataFor(credentialsHelper, workflowData, executionId) {
	return {
		credentialsHelper,
		hooks: new ExecutionLifecycleHooks('manual', executionId, workflowData),
		executionId,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not part of these tests');
		},
		getRunExecutionData: async () => undefined,
		startRunnerTask: async () => {
			throw new Error('Task runners are not part of these tests');
		},
		logAiEvent: () => {},
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		variables: {},
	};
}

let executionCounter = 0;

/**
 * Runs `workflow` ({ nodes, connections, settings }) starting at `startNode` with `items` as its
 * input. Returns the output items of every node that ran, the run's error if any, and the run.
 * `nodeTypes` replaces this package's node types (for a node type made up by a test).
 */
async function runWorkflow({ nodes, connections = {}, settings = {}, startNode, items = [{ json: {} }], credentials, nodeTypes }) {
	const loader = await loadPackage();
	nodeTypes ??= new PackageNodeTypes(loader);
	const workflowData = { id: 'test', name: 'test', nodes, connections, active: false, settings };
	const workflow = new Workflow({ ...workflowData, nodeTypes, staticData: {} });
	const executionId = String(++executionCounter);
	const credentialsHelper = new TestCredentialsHelper(loader, credentials);
	const start = workflow.getNode(startNode ?? nodes[0].name);
	const runExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [{ node: start, data: { main: [items] }, source: null }],
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	};
	const execute = new WorkflowExecute(
		additionalDataFor(credentialsHelper, workflowData, executionId),
		'manual',
		runExecutionData,
	);
	const run = await execute.processRunExecutionData(workflow);
	const outputs = {};
	for (const [name, taskData] of Object.entries(run.data.resultData.runData)) {
		outputs[name] = taskData[taskData.length - 1]?.data?.main?.[0] ?? [];
	}
	return { run, outputs, error: run.data.resultData.error };
}

/**
 * One node of this package in a workflow that stays in memory, as an active workflow does in
 * n8n: its static data lives from one call to the next. Gives n8n's own contexts for polling
 * and for loading options.
 */
async function nodeInWorkflow({ node, credentials, settings = {} }) {
	const loader = await loadPackage();
	const nodeTypes = new PackageNodeTypes(loader);
	const workflowData = { id: 'test', name: 'test', nodes: [node], connections: {}, active: true, settings };
	const workflow = new Workflow({ ...workflowData, nodeTypes, staticData: {} });
	const additionalData = () =>
		additionalDataFor(new TestCredentialsHelper(loader, credentials), workflowData, String(++executionCounter));
	const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const workflowNode = workflow.getNode(node.name);
	return {
		workflow,
		nodeType,
		/** Runs the trigger's poll() in n8n's PollContext; `mode` 'manual' is "Fetch test event". */
		async poll({ mode = 'trigger', extend } = {}) {
			const context = new PollContext(workflow, workflowNode, additionalData(), mode, 'activate');
			if (extend) extend(context);
			return await nodeType.poll.call(context);
		},
		/** n8n's context for loading options, e.g. to call its request helpers as any node may. */
		context() {
			return new LoadOptionsContext(workflow, workflowNode, additionalData(), 'parameters');
		},
		/** Calls a listSearch or loadOptions method with the node's current parameters. */
		async method(kind, name, ...args) {
			const data = additionalData();
			data.currentNodeParameters = workflowNode.parameters;
			const context = new LoadOptionsContext(workflow, workflowNode, data, 'parameters');
			return await nodeType.methods[kind][name].call(context, ...args);
		},
	};
}

module.exports = {
	loggedMessages, nodeInWorkflow, loadPackage, runWorkflow, PACKAGE_NAME, PackageNodeTypes, TestCredentialsHelper, additionalDataFor };
