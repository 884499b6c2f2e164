// The trigger in a real n8n: an active workflow polls the sandbox every minute (n8n 2.x refuses
// anything shorter), and a response added meanwhile must start exactly one execution.
'use strict';
const { sleep } = require('../../scripts/lib/processes');
const { sandboxControl } = require('../../scripts/lib/sandbox-client');
const { TRIGGER_NODE_TYPE, credentialRef, workflow } = require('../../scripts/lib/workflows');

const TRIGGER_WORKFLOW_ID = 'e2eTriggerNewResp';
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

async function pollsSoFar(sandboxUrl) {
	const requests = await sandboxControl(sandboxUrl).requests();
	return requests.filter((r) => r.path.startsWith(`/api/v1/campaigns/${CAMPAIGN}/responses/`) && !/page=/.test(r.pathWithQuery)).length;
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

/** Waits for two polls, adds a response, and checks it arrives in exactly one execution. */
async function checkTriggerDelivers(rest, sandboxUrl) {
	// The activation polled when n8n started; from here on only the trigger asks for campaign
	// 101's responses, so the log counts its scheduled polls.
	const control = sandboxControl(sandboxUrl);
	await control.clearRequests();
	await waitForPolls(sandboxUrl, 1, 100_000);
	// The sandbox clock is frozen; the new response is stamped just after it, then made visible.
	const state = await control.state();
	const submitted = new Date(Date.parse(state.clock?.now ?? state.now) + 60_000).toISOString();
	await control.advanceClock(120_000);
	const marker = `e2e trigger ${Date.now()}`;
	await control.addResponse({ campaign_id: CAMPAIGN, type: 'Completed - Yes', comment: marker, submitted_when: submitted });
	const before = await pollsSoFar(sandboxUrl);
	let result;
	const until = Date.now() + 100_000;
	do {
		await sleep(3000);
		result = await executionsWith(rest, marker);
	} while (result.found.length === 0 && Date.now() < until);
	if (result.found.length === 0) throw new Error('no execution delivered the new response');
	// The poll after the delivering one must not deliver it again.
	await waitForPolls(sandboxUrl, before + 2, 100_000);
	result = await executionsWith(rest, marker);
	if (result.found.length !== 1) throw new Error(`delivered in ${result.found.length} executions`);
	return `activation + ${await pollsSoFar(sandboxUrl)} scheduled polls, delivered once (${result.all} executions in all)`;
}

module.exports = { TRIGGER_WORKFLOW_ID, triggerWorkflow, checkTriggerDelivers };
