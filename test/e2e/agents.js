// The node for AI agents in real n8n: an AI Agent run driven by a fake OpenAI-compatible model
// (test/support/fakeModel.js) that calls a Cube tool, and an MCP client (the official SDK) that
// lists and calls the Cube tools of the "Cube MCP server" example, against the generation-2
// sandbox. Same shape as ./cases.js for the agent run; the MCP checks need `n8n start`.
'use strict';
const assert = require('assert/strict');
const path = require('path');

const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
const { StreamableHTTPClientTransport } = require('@modelcontextprotocol/sdk/client/streamableHttp.js');

const { assertSucceeded, EXAMPLES_DIR } = require('./cases');
const { startFakeModel } = require('../support/fakeModel');

const MCP_EXAMPLE = require(path.join(EXAMPLES_DIR, 'cube-mcp-server.json'));
const MCP_PATH = MCP_EXAMPLE.nodes.find((node) => node.type.endsWith('.mcpTrigger')).parameters.path;
const FAKE_MODEL_CREDENTIAL_ID = 'cubeFakeModel001';
const SEARCHED_PHONE = '982 98 662';
const SEARCHED_CUSTOMER_ID = '001200001';

const toolNode = (name) => MCP_EXAMPLE.nodes.find((node) => node.name === name);

/** The model's first answer: call the customer search with a phone number written nationally. */
function pickSearchCall(tools) {
	const names = tools.map((tool) => tool.function?.name ?? tool.name);
	const name = names.find((candidate) => /search/i.test(candidate));
	if (!name) throw new Error(`no search tool among ${names.join(', ')}`);
	return { name, arguments: { searchBy: 'phone', searchValue: SEARCHED_PHONE } };
}

async function startAgentModel() {
	return await startFakeModel({ pickCall: pickSearchCall });
}

function fakeModelCredential(model) {
	return { id: FAKE_MODEL_CREDENTIAL_ID, name: 'Fake model (loopback)', type: 'openAiApi', data: { apiKey: 'sk-fake-e2e', url: model.url } };
}

/** Manual Trigger → AI Agent with the fake model and the example's "Search customers" tool. */
function agentWorkflow() {
	const id = 'cubeE2eAgent0001';
	const uuid = (n) => `c7e2a000-0000-4000-8000-${String(n).padStart(12, '0')}`;
	return {
		id,
		name: 'e2e: AI Agent with a Cube tool and a fake model',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: uuid(1), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: uuid(2),
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 3,
				position: [240, 0],
				parameters: { promptType: 'define', text: `Who has the phone number ${SEARCHED_PHONE}?`, options: {} },
			},
			{
				id: uuid(3),
				name: 'Fake model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.2,
				position: [120, 220],
				parameters: { model: { __rl: true, mode: 'id', value: 'fake-model' }, options: {} },
				credentials: { openAiApi: { id: FAKE_MODEL_CREDENTIAL_ID, name: 'Fake model (loopback)' } },
			},
			{ ...toolNode('Search customers'), id: uuid(4), position: [360, 220] },
		],
		connections: {
			Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'Fake model': { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
			'Search customers': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
		pinData: {},
	};
}

/** The simplified customers the sandbox holds with that phone number, as the tool must give them. */
async function customersWithPhone(api) {
	const customers = await api.getAll('/api/v1/data_owners/12/B2C/customers/');
	const digits = (text) => String(text).replace(/\D/g, '');
	return customers.filter((c) => [1, 2, 3].some((n) => digits(c[`crm__standard_info__phone_${n}`]).endsWith(digits(SEARCHED_PHONE))));
}

