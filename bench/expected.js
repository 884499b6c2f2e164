// What the benchmark's runs must return, read from the sandbox directly before the latency is
// set: the customers of assignment 9, and campaign 101's responses from its start to today
// with how many of them have a customer card; and generation 2's customers of CRM 12/B2C.
'use strict';
const { cubeReader } = require('../scripts/lib/sandbox-client');
const { CRM_CUSTOMERS_PATH, CUSTOMERS_PATH } = require('./workflows');

const isoDay = (cubeDay) => `${cubeDay.slice(0, 4)}-${cubeDay.slice(4, 6)}-${cubeDay.slice(6, 8)}`;
const cubeDay = (isoDate) => isoDate.replace(/-/g, '');

/**
 * { dates: { fromDate, toDate }, expected: { customers, responses, crmCustomers } } with today in
 * `timeZone`; `gen2SandboxUrl` the generation-2 sandbox's.
 */
async function expectedRecords(sandboxUrl, gen2SandboxUrl, control, timeZone) {
	const cube = cubeReader(sandboxUrl);
	const state = await control.state();
	const toDate = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(state.clock.now));
	const campaign = (await cube.getAll('/api/v1/campaigns?include_inactive_campaigns=True')).find((record) => Number(record.campaign_id) === 101);
	const fromDate = /^\d{8}$/.test(campaign.start_date) ? isoDay(campaign.start_date) : campaign.start_date.slice(0, 10);
	const customers = await cube.getAll(CUSTOMERS_PATH);
	const crmCustomers = await cubeReader(gen2SandboxUrl).getAll(CRM_CUSTOMERS_PATH);
	const responses = await cube.getAll(`/api/v1/campaigns/101/responses/from_date/${cubeDay(fromDate)}/to_date/${cubeDay(toDate)}`);
	const ids = new Set(customers.map((customer) => String(customer.customer_id)));
	return {
		dates: { fromDate, toDate },
		expected: {
			customers: { records: customers.length, joined: 0 },
			responses: { records: responses.length, joined: responses.filter((response) => ids.has(String(response.crm_customer_id))).length },
			crmCustomers: { records: crmCustomers.length, joined: 0 },
		},
	};
}

module.exports = { expectedRecords };
