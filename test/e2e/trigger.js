// The trigger in a real n8n: an active workflow polls the sandbox every minute (n8n 2.x refuses
// anything shorter), and a response (version 2: a call outcome) added meanwhile must start
// exactly one execution.
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
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, ...target.parameters },
				credentials: credentialRef(target.credentialId ?? credentialId),
			},
		],
	});
}

/** A poll sends its requests within seconds; polls are a minute apart. */
const SAME_POLL_MS = 15_000;

async function pollsSoFar(sandboxUrl, target = TRIGGERS[1]) {
	const answer = await sandboxControl(sandboxUrl).requests();
	const requests = Array.isArray(answer) ? answer : answer.requests;
	const times = requests
		.filter((r) => r.path.startsWith(target.listPath))
		.map((r) => Date.parse(r.at))
		.sort((a, b) => a - b);
	return times.filter((at, n) => n === 0 || at - times[n - 1] > SAME_POLL_MS).length;
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

/** Waits for two polls, adds a response, and checks it arrives in exactly one execution. */
async function checkTriggerDelivers(rest, sandboxUrl, target = TRIGGERS[1]) {
	// The activation polled when n8n started; from here on only the trigger asks for its
	// campaign's list, so the log counts its scheduled polls.
	const control = sandboxControl(sandboxUrl);
	await control.clearRequests();
	await waitForPolls(sandboxUrl, 1, 120_000, target);
	const marker = await addResponse(sandboxUrl, 'e2e trigger', target);
	const before = await pollsSoFar(sandboxUrl, target);
	await waitForDelivery(rest, marker, 100_000, target);
	// The poll after the delivering one must not deliver it again.
	// Polls come a minute apart, so two more take up to two minutes, and a busy n8n is late.
	await waitForPolls(sandboxUrl, before + 2, 180_000, target);
	const result = await executionsWith(rest, marker, target);
	if (result.found.length !== 1) throw new Error(`delivered in ${result.found.length} executions`);
	return `activation + ${await pollsSoFar(sandboxUrl, target)} scheduled polls, delivered once (${result.all} executions in all)`;
}

/**
 * `restart(whileDown)` stops n8n, awaits `whileDown`, starts n8n again and returns a logged-in
 * REST client. Responses added while n8n is down must each start exactly one execution after.
 */
async function checkRestartDelivers(sandboxUrl, restart) {
	const markers = [];
	const sandbox = sandboxControl(sandboxUrl);
	const rest = await restart(async () => {
		const state = await sandbox.state();
		const now = Date.parse(state.clock?.now ?? state.now);
		for (let n = 1; n <= 3; n++) {
			const marker = markerFor(`e2e restart #${n}`);
			markers.push(marker);
			const submitted = new Date(now + n * 1000).toISOString();
			await sandbox.addResponse(TRIGGERS[1].record(marker, submitted));
		}
		await sandbox.advanceClock(60_000);
	});
	await sandbox.clearRequests();
	let result;
	const until = Date.now() + 150_000;
	do {
		await sleep(3000);
		result = await executionsWithEach(rest, markers);
	} while (result.found.some((ids) => ids.length === 0) && Date.now() < until);
	const missing = markers.filter((_, n) => result.found[n].length === 0);
	if (missing.length) throw new Error(`not delivered after the restart: ${missing.join(', ')}`);
	// Two more polls must not deliver any of them again.
	const before = await pollsSoFar(sandboxUrl);
	await waitForPolls(sandboxUrl, before + 2, 150_000);
	result = await executionsWithEach(rest, markers);
	const counts = result.found.map((ids) => ids.length);
	if (counts.some((count) => count !== 1)) throw new Error(`delivered in ${counts.join(', ')} executions`);
	return `${markers.length} responses added while n8n was stopped, each delivered once after the restart`;
}

module.exports = {
	TRIGGERS,
	TRIGGER_WORKFLOW_ID,
	triggerWorkflow,
	checkTriggerDelivers,
	checkRestartDelivers,
	pollsSoFar,
	waitForPolls,
	addResponse,
	waitForDelivery,
	executionsWith,
};
