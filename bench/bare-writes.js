// The practical floor of the write benchmark: the same PUTs as the HTTP Request node sends, from
// Node's own http client in this process, a new connection for each as n8n's request helper
// opens, `inFlight` at a time. No n8n, no expressions: what the sandbox and loopback allow.
'use strict';
const http = require('http');

const { SANDBOX_TOKEN } = require('../scripts/lib/sandbox-client');

function put(url, body) {
	return new Promise((resolve, reject) => {
		const text = JSON.stringify(body);
		const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), authorization: `Token ${SANDBOX_TOKEN}` };
		const req = http.request(url, { method: 'PUT', agent: false, headers }, (res) => {
			res.resume();
			res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`PUT ${url}: ${res.statusCode}`))));
		});
		req.on('error', reject);
		req.end(text);
	});
}

/** Writes `customers` back (name as read, city Oslo) and returns the milliseconds it took. */
async function bareClientWrites({ sandboxUrl, customers, inFlight }) {
	let next = 0;
	const worker = async () => {
		while (next < customers.length) {
			const { customer_id: id, name } = customers[next++];
			await put(`${sandboxUrl}/api/v1/assignments/9/customers/${id}`, { assignment_id: 9, customer_id: id, name, city: 'Oslo' });
		}
	};
	const started = process.hrtime.bigint();
	await Promise.all(Array.from({ length: inFlight }, worker));
	return Number(process.hrtime.bigint() - started) / 1e6;
}

module.exports = { bareClientWrites };
