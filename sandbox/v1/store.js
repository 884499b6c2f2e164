'use strict';

const { generateSeedData } = require('./seed');
const { customerRecord, validateCustomerBody } = require('./customers');
const { instantMicros, formatMicros, toMs } = require('../time/dates');

const NOT_FOUND = { status: 404, body: { detail: 'Not found.' } };

function refill(target, source) {
	if (Array.isArray(target)) target.splice(0, target.length, ...source);
	else {
		target.clear();
		for (const [key, value] of source) target.set(key, value);
	}
}

/** Submitted-when as microseconds; accepts a Date, epoch ms, or an ISO string (whose microseconds are kept). */
function submittedMicros(value) {
	if (typeof value === 'string') {
		const micros = instantMicros(value);
		if (Number.isNaN(micros)) throw new TypeError(`Invalid submitted_when: ${value}`);
		return micros;
	}
	return toMs(value, 'submitted_when') * 1000;
}

/**
 * The sandbox's in-memory data and the API's rules on it. `data` keeps its identity across
 * reset() (arrays and maps are refilled in place) so references held by tests stay live.
 */
function createStore({ seed, anchorMs }) {
	const data = {
		clients: [],
		assignments: [],
		campaigns: [],
		customFieldsByAssignment: new Map(),
		customersByAssignment: new Map(),
		responsesByCampaign: new Map(),
	};
	/** Responses listed before their time; weak, so that reset() needs not clear it. */
	const visibleEarly = new WeakSet();

	function reset() {
		const fresh = generateSeedData({ seed, anchorMs });
		for (const key of Object.keys(data)) refill(data[key], fresh[key]);
	}
	reset();

	const findAssignment = (assignmentId) => data.assignments.find((a) => a.assignment_id === assignmentId);
	const findCampaign = (campaignId) => data.campaigns.find((c) => c.campaign_id === campaignId);

	function customersOf(assignmentId) {
		let customers = data.customersByAssignment.get(assignmentId);
		if (!customers) {
			customers = [];
			data.customersByAssignment.set(assignmentId, customers);
		}
		return customers;
	}

	function sortedCustomers(assignmentId) {
		const customers = customersOf(assignmentId);
		// Tests may push records straight into the live arrays; keep the documented order anyway.
		for (let i = 1; i < customers.length; i++) {
			if (customers[i - 1].id > customers[i].id) {
				customers.sort((a, b) => a.id - b.id);
				break;
			}
		}
		return customers;
	}

	const findCustomer = (assignmentId, customerId) =>
		customersOf(assignmentId).find((customer) => customer.customer_id === customerId);

	function nextInternalId() {
		let max = 0;
		for (const customers of data.customersByAssignment.values()) {
			for (const customer of customers) if (customer.id > max) max = customer.id;
		}
		return max + 1;
	}

	const customFieldsOf = (assignmentId) => data.customFieldsByAssignment.get(assignmentId) ?? [];

	/** Active = no end date, or an end date not before `today` (the server zone's calendar date). */
	function listCampaigns({ includeInactive, today }) {
		return data.campaigns.filter((c) => includeInactive || c.end_date === '' || c.end_date >= today);
	}

	function listCustomers(assignmentId) {
		return findAssignment(assignmentId) ? { items: sortedCustomers(assignmentId) } : NOT_FOUND;
	}

	function getCustomer(assignmentId, customerId) {
		const customer = findAssignment(assignmentId) && findCustomer(assignmentId, customerId);
		return customer ? { status: 200, body: customer } : NOT_FOUND;
	}

	// readBody() parses lazily, as DRF does: a 404 is decided before the body is looked at.
	function updateCustomer(assignmentId, customerId, readBody) {
		const customer = findAssignment(assignmentId) && findCustomer(assignmentId, customerId);
		if (!customer) return NOT_FOUND;
		const parsed = readBody();
		if (parsed.error) return parsed.error;
		const result = validateCustomerBody(parsed.value, {
			assignmentId,
			customerId,
			customFields: customFieldsOf(assignmentId),
			creating: false,
		});
		if (result.errors) return { status: 400, body: result.errors };
		Object.assign(customer, result.changes);
		return { status: 200, body: customer };
	}

	function createCustomer(assignmentId, customerId, readBody) {
		if (!findAssignment(assignmentId)) return NOT_FOUND;
		const parsed = readBody();
		if (parsed.error) return parsed.error;
		const customFields = customFieldsOf(assignmentId);
		const result = validateCustomerBody(parsed.value, { assignmentId, customerId, customFields, creating: true });
		if (result.errors) return { status: 400, body: result.errors };
		if (findCustomer(assignmentId, customerId)) {
			return { status: 400, body: { customer_id: ['customer with this customer id already exists.'] } };
		}
		const customer = customerRecord({ id: nextInternalId(), customerId, assignmentId, customFields }, result.changes);
		customersOf(assignmentId).push(customer);
		return { status: 201, body: customer };
	}

	/**
	 * Responses of a campaign submitted in [fromMs, untilMs) and not after `nowMs` (unless added as
	 * visible at once), ordered by submitted_when then insertion (Array#sort is stable).
	 */
	function responsesBetween(campaignId, fromMs, untilMs, nowMs) {
		const lowest = fromMs * 1000;
		const beyond = Math.min(untilMs * 1000, (nowMs + 1) * 1000);
		const matching = [];
		for (const response of data.responsesByCampaign.get(campaignId) ?? []) {
			const micros = instantMicros(response.submitted_when);
			const visible = micros < beyond || (visibleEarly.has(response) && micros < untilMs * 1000);
			if (micros >= lowest && visible) matching.push({ micros, response });
		}
		matching.sort((a, b) => a.micros - b.micros);
		return matching.map((entry) => entry.response);
	}

	/** `visibleNow`: listed at once even when stamped in the future (a clock ahead, an import). */
	function addResponse(input, nowMs, { visibleNow = false } = {}) {
		if (input === null || typeof input !== 'object') throw new TypeError('addResponse expects an object');
		const campaignId = Number(input.campaign_id);
		const campaign = findCampaign(campaignId);
		if (!campaign) throw new RangeError(`Unknown campaign_id: ${input.campaign_id}`);
		const customers = customersOf(campaign.assignment_id);
		const crmCustomerId = input.crm_customer_id === undefined ? customers[0]?.customer_id : Number(input.crm_customer_id);
		if (!Number.isInteger(crmCustomerId)) throw new RangeError(`Invalid crm_customer_id: ${input.crm_customer_id}`);
		const customer = findCustomer(campaign.assignment_id, crmCustomerId);
		const record = {
			submitted_by: input.submitted_by ?? 'sandbox.agent@kontaktsenter.no',
			submitted_when: formatMicros(input.submitted_when === undefined ? nowMs * 1000 : submittedMicros(input.submitted_when)),
			crm_customer_id: crmCustomerId,
			customer_name: customer ? customer.name : (input.customer_name ?? null),
			campaign_id: campaignId,
			type: input.type ?? 'Completed - Yes',
			subtype: input.subtype ?? '',
			comment: input.comment ?? '',
		};
		let responses = data.responsesByCampaign.get(campaignId);
		if (!responses) {
			responses = [];
			data.responsesByCampaign.set(campaignId, responses);
		}
		responses.push(record);
		if (visibleNow) visibleEarly.add(record);
		return record;
	}

	function counts() {
		let customers = 0;
		let responses = 0;
		for (const list of data.customersByAssignment.values()) customers += list.length;
		for (const list of data.responsesByCampaign.values()) responses += list.length;
		return {
			clients: data.clients.length,
			assignments: data.assignments.length,
			campaigns: data.campaigns.length,
			customers,
			responses,
		};
	}

	return {
		data,
		reset,
		counts,
		findCampaign,
		listCampaigns,
		listAssignments: () => data.assignments,
		listCustomers,
		getCustomer,
		updateCustomer,
		createCustomer,
		responsesBetween,
		addResponse,
	};
}

module.exports = { createStore };
