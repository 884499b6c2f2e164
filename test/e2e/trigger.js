// The trigger in a real n8n: an active workflow polls the sandbox every 15 seconds, and each
// response (version 2: a call outcome) added right after the activation, while n8n runs or while
// it is stopped must start exactly one execution.
'use strict';
const { sleep } = require('../../scripts/lib/processes');
const { sandboxControl } = require('../../scripts/lib/sandbox-client');
const { TRIGGER_NODE_TYPE, GEN2_CREDENTIAL_ID, credentialRef, workflow } = require('../../scripts/lib/workflows');

/**
 * The trigger of each version: its workflow, the list its polls read, and a new record for it.
 * Workflow ids have at most 16 characters: n8n saves no static data (the trigger's cursor) for
 * a longer id, and Postgres (queue mode) enforces that length in some tables.
 */
const TRIGGERS = {
	1: {
		workflowId: 'e2eTriggerNewRsp',
		name: 'e2e: trigger delivers a new response once',
		typeVersion: 1,
		parameters: { event: 'newResponse', campaignIds: [101] },
		listPath: '/api/v1/campaigns/101/responses/',
		record: (marker, submitted) => ({ campaign_id: 101, type: 'Completed - Yes', comment: marker, submitted_when: submitted }),
	},
	2: {
		workflowId: 'e2eTriggerV2Out',
		name: 'e2e: trigger v2 delivers a new call outcome once',
		typeVersion: 2,
		credentialId: GEN2_CREDENTIAL_ID,
		parameters: { event: 'newCallOutcome', scope: 'campaigns', campaignIds: [201] },
		listPath: '/api/v1/campaigns/201/call_outcomes/',
		record: (marker, submitted) => ({ campaign__id: 201, comment: marker, submitted_when: submitted }),
	},
};
const TRIGGER_WORKFLOW_ID = TRIGGERS[1].workflowId;

/**
 * n8n 2.x refuses a poll time whose seconds field is not one number ("at least a minute"), so
 * four poll times, each once a minute, make a poll every 15 seconds: the checks wait for polls.
 */
const POLL_TIMES = { item: [0, 15, 30, 45].map((second) => ({ mode: 'custom', cronExpression: `${second} * * * * *` })) };

function triggerWorkflow(credentialId, target = TRIGGERS[1]) {
	return workflow({
		id: target.workflowId,
		name: target.name,
		settings: { saveDataSuccessExecution: 'all' },
		nodes: [
			{
				id: 'trigger',
				name: 'Headshed Cube Trigger',
				type: TRIGGER_NODE_TYPE,
				typeVersion: target.typeVersion,
				position: [0, 0],
				parameters: { pollTimes: POLL_TIMES, ...target.parameters },
				credentials: credentialRef(target.credentialId ?? credentialId),
			},
		],
	});
}

/** A poll sends its requests within a second or two; polls are 15 seconds apart. */
const SAME_POLL_MS = 5000;

/** The trigger's requests for its list since the sandbox's log was cleared. */
async function listRequests(sandboxUrl, target) {
	const answer = await sandboxControl(sandboxUrl).requests();
	const requests = Array.isArray(answer) ? answer : answer.requests;
	return requests.filter((r) => r.path.startsWith(target.listPath));
}

/** When each poll of the trigger's list since the sandbox's log was cleared started. */
async function pollStarts(sandboxUrl, target = TRIGGERS[1]) {
	const times = (await listRequests(sandboxUrl, target)).map((r) => Date.parse(r.at)).sort((a, b) => a - b);
	return times.filter((at, n) => n === 0 || at - times[n - 1] > SAME_POLL_MS);
}

async function pollsSoFar(sandboxUrl, target = TRIGGERS[1]) {
	return (await pollStarts(sandboxUrl, target)).length;
}

/** The trigger's executions: for each marker, the ids of those whose data holds it. */
async function executionsWithEach(rest, markers, target = TRIGGERS[1]) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId: target.workflowId }));
	const { json } = await rest.request('GET', `/rest/executions?filter=${filter}`);
	const list = json?.data?.results ?? json?.data ?? [];
	const found = markers.map(() => []);
	for (const execution of list) {
		const { text } = await rest.request('GET', `/rest/executions/${execution.id}`);
		markers.forEach((marker, n) => {
			if (text.includes(marker)) found[n].push(execution.id);
		});
	}
	return { all: list.length, found };
}

async function executionsWith(rest, marker, target = TRIGGERS[1]) {
	const { all, found } = await executionsWithEach(rest, [marker], target);
	return { all, found: found[0] };
}

async function waitForPolls(sandboxUrl, count, ms, target = TRIGGERS[1]) {
	const deadline = Date.now() + ms;
	while ((await pollsSoFar(sandboxUrl, target)) < count) {
		if (Date.now() > deadline) throw new Error(`the trigger polled ${await pollsSoFar(sandboxUrl, target)} times, not ${count}`);
		await sleep(2000);
	}
}

/**
 * A record's comment that no other run holds: `label`, then a unique id, so that a printed line
 * reads "queue main running (marker 1796396187077)" rather than a bare number after the words.
 */
function markerFor(label) {
	return `${label} (marker ${Date.now()})`;
}

/**
 * Adds a response to the trigger's campaign, stamped just after the sandbox's frozen clock, then
 * moves the clock past it so that it is visible. Returns the marker in its comment.
 */
async function addResponse(sandboxUrl, label = 'e2e trigger', target = TRIGGERS[1]) {
	const control = sandboxControl(sandboxUrl);
	const state = await control.state();
	const submitted = new Date(Date.parse(state.clock?.now ?? state.now) + 60_000).toISOString();
	await control.advanceClock(120_000);
	const marker = markerFor(label);
	await control.addResponse(target.record(marker, submitted));
	return marker;
}

