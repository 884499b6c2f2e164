// The practical floor of the write benchmark: the same PUTs as the HTTP Request node sends, from
// Node's own http client in this process, a new connection for each as n8n's request helper
// opens, `inFlight` at a time. No n8n, no expressions: what the sandbox and loopback allow.
'use strict';
const { SANDBOX_TOKEN, requestJson } = require('../scripts/lib/sandbox-client');

const HEADERS = { authorization: `Token ${SANDBOX_TOKEN}` };

/** Writes `customers` back (name as read, city Oslo) and returns the milliseconds it took. */
async function bareClientWrites({ sandboxUrl, customers, inFlight }) {
	let next = 0;
	const worker = async () => {
		while (next < customers.length) {
			const { customer_id: id, name } = customers[next++];
			const url = `${sandboxUrl}/api/v1/assignments/9/customers/${id}`;
			const { status } = await requestJson(url, { method: 'PUT', headers: HEADERS, body: { assignment_id: 9, customer_id: id, name, city: 'Oslo' } });
			if (status !== 200) throw new Error(`PUT ${url}: ${status}`);
		}
	};
	const started = process.hrtime.bigint();
	await Promise.all(Array.from({ length: inFlight }, worker));
	return Number(process.hrtime.bigint() - started) / 1e6;
}

module.exports = { bareClientWrites };
