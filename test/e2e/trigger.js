// The trigger in a real n8n: an active workflow polls the sandbox every minute (n8n 2.x refuses
// anything shorter), and a response added meanwhile must start exactly one execution.
'use strict';
const { sleep } = require('../../scripts/lib/processes');
const { sandboxControl } = require('../../scripts/lib/sandbox-client');
const { TRIGGER_NODE_TYPE, credentialRef, workflow } = require('../../scripts/lib/workflows');

// At most 16 characters: n8n saves no static data (the trigger's cursor) for a longer id, and
// Postgres (queue mode) enforces that length in some tables.
const TRIGGER_WORKFLOW_ID = 'e2eTriggerNewRsp';
const CAMPAIGN = 101;

function triggerWorkflow(credentialId) {
	return workflow({
		id: TRIGGER_WORKFLOW_ID,
		name: 'e2e: trigger delivers a new response once',
		settings: { saveDataSuccessExecution: 'all' },
		nodes: [
			{
				id: 'trigger',
				name: 'Headshed Cube Trigger',
				type: TRIGGER_NODE_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					pollTimes: { item: [{ mode: 'everyMinute' }] },
					event: 'newResponse',
					campaignIds: [CAMPAIGN],
				},
				credentials: credentialRef(credentialId),
			},
		],
	});
}

/** A poll sends its requests within seconds; polls are a minute apart. */
const SAME_POLL_MS = 15_000;

async function pollsSoFar(sandboxUrl) {
	const answer = await sandboxControl(sandboxUrl).requests();
	const requests = Array.isArray(answer) ? answer : answer.requests;
	const times = requests
		.filter((r) => r.path.startsWith(`/api/v1/campaigns/${CAMPAIGN}/responses/`))
		.map((r) => Date.parse(r.at))
		.sort((a, b) => a - b);
	return times.filter((at, n) => n === 0 || at - times[n - 1] > SAME_POLL_MS).length;
}

/** The trigger's executions: for each marker, the ids of those whose data holds it. */
async function executionsWithEach(rest, markers) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId: TRIGGER_WORKFLOW_ID }));
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

async function executionsWith(rest, marker) {
	const { all, found } = await executionsWithEach(rest, [marker]);
	return { all, found: found[0] };
}

async function waitForPolls(sandboxUrl, count, ms) {
	const deadline = Date.now() + ms;
	while ((await pollsSoFar(sandboxUrl)) < count) {
		if (Date.now() > deadline) throw new Error(`the trigger polled ${await pollsSoFar(sandboxUrl)} times, not ${count}`);
		await sleep(2000);
	}
}

/**
 * Adds a response to the trigger's campaign, stamped just after the sandbox's frozen clock, then
 * moves the clock past it so that it is visible. Returns the marker in its comment.
 */
async function addResponse(sandboxUrl, label = 'e2e trigger') {
	const control = sandboxControl(sandboxUrl);
	const state = await control.state();
	const submitted = new Date(Date.parse(state.clock?.now ?? state.now) + 60_000).toISOString();
	await control.advanceClock(120_000);
	const marker = `${label} ${Date.now()}`;
	await control.addResponse({ campaign_id: CAMPAIGN, type: 'Completed - Yes', comment: marker, submitted_when: submitted });
	return marker;
}

/** Waits until an execution of the trigger workflow holds `marker`. */
async function waitForDelivery(rest, marker, ms = 100_000) {
	const until = Date.now() + ms;
	for (;;) {
		const result = await executionsWith(rest, marker);
		if (result.found.length > 0) return result;
		if (Date.now() > until) throw new Error(`no execution delivered "${marker}" within ${ms / 1000} s`);
		await sleep(3000);
	}
}

/** Waits for two polls, adds a response, and checks it arrives in exactly one execution. */
async function checkTriggerDelivers(rest, sandboxUrl) {
	// The activation polled when n8n started; from here on only the trigger asks for campaign
	// 101's responses, so the log counts its scheduled polls.
	const control = sandboxControl(sandboxUrl);
	await control.clearRequests();
	await waitForPolls(sandboxUrl, 1, 100_000);
	const marker = await addResponse(sandboxUrl);
	const before = await pollsSoFar(sandboxUrl);
	await waitForDelivery(rest, marker);
	// The poll after the delivering one must not deliver it again.
	await waitForPolls(sandboxUrl, before + 2, 100_000);
	const result = await executionsWith(rest, marker);
	if (result.found.length !== 1) throw new Error(`delivered in ${result.found.length} executions`);
	return `activation + ${await pollsSoFar(sandboxUrl)} scheduled polls, delivered once (${result.all} executions in all)`;
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
			const marker = `e2e restart ${Date.now()} #${n}`;
			markers.push(marker);
			const submitted = new Date(now + n * 1000).toISOString();
			await sandbox.addResponse({ campaign_id: CAMPAIGN, type: 'Completed - Yes', comment: marker, submitted_when: submitted });
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