/** Waits until an execution of the trigger workflow holds `marker`. */
async function waitForDelivery(rest, marker, ms = 100_000, target = TRIGGERS[1]) {
	const until = Date.now() + ms;
	for (;;) {
		const result = await executionsWith(rest, marker, target);
		if (result.found.length > 0) return result;
		if (Date.now() > until) throw new Error(`no execution delivered "${marker}" within ${ms / 1000} s`);
		await sleep(3000);
	}
}

/**
 * A trigger under test: `{ sandboxUrl, target }`, the sandbox its list is on and its entry of
 * TRIGGERS. Each record must be in exactly one of the target's executions; the answer says so.
 */
async function deliveredOnce(rest, { target }, markers) {
	const { all, found } = await executionsWithEach(rest, markers, target);
	const wrong = markers.map((marker, n) => `"${marker}" in ${found[n].length}`).filter((_, n) => found[n].length !== 1);
	if (wrong.length) throw new Error(`not in exactly one execution: ${wrong.join(', ')}`);
	return all;
}

/**
 * Right after n8n started: waits for the activation poll (it emits nothing, and n8n 2.x's
 * durable scheduler never keeps its state) and adds a record before any other poll. Returns its
 * marker; `checkTriggerDelivers` checks it arrived once.
 */
async function addAfterActivation({ sandboxUrl, target }) {
	// A record listed while the activation poll reads is rightly history: add it once that poll
	// is over (every request answered, none for a while).
	const deadline = Date.now() + 60_000;
	for (;;) {
		const requests = await listRequests(sandboxUrl, target);
		const last = Math.max(...requests.map((r) => Date.parse(r.at)));
		if (requests.length > 0 && requests.every((r) => r.status !== null) && Date.now() - last > 1500) break;
		if (Date.now() > deadline) throw new Error(`the activation poll did not end within 60 s (${requests.length} requests for ${target.listPath})`);
		await sleep(250);
	}
	const marker = await addResponse(sandboxUrl, 'e2e after activation', target);
	const polls = await pollsSoFar(sandboxUrl, target);
	if (polls !== 1) throw new Error(`${polls} polls had run when the record was added, not only the activation's: this run cannot tell (n8n was slow); run it again`);
	return marker;
}

/**
 * Waits for a poll, adds a record, and checks that it and `earlier` records each arrive in exactly
 * one execution, also after two more polls.
 */
async function checkTriggerDelivers(rest, watch, earlier = []) {
	const { sandboxUrl, target } = watch;
	await sandboxControl(sandboxUrl).clearRequests();
	await waitForPolls(sandboxUrl, 1, 60_000, target);
	const marker = await addResponse(sandboxUrl, 'e2e trigger', target);
	const before = await pollsSoFar(sandboxUrl, target);
	await waitForDelivery(rest, marker, 90_000, target);
	// The polls after the delivering one must not deliver it again; a busy n8n is late.
	await waitForPolls(sandboxUrl, before + 2, 90_000, target);
	const all = await deliveredOnce(rest, watch, [...earlier, marker]);
	return `${earlier.length + 1} added, each in one execution (${all} executions; ${await pollsSoFar(sandboxUrl, target)} polls since the last was added)`;
}

/** Adds three records to the watched list, stamped just after the sandbox's clock; their markers. */
async function addThree({ sandboxUrl, target }, label) {
	const sandbox = sandboxControl(sandboxUrl);
	const state = await sandbox.state();
	const now = Date.parse(state.clock?.now ?? state.now);
	const markers = [];
	for (let n = 1; n <= 3; n++) {
		const marker = markerFor(`${label} #${n}`);
		markers.push(marker);
		await sandbox.addResponse(target.record(marker, new Date(now + n * 1000).toISOString()));
	}
	await sandbox.advanceClock(60_000);
	return markers;
}

/**
 * `restart(whileDown)` stops n8n, awaits `whileDown`, starts n8n again and returns a logged-in
 * REST client. Records added to each watched list while n8n is down must each start exactly one
 * execution after.
 */
async function checkRestartDelivers(watches, restart) {
	const markers = [];
	const rest = await restart(async () => {
		for (const watch of watches) markers.push(await addThree(watch, 'e2e restart'));
	});
	for (const watch of watches) await sandboxControl(watch.sandboxUrl).clearRequests();
	// A start under heavy load (load average 10 on 2 cores) once delivered nothing for 90 s on n8n 2.41.1.
	const until = Date.now() + 150_000;
	for (const [n, watch] of watches.entries()) {
		for (;;) {
			const { found } = await executionsWithEach(rest, markers[n], watch.target);
			if (found.every((ids) => ids.length > 0)) break;
			if (Date.now() > until) throw new Error(`version ${watch.target.typeVersion}: not delivered in ${await pollsSoFar(watch.sandboxUrl, watch.target)} polls after the restart: ${markers[n].filter((_, i) => found[i].length === 0).join(', ')}`);
			await sleep(3000);
		}
	}
	// Two more polls must not deliver any of them again.
	for (const watch of watches) await waitForPolls(watch.sandboxUrl, (await pollsSoFar(watch.sandboxUrl, watch.target)) + 2, 90_000, watch.target);
	for (const [n, watch] of watches.entries()) await deliveredOnce(rest, watch, markers[n]);
	return `${markers.flat().length} records added while n8n was stopped, each in one execution after the restart`;
}

module.exports = {
	TRIGGERS,
	TRIGGER_WORKFLOW_ID,
	triggerWorkflow,
	addAfterActivation,
	checkTriggerDelivers,
	checkRestartDelivers,
	pollsSoFar,
	waitForPolls,
	addResponse,
	waitForDelivery,
	executionsWith,
};
