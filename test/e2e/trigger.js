// The trigger in a real n8n: an active workflow polls the sandbox every minute (n8n 2.x refuses
// anything shorter), and a response added meanwhile must start exactly one execution.
'use strict';
const { CREDENTIAL_NAME } = require('../../scripts/lib/harness');

const NODE_TYPE = 'n8n-nodes-headshed-cube.headshedCube';

// 16 characters, as n8n's own ids: Postgres enforces the length in some tables (insights), SQLite does not
const TRIGGER_WORKFLOW_ID = 'e2eTriggerNewRsp';
const CAMPAIGN = 101;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function triggerWorkflow(credentialId) {
	return {
		id: TRIGGER_WORKFLOW_ID,
		name: 'e2e: trigger delivers a new response once',
		active: false,
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all' },
		nodes: [
			{
				id: 'trigger',
				name: 'Headshed Cube Trigger',
				type: `${NODE_TYPE}Trigger`,
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					pollTimes: { item: [{ mode: 'everyMinute' }] },
					event: 'newResponse',
					campaignIds: [CAMPAIGN],
				},
				credentials: { headshedCubeApi: { id: credentialId, name: CREDENTIAL_NAME } },
			},
		],
		connections: {},
		pinData: {},
	};
}

async function sandboxCall(sandboxUrl, method, route, body) {
	const res = await fetch(`${sandboxUrl}${route}`, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
		signal: AbortSignal.timeout(10_000),
	});
	return await res.json();
}

async function pollsSoFar(sandboxUrl) {
	const requests = await sandboxCall(sandboxUrl, 'GET', '/__sandbox/requests');
	const list = Array.isArray(requests) ? requests : requests.requests;
	return list.filter((r) => r.path.startsWith(`/api/v1/campaigns/${CAMPAIGN}/responses/`) && !/page=/.test(r.pathWithQuery)).length;
}

async function executionsWith(rest, marker) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId: TRIGGER_WORKFLOW_ID }));
	const { json } = await rest.request('GET', `/rest/executions?filter=${filter}`);
	const list = json?.data?.results ?? json?.data ?? [];
	const found = [];
	for (const execution of list) {
		const { text } = await rest.request('GET', `/rest/executions/${execution.id}`);
		if (text.includes(marker)) found.push(execution.id);
	}
	return { all: list.length, found };
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
	const state = await sandboxCall(sandboxUrl, 'GET', '/__sandbox/state');
	const submitted = new Date(Date.parse(state.clock?.now ?? state.now) + 60_000).toISOString();
	await sandboxCall(sandboxUrl, 'POST', '/__sandbox/clock', { advanceMs: 120_000 });
	const marker = `${label} ${Date.now()}`;
	await sandboxCall(sandboxUrl, 'POST', '/__sandbox/responses', { campaign_id: CAMPAIGN, type: 'Completed - Yes', comment: marker, submitted_when: submitted });
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
	await sandboxCall(sandboxUrl, 'DELETE', '/__sandbox/requests');
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

module.exports = {
	TRIGGER_WORKFLOW_ID,
	triggerWorkflow,
	checkTriggerDelivers,
	sandboxCall,
	pollsSoFar,
	waitForPolls,
	addResponse,
	waitForDelivery,
	executionsWith,
};
