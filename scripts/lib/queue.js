// n8n in queue mode, as teams run it in production: one main instance (editor, webhooks,
// triggers), workers that take executions from Redis, one Postgres for all of them. Each
// instance has a user folder of its own with the package installed as a community node.
'use strict';
const fs = require('fs');
const path = require('path');

const harness = require('./harness');
const { n8nEnv, linePaths, freePort } = require('./n8n-env');
const { startServices } = require('./services');

const WORKER_CONCURRENCY = 10; // n8n's default, stated so the README's figures follow from it
const GRACEFUL_STOP_MS = 45_000; // n8n's graceful shutdown (30 s) and then some

/** What every instance of the setup shares on top of its own n8n environment. */
function queueEnv(env, servicesEnv) {
	return {
		...env,
		...servicesEnv,
		EXECUTIONS_MODE: 'queue',
		// "Execute workflow" in the editor runs on a worker too, as everything else does
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	};
}

/** A worker's environment: its health server on a free loopback port tells when it is ready. */
async function workerEnv(env) {
	return {
		...env,
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		QUEUE_HEALTH_CHECK_PORT: String(await freePort()),
		N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
	};
}

async function waitForReadiness(worker, timeoutMs = 90_000) {
	const url = `http://127.0.0.1:${worker.env.QUEUE_HEALTH_CHECK_PORT}/healthz/readiness`;
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (worker.child.exitCode !== null) throw new Error(`${worker.name} exited (${worker.child.exitCode}); see ${worker.logFile}`);
		if (Date.now() > deadline) throw new Error(`${worker.name} not ready within ${timeoutMs / 1000} s; see ${worker.logFile}`);
		try {
			const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
			if (res.status === 200) return;
		} catch {
			/* not listening yet */
		}
		await harness.sleep(500);
	}
}

class QueueSetup {
	constructor({ services, main, workers, logDir }) {
		this.services = services;
		this.main = main; // { env, logFile, handle }
		this.workers = workers; // [{ name, env, logFile, child }]
		this.logDir = logDir;
	}

	get baseUrl() {
		return `http://127.0.0.1:${this.main.env.N8N_PORT}`;
	}

	async startMain() {
		this.main.handle = await harness.startN8n(this.main.env, { logFile: this.main.logFile, timeoutMs: 180_000 });
		return this.main.handle;
	}

	/** SIGTERM; n8n then waits up to N8N_GRACEFUL_SHUTDOWN_TIMEOUT (30 s) for executions in flight. */
	async stopMain() {
		const child = this.main.handle?.child;
		this.main.handle = undefined;
		await harness.stopGroup(child, GRACEFUL_STOP_MS);
	}

	/** Creates the owner where needed and logs in; under load main answers /rest/settings before its other routes. */
	async ownerSession() {
		const rest = new harness.N8nRest(this.baseUrl);
		const deadline = Date.now() + 60_000;
		for (;;) {
			try {
				await rest.setupOwner();
				break;
			} catch (error) {
				if (!/^owner setup: 404/.test(error.message) || Date.now() > deadline) throw error;
				await harness.sleep(1000);
			}
		}
		await rest.login();
		return rest;
	}

	async startWorker(worker) {
		const bin = linePaths(worker.env.CUBE_N8N_LINE).n8nBin;
		worker.child = harness.spawnGroup(bin, ['worker', `--concurrency=${WORKER_CONCURRENCY}`], { env: worker.env, logFile: worker.logFile });
		await waitForReadiness(worker);
	}

	/** SIGKILL to a worker's process group: a crash, no chance to hand its jobs back. */
	async killWorker(worker) {
		const exited = new Promise((resolve) => worker.child.once('exit', resolve));
		process.kill(-worker.child.pid, 'SIGKILL');
		await exited;
	}

	async stop() {
		await Promise.all([this.stopMain(), ...this.workers.map((worker) => harness.stopGroup(worker.child, GRACEFUL_STOP_MS))]);
		await this.services.stop();
	}
}

/**
 * Starts Postgres, Redis, a main instance and `workers` workers of n8n `line`, each with
 * `tarball` installed and `extraEnv` on top of its environment. `prepare(mainEnv)` runs before
 * anything starts, to import credentials and workflows into the shared database and activate
 * workflows. Logs go to `logDir`.
 */
async function startQueueSetup({ line, tarball, purpose, logDir, workers = 2, jsonLog = false, extraEnv = {}, prepare = async () => {} }) {
	fs.mkdirSync(logDir, { recursive: true });
	const services = await startServices();
	const instanceEnv = async (name) => {
		const env = { ...queueEnv(await n8nEnv(line, `${purpose}/${name}`, { jsonLog }), services.env), ...extraEnv };
		harness.emptyFolder(env.N8N_USER_FOLDER);
		return env;
	};
	const main = { env: await instanceEnv('main'), logFile: path.join(logDir, 'main.log') };
	const workerList = [];
	for (let i = 1; i <= workers; i++) {
		const name = `worker${i}`;
		workerList.push({ name, env: await workerEnv(await instanceEnv(name)), logFile: path.join(logDir, `${name}.log`) });
	}
	const setup = new QueueSetup({ services, main, workers: workerList, logDir });
	try {
		await Promise.all(
			[main, ...workerList].map(async (instance) => {
				fs.writeFileSync(instance.logFile, '');
				await harness.installPackage(instance.env, tarball);
			}),
		);
		// the first n8n command creates the schema in Postgres; the instances then share it
		await prepare(main.env);
		await setup.startMain();
		await Promise.all(workerList.map((worker) => setup.startWorker(worker)));
	} catch (error) {
		await setup.stop();
		throw error;
	}
	return setup;
}

module.exports = { WORKER_CONCURRENCY, startQueueSetup };
