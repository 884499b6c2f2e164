#!/usr/bin/env node
// The packed package in n8n's queue mode: Postgres, Redis, a main instance and two workers,
// each with the package installed as a community node, against the Cube sandbox.
// On line 2 only the trigger's checks, under n8n's durable scheduler for poll triggers (where
// n8n 2.x is going): the others test n8n's queue, the same on both lines, and cost minutes.
//
//   node test/e2e/queue.js --line 1 [--tarball path.tgz]
'use strict';
const fs = require('fs');
const path = require('path');

const harness = require('../../scripts/lib/harness');
const { DURABLE_SCHEDULER_ENV, linePaths, PROJECT_DIR } = require('../../scripts/lib/n8n-env');
const { startQueueSetup } = require('../../scripts/lib/queue');
const { cubeClient } = require('./cube-api');
const { Tally } = require('./run');
const { ASSIGNMENT, READ, UPSERT, readWorkflow, upsertWorkflow, callWebhook } = require('./queue-workflows');
const trigger = require('./trigger');
const { sandboxControl } = require('../../scripts/lib/sandbox-client');

const BATCH = 20; // executions of each workflow started at once
const NEW_IDS = Array.from({ length: BATCH / 2 }, (_, i) => 990600 + i);
const CRASH_ID = 990700; // created by the execution whose worker is killed
const AFTER_CRASH_ID = 990701;
// n8n's defaults (QUEUE_WORKER_LOCK_DURATION 60 s, QUEUE_WORKER_STALLED_INTERVAL 30 s) bound the
// time until another worker takes over a killed worker's execution.
const TAKEOVER_MS = 150_000;

function parseArgs(argv) {
	const args = { line: '1', tarball: undefined };
	for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, '')] = argv[i + 1];
	return args;
}

/** Execution ids that a worker's own log says it started or finished. */
function workerExecutions(worker, verb) {
	const text = fs.readFileSync(worker.logFile, 'utf8');
	return new Set([...text.matchAll(new RegExp(`Worker ${verb} execution (\\d+)`, 'g'))].map((m) => m[1]));
}

async function executionsOf(rest, workflowId) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const { status, json, text } = await rest.request('GET', `/rest/executions?filter=${filter}&limit=200`);
	if (status !== 200) throw new Error(`GET /rest/executions: ${status} ${text.slice(0, 300)}`);
	return json?.data?.results ?? json?.data ?? [];
}

async function sandboxRequests(sandboxUrl) {
	const requests = await sandboxControl(sandboxUrl).requests();
	return Array.isArray(requests) ? requests : requests.requests;
}

/**
 * Writes (create or update) of customer `id` that Cube took, in the sandbox's request log. Create
 * or Update tries an update first, so a new customer's 404 to it changed nothing.
 */
function writesOf(requests, id) {
	const customerPath = `/api/v1/assignments/${ASSIGNMENT}/customers/${id}`;
	const took = (r) => r.status >= 200 && r.status < 300;
	return requests.filter((r) => took(r) && ['POST', 'PUT'].includes(r.method) && r.path === customerPath);
}

const nameFor = (id) => `Queue Kunde ${id}`;

/** Customers of the seed: the first page's, for `BATCH` reads and `BATCH / 2` updates. */
async function seededIds(api) {
	const { json } = await api.get(`/api/v1/assignments/${ASSIGNMENT}/customers`);
	const ids = json.results.map((card) => Number(card.customer_id));
	return { readIds: ids.slice(0, BATCH), existingIds: ids.slice(BATCH, BATCH + BATCH / 2) };
}

/** 20 reads and 20 upserts POSTed at once; every answer must be the right card. */
async function checkBatch(setup, api, { readIds, existingIds }) {
	const started = Date.now();
	const call = async (kind, workflow, id, body) => {
		const answer = await callWebhook(setup.baseUrl, workflow, body).catch((error) => ({ status: 0, text: error.message }));
		return { id, kind, answer };
	};
	const reads = readIds.map((id) => call('read', READ, id, { id }));
	const upserts = [...NEW_IDS, ...existingIds].map((id) => call('upsert', UPSERT, id, { id, name: nameFor(id) }));
	const results = await Promise.all([...reads, ...upserts]);
	const ms = Date.now() - started;
	for (const { id, kind, answer } of results) {
		const card = Array.isArray(answer.json) ? answer.json[0] : undefined;
		if (answer.status !== 200 || Number(card?.customer_id) !== id) throw new Error(`${kind} ${id}: ${answer.status} ${answer.text.slice(0, 300)}`);
		const expectedName = kind === 'read' ? (await api.customer(ASSIGNMENT, id)).json.name : nameFor(id);
		if (card.name !== expectedName) throw new Error(`${kind} ${id}: name "${card.name}", expected "${expectedName}"`);
	}
	return { ms, detail: `${results.length} webhook calls answered in ${ms} ms` };
}

