// Driving a real n8n and the Cube sandbox as separate processes: used by the e2e runner and by
// the helpers that scripts/start.sh calls. Loopback only; every wait has a deadline.
'use strict';
const { spawn, execFile } = require('child_process');
const fs = require('fs');
const path = require('path');

const { PROJECT_DIR, linePaths } = require('./n8n-env');

const SANDBOX_TOKEN = 'cube-sandbox-token';
const CREDENTIAL_ID = 'cubeSandboxCred1';
const CREDENTIAL_NAME = 'Headshed Cube (sandbox)';
// The credential of the generation-2 sandbox, a second tenant.
const GEN2_CREDENTIAL_ID = 'cubeSandboxGen2C1';
const GEN2_CREDENTIAL_NAME = 'Headshed Cube (generation-2 sandbox)';
const OWNER = {
	email: 'owner@cube-sandbox.example',
	firstName: 'Cube',
	lastName: 'Sandbox',
	password: 'CubeSandbox-1',
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Every child still running, so that a signal to this process can stop them all.
const live = new Set();

function track(child) {
	live.add(child);
	child.once('exit', () => live.delete(child));
	return child;
}

/** Stops every child started here (process groups included); for signal handlers. */
async function stopAll() {
	await Promise.all([...live].map((child) => (child.__group ? stopGroup(child, 5000) : child.kill('SIGKILL'))));
}

/** Runs a command to completion; rejects with its output on a non-zero exit or a timeout. */
function run(cmd, args, { env = process.env, cwd = PROJECT_DIR, timeoutMs = 120_000 } = {}) {
	return new Promise((resolve, reject) => {
		const child = execFile(cmd, args, { env, cwd, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
			if (error) {
				error.stdout = stdout;
				error.stderr = stderr;
				error.message = `${cmd} ${args.join(' ')}: ${error.killed ? `timed out after ${timeoutMs} ms` : `exit ${error.code}`}\n${stderr || stdout}`.slice(0, 4000);
				reject(error);
			} else resolve({ stdout, stderr });
		});
		track(child);
	});
}

/** Spawns a long-running child in a process group of its own, so stopping it stops its children. */
function spawnGroup(cmd, args, { env = process.env, cwd = PROJECT_DIR, logFile } = {}) {
	const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
	const child = spawn(cmd, args, { env, cwd, detached: true, stdio: ['ignore', out, out] });
	if (typeof out === 'number') fs.closeSync(out);
	child.__group = true;
	return track(child);
}

/** SIGTERM to the child's process group, SIGKILL after a grace period. */
async function stopGroup(child, graceMs = 10_000) {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	const signal = (sig) => {
		try {
			process.kill(-child.pid, sig);
		} catch {
			/* already gone */
		}
	};
	signal('SIGTERM');
	const timer = setTimeout(() => signal('SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
	signal('SIGKILL'); // stragglers of the group, such as a task runner
}

/** The Cube sandbox in its own process; resolves once it prints SANDBOX_READY. */
async function startSandbox({ now, freezeClock = false, pageSize = 500, generation = 1, logFile } = {}) {
	const args = [path.join(PROJECT_DIR, 'sandbox', 'cli.js'), '--port', '0', '--page-size', String(pageSize), '--generation', String(generation)];
	if (now) args.push('--now', now);
	if (freezeClock) args.push('--freeze-clock');
	const child = spawn(process.execPath, args, { cwd: PROJECT_DIR, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	child.__group = true;
	track(child);
	const url = await new Promise((resolve, reject) => {
		let seen = '';
		const timer = setTimeout(() => reject(new Error(`sandbox not ready in 15 s:\n${seen}`)), 15_000);
		const onData = (chunk) => {
			seen += chunk;
			if (logFile) fs.appendFileSync(logFile, chunk);
			const match = /SANDBOX_READY (\S+)/.exec(seen);
			if (match) {
				clearTimeout(timer);
				resolve(match[1]);
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.once('exit', (code) => reject(new Error(`sandbox exited (${code}):\n${seen}`)));
	});
	return { url, child, stop: () => stopGroup(child, 3000) };
}

/** The clock start for a sandbox whose "today" is the real today in Oslo, at a busy hour. */
function todayAtNoonUtc(timeZone = 'Europe/Oslo') {
	const day = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date()); // YYYY-MM-DD
	return `${day}T12:00:00Z`;
}

/** Builds the package and packs it as npm would publish it; returns the tarball's path. */
async function packPackage({ build = true } = {}) {
	if (build) await run('npm', ['run', 'build', '--silent'], { timeoutMs: 300_000 });
	const dest = path.join(PROJECT_DIR, '.cache', 'pack');
	fs.mkdirSync(dest, { recursive: true });
	const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dest], { timeoutMs: 120_000 });
	const [{ filename }] = JSON.parse(stdout);
	return path.join(dest, path.basename(filename));
}

/**
 * Installs the tarball the way a user would by hand: a package.json of its own in
 * <user folder>/.n8n/nodes and `npm install` there.
 */
async function installPackage(env, tarball) {
	const nodesDir = path.join(env.N8N_USER_FOLDER, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	const manifest = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(manifest)) {
		fs.writeFileSync(manifest, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
	}
	// --legacy-peer-deps: else npm also installs the peer n8n-workflow; n8n provides its own.
	await run('npm', ['install', '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', tarball], {
		env,
		cwd: nodesDir,
		timeoutMs: 180_000,
	});
	return nodesDir;
}

/** The sandbox credential, and the generation-2 sandbox's where that one runs too. */
function credentialRecords(sandboxUrl, gen2SandboxUrl) {
	const record = (id, name, baseUrl) => ({
		id,
		name,
		type: 'headshedCubeApi',
		data: { baseUrl, authentication: 'token', token: SANDBOX_TOKEN },
	});
	return [
		record(CREDENTIAL_ID, CREDENTIAL_NAME, sandboxUrl),
		...(gen2SandboxUrl ? [record(GEN2_CREDENTIAL_ID, GEN2_CREDENTIAL_NAME, gen2SandboxUrl)] : []),
	];
}

/** Runs the line's n8n CLI; its `#!/usr/bin/env node` finds the line's node through env.PATH. */
function n8n(env, args, opts = {}) {
	return run(linePaths(env.CUBE_N8N_LINE).n8nBin, args, { env, ...opts });
}

/** `n8n import:credentials` of the sandbox credential (plain data; n8n encrypts it). */
async function importCredentials(env, records, workDir) {
	const file = path.join(workDir, 'credentials.json');
	fs.writeFileSync(file, JSON.stringify(records, null, 2));
	await n8n(env, ['import:credentials', `--input=${file}`], { timeoutMs: 120_000 });
}

/** `n8n import:workflow` of a folder of workflow files. */
async function importWorkflows(env, dir) {
	await n8n(env, ['import:workflow', '--separate', `--input=${dir}`], { timeoutMs: 180_000 });
}

/** Activates a workflow before `n8n start` (2.x calls it publishing; its update:workflow is deprecated). */
async function activateWorkflow(env, id) {
	const args = env.CUBE_N8N_LINE === '1' ? ['update:workflow', `--id=${id}`, '--active=true'] : ['publish:workflow', `--id=${id}`];
	await n8n(env, args, { timeoutMs: 120_000 });
}

/** `n8n start` in its own process group; resolves once GET /rest/settings answers 200. */
async function startN8n(env, { logFile, timeoutMs = 90_000 } = {}) {
	const child = spawnGroup(linePaths(env.CUBE_N8N_LINE).n8nBin, ['start'], { env, logFile });
	const baseUrl = `http://127.0.0.1:${env.N8N_PORT}`;
	const deadline = Date.now() + timeoutMs;
	let exit;
	child.once('exit', (code, signal) => (exit = `${code ?? signal}`));
	for (;;) {
		if (exit !== undefined) throw new Error(`n8n start exited (${exit}); see ${logFile}`);
		if (Date.now() > deadline) {
			await stopGroup(child);
			throw new Error(`n8n did not answer /rest/settings within ${timeoutMs} ms; see ${logFile}`);
		}
		try {
			const res = await fetch(`${baseUrl}/rest/settings`, { signal: AbortSignal.timeout(2000) });
			if (res.status === 200) break;
		} catch {
			/* not listening yet */
		}
		await sleep(500);
	}
	return { child, baseUrl, stop: () => stopGroup(child) };
}

/** A small REST client holding n8n's session cookie. */
class N8nRest {
	constructor(baseUrl) {
		this.baseUrl = baseUrl;
		this.cookie = '';
	}

	async request(method, route, body) {
		const res = await fetch(`${this.baseUrl}${route}`, {
			method,
			headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}), 'browser-id': 'cube-e2e' },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(60_000),
		});
		const setCookie = res.headers.getSetCookie?.() ?? [];
		const auth = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth;
		const text = await res.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: res.status, json, text };
	}

	/** Creates the owner on a fresh instance; an instance that has one answers 400, also fine. */
	async setupOwner(owner = OWNER) {
		const res = await this.request('POST', '/rest/owner/setup', owner);
		if (res.status !== 200 && !(res.status === 400 && /already/i.test(res.text))) {
			throw new Error(`owner setup: ${res.status} ${res.text.slice(0, 300)}`);
		}
		return res;
	}

	async login(owner = OWNER) {
		const res = await this.request('POST', '/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password });
		if (res.status !== 200) throw new Error(`login: ${res.status} ${res.text.slice(0, 300)}`);
		return res;
	}
}

module.exports = {
	SANDBOX_TOKEN,
	CREDENTIAL_ID,
	CREDENTIAL_NAME,
	GEN2_CREDENTIAL_ID,
	GEN2_CREDENTIAL_NAME,
	OWNER,
	sleep,
	run,
	stopAll,
	spawnGroup,
	stopGroup,
	startSandbox,
	todayAtNoonUtc,
	packPackage,
	installPackage,
	credentialRecords,
	n8n,
	importCredentials,
	importWorkflows,
	activateWorkflow,
	startN8n,
	N8nRest,
};
