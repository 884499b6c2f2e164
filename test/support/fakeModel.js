// A stand-in for an OpenAI-compatible chat model, on loopback, for AI Agent runs in real n8n
// without a real model: `POST …/chat/completions` answers the first call of a conversation with
// a call of one of the tools it is offered, and the next (which carries the tool's answer) with
// a final message quoting that answer. Every request is kept, so a test reads exactly what the
// tool gave the model.
'use strict';
const http = require('http');

/**
 * `pickCall(tools)`: the tool call to make, `{ name, arguments }`, from the tools of the request
 * (OpenAI's `tools` list). Answers in a stream where the request asks for one.
 */
async function startFakeModel({ pickCall }) {
	const requests = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			if (req.method !== 'POST' || !req.url.endsWith('/chat/completions')) {
				res.writeHead(404, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ error: { message: `no ${req.method} ${req.url} here` } }));
				return;
			}
			const request = JSON.parse(body);
			requests.push(request);
			const toolAnswers = request.messages.filter((message) => message.role === 'tool');
			const message =
				toolAnswers.length === 0
					? toolCallMessage(pickCall(request.tools ?? []))
					: { role: 'assistant', content: `The tool answered: ${contentText(toolAnswers[toolAnswers.length - 1].content)}` };
			if (request.stream) streamAnswer(res, request.model, message);
			else answer(res, request.model, message);
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	return {
		url: `http://127.0.0.1:${port}/v1`,
		requests,
		/** The tool answers the model was given, in order, as text. */
		toolAnswers: () =>
			requests.flatMap((request) => request.messages.filter((m) => m.role === 'tool').map((m) => contentText(m.content))).filter((text, index, all) => all.indexOf(text) === index),
		stop: () => new Promise((resolve) => server.close(resolve)),
	};
}

function contentText(content) {
	return Array.isArray(content) ? content.map((part) => part.text ?? '').join('') : String(content ?? '');
}

function toolCallMessage({ name, arguments: args }) {
	return {
		role: 'assistant',
		content: null,
		tool_calls: [{ id: 'call_cube_1', type: 'function', function: { name, arguments: JSON.stringify(args) } }],
	};
}

function answer(res, model, message) {
	res.writeHead(200, { 'content-type': 'application/json' });
	res.end(
		JSON.stringify({
			id: 'chatcmpl-fake',
			object: 'chat.completion',
			created: Math.floor(Date.now() / 1000),
			model,
			choices: [{ index: 0, message, finish_reason: message.tool_calls ? 'tool_calls' : 'stop' }],
			usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
		}),
	);
}

function streamAnswer(res, model, message) {
	res.writeHead(200, { 'content-type': 'text/event-stream' });
	const chunk = (delta, finish) =>
		res.write(`data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
	if (message.tool_calls) {
		const [call] = message.tool_calls;
		chunk({ role: 'assistant', content: null, tool_calls: [{ index: 0, ...call }] }, null);
		chunk({}, 'tool_calls');
	} else {
		chunk({ role: 'assistant', content: message.content }, null);
		chunk({}, 'stop');
	}
	res.end('data: [DONE]\n\n');
}

module.exports = { startFakeModel };