/** Every execution of both workflows succeeded, ran on exactly one worker, and both workers ran some. */
async function checkWorkers(setup, rest) {
	// Respond to Webhook answers before the workers finish; wait for all of them to end
	const ended = async () => {
		const list = [...(await executionsOf(rest, READ.id)), ...(await executionsOf(rest, UPSERT.id))];
		const logged = new Set(setup.workers.flatMap((worker) => [...workerExecutions(worker, 'finished')]));
		return list.length >= 2 * BATCH && list.every((e) => !['new', 'running'].includes(e.status) && logged.has(String(e.id))) && list;
	};
	const executions = await waitFor(`${2 * BATCH} executions end`, ended);
	const failed = executions.filter((e) => e.status !== 'success');
	if (executions.length !== 2 * BATCH || failed.length) {
		throw new Error(`${executions.length} executions, not ${2 * BATCH}; not successful: ${JSON.stringify(failed.map((e) => [e.id, e.status]))}`);
	}
	const finished = setup.workers.map((worker) => workerExecutions(worker, 'finished'));
	const perWorker = setup.workers.map((worker, i) => `${worker.name} ${executions.filter((e) => finished[i].has(String(e.id))).length}`);
	for (const execution of executions) {
		const ranOn = finished.filter((ids) => ids.has(String(execution.id))).length;
		if (ranOn !== 1) throw new Error(`execution ${execution.id} finished on ${ranOn} workers (${perWorker.join(', ')})`);
	}
	if (finished.some((ids) => ids.size === 0)) throw new Error(`a worker ran nothing: ${perWorker.join(', ')}`);
	return perWorker.join(', ');
}

async function checkWritesOnce(sandboxUrl, api, existingIds) {
	const requests = await sandboxRequests(sandboxUrl);
	for (const id of [...NEW_IDS, ...existingIds]) {
		const writes = writesOf(requests, id);
		if (writes.length !== 1) throw new Error(`customer ${id}: ${writes.length} writes (${writes.map((w) => w.method).join(', ')})`);
		const { json } = await api.customer(ASSIGNMENT, id);
		if (json.name !== nameFor(id)) throw new Error(`customer ${id} is named "${json.name}" in Cube`);
	}
	return `${NEW_IDS.length} created and ${existingIds.length} updated, one write each`;
}

/** Waits until a worker's log says it started an execution of `workflowId` that is still running. */
async function runningExecution(setup, rest, workflowId) {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const running = (await executionsOf(rest, workflowId)).filter((e) => e.status === 'running');
		for (const execution of running) {
			const worker = setup.workers.find((w) => workerExecutions(w, 'started').has(String(execution.id)));
			if (worker) return { id: String(execution.id), worker };
		}
		if (Date.now() > deadline) throw new Error(`no running execution of ${workflowId} on a worker within 60 s`);
		await harness.sleep(500);
	}
}

/** Waits until `probe()` answers truthy; the answer. */
async function waitFor(what, probe, ms = 60_000) {
	const deadline = Date.now() + ms;
	for (;;) {
		const answer = await probe();
		if (answer) return answer;
		if (Date.now() > deadline) throw new Error(`${what}: not within ${ms / 1000} s`);
		await harness.sleep(250);
	}
}

/**
 * An upsert whose create hangs in Cube; its worker is killed (SIGKILL) meanwhile. n8n's promise
 * (Bull's stalled-job check): once the dead worker's lock expires, another worker runs the
 * execution again from the start, and the webhook caller gets its result.
 */