/** The JSON a tool answered with, from its text (n8n may wrap it). */
function answerRecords(text) {
	const start = text.search(/[[{]/);
	assert.ok(start >= 0, `no JSON in the tool's answer: ${text.slice(0, 300)}`);
	const parsed = JSON.parse(text.slice(start));
	const list = Array.isArray(parsed) ? parsed : [parsed];
	return list.map((entry) => (entry && typeof entry === 'object' && 'json' in entry ? entry.json : entry));
}

function assertSimplified(records) {
	for (const record of records) {
		assert.ok(Object.keys(record).length <= 10, `more than 10 fields: ${JSON.stringify(record)}`);
		assert.ok(Object.values(record).every((value) => value === null || typeof value !== 'object'), `not flat: ${JSON.stringify(record)}`);
	}
}

/** The agent run: the model must have been given the tool's real answer, and quoted it. */
function agentCase(model) {
	return {
		workflow: agentWorkflow(),
		generation: 2,
		async check(run, { api }) {
			assertSucceeded(run);
			const [answer] = model.toolAnswers();
			assert.ok(answer, `the model got no tool answer; requests: ${model.requests.length}`);
			const records = answerRecords(answer);
			const expected = await customersWithPhone(api);
			assert.deepEqual(records.map((r) => r.customerId).sort(), expected.map((c) => c.crm__customer_id).sort());
			assert.ok(records.some((r) => r.customerId === SEARCHED_CUSTOMER_ID));
			assertSimplified(records);
			const output = JSON.stringify(run.data.resultData.runData['AI Agent'][0].data.main[0][0].json);
			assert.ok(output.includes(SEARCHED_CUSTOMER_ID), `the agent's answer does not quote the tool: ${output.slice(0, 300)}`);
			return `${records.length} customer(s) for "${SEARCHED_PHONE}", ${answer.length} characters to the model`;
		},
	};
}

async function callText(client, name, args) {
	const result = await client.callTool({ name, arguments: args });
	return { text: (result.content ?? []).map((part) => part.text ?? '').join(''), isError: result.isError };
}

/**
 * An MCP client connected to the example. n8n answers its REST API before it has registered
 * every active workflow's webhooks, and on a busy machine before Express has mounted the /mcp
 * routes at all, so "not registered" and Express's "Cannot POST" are waited out (60 s at most).
 */
async function connectedClient(baseUrl) {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const client = new Client({ name: 'cube-e2e', version: '1.0.0' });
		try {
			await client.connect(new StreamableHTTPClientTransport(new URL(`${baseUrl}/mcp/${MCP_PATH}`)));
			return client;
		} catch (error) {
			if (!/not registered|Cannot POST/.test(error.message) || Date.now() > deadline) throw error;
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
	}
}

/** Lists the tools of the MCP server example and calls each; returns a line for the tally. */
async function checkMcpServer(baseUrl, api) {
	const client = await connectedClient(baseUrl);
	try {
		const { tools } = await client.listTools();
		const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
		assert.deepEqual(Object.keys(byName).sort(), ['Call_outcomes', 'Data_owners', 'Search_customers']);
		assert.deepEqual(Object.keys(byName.Search_customers.inputSchema.properties ?? {}).sort(), ['searchBy', 'searchValue']);
		assert.deepEqual(Object.keys(byName.Call_outcomes.inputSchema.properties ?? {}).sort(), ['fromDate', 'limit', 'toDate']);
		assert.match(byName.Search_customers.description, /phone number, e-mail address, name or customer ID/);

		const found = await callText(client, 'Search_customers', { searchBy: 'phone', searchValue: `+47${SEARCHED_PHONE.replace(/ /g, '')}` });
		const customers = answerRecords(found.text);
		assert.deepEqual(customers.map((r) => r.customerId).sort(), (await customersWithPhone(api)).map((c) => c.crm__customer_id).sort());
		assertSimplified(customers);

		const wrong = await callText(client, 'Search_customers', { searchBy: 'phone', searchValue: 'call me' });
		const [problem] = answerRecords(wrong.text);
		assert.equal(problem.error, 'Search Value "call me" holds no digits, so it is no phone number');
		assert.match(problem.hint, /Give the phone/);

		const today = new Date().toISOString().slice(0, 10);
		const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
		const outcomes = await callText(client, 'Call_outcomes', { fromDate: weekAgo, toDate: today, limit: 10 });
		const outcomeRecords = answerRecords(outcomes.text);
		assert.ok(outcomeRecords.length > 0 && outcomeRecords.length <= 10, `${outcomeRecords.length} call outcomes`);
		assertSimplified(outcomeRecords);
		assert.ok(outcomes.text.length < 6_000, `call outcomes answer is ${outcomes.text.length} characters`);

		const owners = answerRecords((await callText(client, 'Data_owners', {})).text);
		assert.equal(owners.length, 5);
		assert.deepEqual(Object.keys(owners[0]).sort(), ['crmType', 'dataOwnerId', 'name']);
		return `3 tools; search ${found.text.length}, call outcomes ${outcomes.text.length} (${outcomeRecords.length} records), error as words`;
	} finally {
		await client.close();
	}
}

module.exports = { MCP_EXAMPLE, agentCase, checkMcpServer, fakeModelCredential, startAgentModel };
