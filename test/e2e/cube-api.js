// Reads the sandbox directly, without the node, to know what the node's output should be.
'use strict';

function cubeClient(baseUrl, token) {
	async function get(path) {
		const url = path.startsWith('http') ? path : `${baseUrl}${path}`;
		const res = await fetch(url, { headers: { authorization: `Token ${token}` }, signal: AbortSignal.timeout(30_000) });
		const text = await res.text();
		return { status: res.status, json: text ? JSON.parse(text) : undefined };
	}

	/** Every record of a paginated list, following `next` (the sandbox's default style). */
	async function getAll(path) {
		const records = [];
		let next = path;
		for (let page = 0; next && page < 1000; page++) {
			const { status, json } = await get(next);
			if (status !== 200) throw new Error(`GET ${next}: ${status}`);
			if (Array.isArray(json)) return json;
			records.push(...json.results);
			next = json.next;
		}
		return records;
	}

	const customer = async (assignmentId, customerId) =>
		await get(`/api/v1/assignments/${assignmentId}/customers/${customerId}`);

	return { get, getAll, customer };
}

/** YYYYMMDD of an instant in a time zone. */
function cubeDate(date, timeZone = 'Europe/Oslo') {
	return new Intl.DateTimeFormat('en-CA', { timeZone }).format(date).replace(/-/g, '');
}

module.exports = { cubeClient, cubeDate };