async function checkWorkerKilled(setup, rest, sandboxUrl, api, onKilled) {
	await sandboxControl(sandboxUrl).addFault({ kind: 'hang', times: 1, method: 'POST', path: `/assignments/${ASSIGNMENT}/customers` });
	const call = callWebhook(setup.baseUrl, UPSERT, { id: CRASH_ID, name: nameFor(CRASH_ID) }, TAKEOVER_MS + 60_000);
	call.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
	await waitFor('the sandbox holds a create', async () => (await sandboxRequests(sandboxUrl)).some((r) => r.fault === 'hang'));
	const { id, worker } = await runningExecution(setup, rest, UPSERT.id);
	const killedAt = Date.now();
	await setup.killWorker(worker);
	onKilled(worker);
	const answer = await call;
	const tookOverMs = Date.now() - killedAt;
	const survivor = setup.workers.find((w) => w !== worker);
	if (answer.status !== 200 || Number(answer.json?.[0]?.customer_id) !== CRASH_ID) throw new Error(`webhook answered ${answer.status} ${answer.text.slice(0, 300)}`);
	// Respond to Webhook answers before the worker finishes the execution
	await waitFor(`${survivor.name} finishes execution ${id}`, () => workerExecutions(survivor, 'finished').has(id));
	const execution = await waitFor(`execution ${id} ends`, async () => (await executionsOf(rest, UPSERT.id)).find((e) => String(e.id) === id && e.status !== 'running'));
	if (execution.status !== 'success') throw new Error(`execution ${id} is ${execution.status}`);
	const writes = writesOf(await sandboxRequests(sandboxUrl), CRASH_ID);
	if (writes.length !== 1) throw new Error(`customer ${CRASH_ID}: ${writes.length} writes Cube took`);
	const { json } = await api.customer(ASSIGNMENT, CRASH_ID);
	if (json.name !== nameFor(CRASH_ID)) throw new Error(`customer ${CRASH_ID} is "${json?.name}" in Cube`);
	return `${worker.name} killed in execution ${id}; ${survivor.name} ran it again and answered the webhook ${Math.round(tookOverMs / 1000)} s later; one create`;
}

async function checkNextExecution(setup, api, killed) {
	await setup.startWorker(killed);
	const answer = await callWebhook(setup.baseUrl, UPSERT, { id: AFTER_CRASH_ID, name: nameFor(AFTER_CRASH_ID) });
	if (answer.status !== 200 || answer.json?.[0]?.name !== nameFor(AFTER_CRASH_ID)) throw new Error(`webhook answered ${answer.status} ${answer.text.slice(0, 300)}`);
	const { json } = await api.customer(ASSIGNMENT, AFTER_CRASH_ID);
	if (json.name !== nameFor(AFTER_CRASH_ID)) throw new Error(`customer ${AFTER_CRASH_ID} is "${json?.name}" in Cube`);
	return `${killed.name} restarted; the next upsert succeeded`;
}

/** Runs the checks in order; a check that needs an earlier one's result is skipped without it. */
async function runChecks(tally, setup, sandboxUrl, api, figures, { triggerOnly }) {
	let rest;
	await tally.check('REST owner setup and login on the main instance', async () => {
		rest = await setup.ownerSession();
		return harness.OWNER.email;
	});
	if (!rest) return;
	if (!triggerOnly) await runQueueChecks(tally, setup, sandboxUrl, api, figures, rest);
	await checkTrigger(tally, setup, sandboxUrl, rest);
}

/** What n8n's queue promises: a batch spread over the workers, each write once, a killed worker's execution run again. */
async function runQueueChecks(tally, setup, sandboxUrl, api, figures, rest) {
	let batchDone = false;
	const ids = await seededIds(api);
	await tally.check(`${BATCH} customer reads and ${BATCH} upserts started at once all succeed`, async () => {
		const { ms, detail } = await checkBatch(setup, api, ids);
		figures.batchMs = ms;
		batchDone = true;
		return detail;
	});
	if (batchDone) {
		await tally.check('both workers took part, each execution on one worker', async () => (figures.perWorker = await checkWorkers(setup, rest)));
		await tally.check('every upsert wrote to Cube once', async () => await checkWritesOnce(sandboxUrl, api, ids.existingIds));
	}
	let killed;
	await tally.check('a worker killed mid-execution: another worker runs it again, the write lands once', async () => {
		return await checkWorkerKilled(setup, rest, sandboxUrl, api, (worker) => (killed = worker));
	});
	if (killed) await tally.check('the next execution of the same workflow runs normally', async () => await checkNextExecution(setup, api, killed));
}

/** The active trigger on the main instance; its executions run on the workers. */
async function checkTrigger(tally, setup, sandboxUrl, firstRest) {
	const watch = { sandboxUrl, target: trigger.TRIGGERS[1] };
	await tally.check('trigger: a response added while main runs starts exactly one execution', async () => {
		return await trigger.checkTriggerDelivers(firstRest, watch);
	});
	await tally.check('trigger: responses added while main is stopped each start exactly one execution after the restart', async () => {
		let stoppedMs;
		const detail = await trigger.checkRestartDelivers([watch], async (whileDown) => {
			const stopping = Date.now();
			await setup.stopMain();
			stoppedMs = Date.now() - stopping;
			await whileDown();
			await setup.startMain();
			return await setup.ownerSession();
		});
		const ranOn = setup.workers.filter((w) => workerExecutions(w, 'finished').size > 0).length;
		return `${detail}; main stopped in ${Math.round(stoppedMs / 1000)} s; ${ranOn} workers ran executions`;
	});
}

/** One n8n process for all on 1.x (each one costs seconds); 2.x publishes one at a time. */
async function activateAll(env, ids) {
	if (env.CUBE_N8N_LINE === '1') await harness.n8n(env, ['update:workflow', '--all', '--active=true'], { timeoutMs: 120_000 });
	else for (const id of ids) await harness.activateWorkflow(env, id);
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const started = Date.now();
	const tally = new Tally(`[queue line ${args.line}]`);
	const paths = linePaths(args.line);
	if (!fs.existsSync(path.join(paths.n8nDir, '.installed'))) {
		throw new Error(`n8n line ${args.line} is not installed: run bash scripts/n8n-install.sh ${args.line}`);
	}
	const workDir = path.join(PROJECT_DIR, 'test-output', `e2e-queue-line${args.line}`);
	fs.mkdirSync(workDir, { recursive: true });
	const tarball = args.tarball || (await harness.packPackage());
	const sandbox = await harness.startSandbox({ now: harness.todayAtNoonUtc(), freezeClock: true, logFile: path.join(workDir, 'sandbox.log') });
	const figures = {};
	const triggerOnly = args.line === '2';
	let setup;
	const stopOn = (code) => async () => {
		await setup?.stop().catch(() => {});
		await harness.stopAll();
		process.exit(code);
	};
	process.once('SIGINT', stopOn(130));
	process.once('SIGTERM', stopOn(143));
	try {
		const api = cubeClient(sandbox.url, harness.SANDBOX_TOKEN);
		console.log(`[queue line ${args.line}] n8n ${paths.n8nVersion}, sandbox ${sandbox.url}, logs in ${workDir}`);
		await tally.check('Postgres, Redis, main and two workers start with the packed package', async () => {
			const setupStarted = Date.now();
			setup = await startQueueSetup({
				line: args.line,
				tarball,
				purpose: `e2e-queue-line${args.line}`,
				logDir: workDir,
				jsonLog: true,
				extraEnv: triggerOnly ? DURABLE_SCHEDULER_ENV : {},
				prepare: async (env) => {
					await harness.importCredentials(env, harness.credentialRecords(sandbox.url), workDir);
					const triggerWorkflow = trigger.triggerWorkflow(harness.CREDENTIAL_ID);
					const workflows = triggerOnly ? [triggerWorkflow] : [readWorkflow(), upsertWorkflow(), triggerWorkflow];
					await harness.importWorkflowList(env, workflows, path.join(workDir, 'workflows'));
					await activateAll(env, workflows.map((workflow) => workflow.id));
				},
			});
			return `ready in ${Math.round((Date.now() - setupStarted) / 1000)} s`;
		});
		if (setup) await runChecks(tally, setup, sandbox.url, api, figures, { triggerOnly });
	} finally {
		if (setup) {
			await tally.check('stopping leaves no process and no data folder behind', async () => {
				const children = [setup.main.handle?.child, ...setup.workers.map((w) => w.child), setup.services.postgres.child, setup.services.redis.child];
				await setup.stop();
				const alive = children.filter((c) => c && c.exitCode === null && c.signalCode === null);
				if (alive.length) throw new Error(`${alive.length} processes still running`);
				if (fs.existsSync(setup.services.dir)) throw new Error(`${setup.services.dir} is still there`);
			});
		}
		await sandbox.stop();
	}
	const seconds = Math.round((Date.now() - started) / 1000);
	// line 2 runs only the trigger checks: no batch to report there
	const batch = figures.batchMs === undefined ? '' : `; batch of ${2 * BATCH} in ${figures.batchMs} ms; executions per worker: ${figures.perWorker}`;
	console.log(`[queue line ${args.line}] done in ${seconds} s${batch}`);
	console.log(`${tally.passed} passed, ${tally.failed} failed`);
	process.exitCode = tally.failed ? 1 : 0;
}

main().catch((error) => {
	console.error(error.stack || error.message);
	console.log('0 passed, 1 failed');
	process.exit(1);
});
