// The e2e workflows of node version 2 against a generation-2 sandbox: one per operation of
// node version 2, bad input, and the generation-2 examples. Same shape as ./cases.js;
// ctx.api reads the generation-2 sandbox.
'use strict';
const assert = require('assert/strict');
const path = require('path');

const { GEN2_CREDENTIAL_ID } = require('../../scripts/lib/harness');
const { cubeWorkflow, itemsOf, assertSucceeded, byId, daysAgoIso, EXAMPLES_DIR } = require('./cases');
const { cubeDate } = require('./cube-api');

const v2Workflow = (id, name, branches) =>
	cubeWorkflow(id, `v2 ${name}`, branches, { credentialId: GEN2_CREDENTIAL_ID, typeVersion: 2 });

const noLabels = { customFieldLabels: false };
const lastWeek = () => ({ fromDate: daysAgoIso(7), toDate: daysAgoIso(0) });
const lastWeekQuery = () => `from_date=${cubeDate(new Date(Date.now() - 7 * 86_400_000))}&to_date=${cubeDate(new Date())}`;
const customKeys = (record) => Object.keys(record).filter((key) => key.startsWith('crm__custom_info__'));

const gen2Cases = [
	{
		workflow: v2Workflow('cubeE2eV2Campai1', 'campaign getAll', [
			{ name: 'Active', parameters: { resource: 'campaign', operation: 'getAll' } },
			{ name: 'All', parameters: { resource: 'campaign', operation: 'getAll', includeArchived: true } },
		]),
		async check(run, { api }) {
			assertSucceeded(run);
			const all = await api.getAll('/api/v1/campaigns');
			assert.deepEqual(itemsOf(run, 'All'), all);
			assert.deepEqual(itemsOf(run, 'Active'), all.filter((campaign) => campaign.campaign__archived_date === ''));
			return `${itemsOf(run, 'Active').length} active of ${all.length}`;
		},
	},
	{
		workflow: v2Workflow('cubeE2eV2Owners1', 'dataOwner getAll', [{ name: 'Data owners', parameters: { resource: 'dataOwner', operation: 'getAll' } }]),
		async check(run, { api }) {
			assertSucceeded(run);
			const items = itemsOf(run, 'Data owners');
			const expected = new Set((await api.getAll('/api/v1/campaigns')).map((c) => `${c.data_owner__id}:${c.campaign__crm_type}`));
			assert.deepEqual(items.map((o) => `${o.data_owner__id}:${o.crm_type}`).sort(), [...expected].sort());
			assert.ok(items.every((o) => typeof o.data_owner__id === 'number' && o.data_owner__name));
			return `${items.length} data owner CRMs`;
		},
	},
	{
		workflow: v2Workflow('cubeE2eV2Custom1', 'customer getAll and get, custom field labels', [
			{ name: 'Many', parameters: { resource: 'customer', operation: 'getAll', dataOwnerId: byId(12), crmType: 'B2C', limit: 600 } },
			{ name: 'Raw', parameters: { resource: 'customer', operation: 'getAll', dataOwnerId: byId(12), crmType: 'B2B', returnAll: true, options: noLabels } },
			{ name: 'One', parameters: { resource: 'customer', operation: 'get', dataOwnerId: byId(12), crmType: 'B2C', customerId: '001200042' } },
		]),
		async check(run, { api }) {
			assertSucceeded(run);
			const many = itemsOf(run, 'Many');
			assert.equal(many.length, 600);
			assert.deepEqual(customKeys(many[0]), ['crm__custom_info__Adresse gate', 'crm__custom_info__Postnummer', 'crm__custom_info__Forbruk kWh', 'crm__custom_info__Samtykke e-post', 'crm__custom_info__Rabatt %', 'crm__custom_info__Avtale-type', 'crm__custom_info__999']);
			assert.deepEqual(itemsOf(run, 'Raw'), await api.getAll('/api/v1/data_owners/12/B2B/customers/'));
			const [one] = itemsOf(run, 'One');
			assert.equal(one.crm__customer_id, '001200042');
			return `${many.length} labelled, ${itemsOf(run, 'Raw').length} raw, one by id`;
		},
	},
	{
		workflow: v2Workflow('cubeE2eV2Fields1', 'customField getAll', [{ name: 'Fields', parameters: { resource: 'customField', operation: 'getAll', dataOwnerId: byId(31), crmType: 'B2C' } }]),
		async check(run, { api }) {
			assertSucceeded(run);
			assert.deepEqual(itemsOf(run, 'Fields'), (await api.get('/api/v1/data_owners/31/B2C/crm_custom_fields/')).json);
			return `${itemsOf(run, 'Fields').length} definitions`;
		},
	},
	{
		workflow: v2Workflow('cubeE2eV2Outcom1', 'callOutcome getAll by campaign, CRM and tenant', [
			{ name: 'Campaign', parameters: { resource: 'callOutcome', operation: 'getAll', scope: 'campaign', campaignId: byId(201), ...lastWeek(), returnAll: true, options: noLabels } },
			{ name: 'CRM', parameters: { resource: 'callOutcome', operation: 'getAll', scope: 'crm', dataOwnerId: byId(31), crmType: 'B2C', ...lastWeek(), returnAll: true } },
			{ name: 'Tenant', parameters: { resource: 'callOutcome', operation: 'getAll', scope: 'all', ...lastWeek(), returnAll: true } },
		]),
		async check(run, { api }) {
			assertSucceeded(run);
			assert.deepEqual(itemsOf(run, 'Campaign'), await api.getAll(`/api/v1/campaigns/201/call_outcomes/?${lastWeekQuery()}`));
			const crm = itemsOf(run, 'CRM');
			assert.equal(crm.length, (await api.getAll(`/api/v1/data_owners/31/crm/B2C/call_outcomes/?${lastWeekQuery()}`)).length);
			assert.ok(crm.every((record) => 'crm__custom_info__Fødselsår' in record), 'labels of the CRM');
			const tenant = itemsOf(run, 'Tenant');
			assert.equal(tenant.length, (await api.getAll(`/api/v1/call_outcomes/?${lastWeekQuery()}`)).length);
			return `${itemsOf(run, 'Campaign').length} / ${crm.length} / ${tenant.length}`;
		},
	},
	{
		workflow: v2Workflow('cubeE2eV2Status1', 'customerStatus getAll by campaign and CRM', [
			{ name: 'Campaign', parameters: { resource: 'customerStatus', operation: 'getAll', scope: 'campaign', campaignId: byId(204), callState: 'Call back', returnAll: true, options: noLabels } },
			{ name: 'CRM', parameters: { resource: 'customerStatus', operation: 'getAll', scope: 'crm', dataOwnerId: byId(12), crmType: 'B2C', limit: 20 } },
		]),
		async check(run, { api }) {
			assertSucceeded(run);
			assert.deepEqual(itemsOf(run, 'Campaign'), await api.getAll('/api/v1/campaigns/204/callflow_customers/?call_state=Call%20back'));
			assert.equal(itemsOf(run, 'CRM').length, 20);
			return `${itemsOf(run, 'Campaign').length} call-backs`;
		},
	},
	{
		workflow: v2Workflow('cubeE2eV2Produc1', 'productRegistration getAll by campaign and CRM', [
			{ name: 'Campaign', parameters: { resource: 'productRegistration', operation: 'getAll', scope: 'campaign', campaignId: byId(201), ...lastWeek(), returnAll: true, options: noLabels } },
			{ name: 'CRM', parameters: { resource: 'productRegistration', operation: 'getAll', scope: 'crm', dataOwnerId: byId(12), crmType: 'B2C', ...lastWeek(), returnAll: true, options: noLabels } },
		]),
		async check(run, { api }) {
			assertSucceeded(run);
			assert.deepEqual(itemsOf(run, 'Campaign'), await api.getAll(`/api/v1/campaigns/201/product_registrations/?${lastWeekQuery()}`));
			assert.deepEqual(itemsOf(run, 'CRM'), await api.getAll(`/api/v1/data_owners/12/crm/B2C/product_registrations/?${lastWeekQuery()}`));
			return `${itemsOf(run, 'Campaign').length} / ${itemsOf(run, 'CRM').length}`;
		},
	},
	{
		workflow: v2Workflow('cubeE2eV2BadIn01', 'bad input: CRM type', [
			{ name: 'Bad CRM type', parameters: { resource: 'customer', operation: 'getAll', dataOwnerId: byId(12), crmType: '={{ "B2X" }}' } },
		]),
		expectFailure: true,
		async check(run) {
			const error = run.data.resultData.error;
			assert.ok(error, 'run has no error');
			assert.match(error.message, /CRM Type must be B2C or B2B/);
			return error.message;
		},
	},
	{
		example: 'gen2-yesterdays-call-outcomes.json',
		async check(run, { api }) {
			assertSucceeded(run);
			const items = itemsOf(run, 'Shape CRM activity');
			const yesterday = cubeDate(new Date(Date.now() - 86_400_000));
			const expected = await api.getAll(`/api/v1/data_owners/12/crm/B2C/call_outcomes/?from_date=${yesterday}&to_date=${yesterday}`);
			assert.equal(items.length, expected.length);
			assert.ok(items.length > 0, 'some call outcomes yesterday');
			assert.ok(items.some((item) => item.street_address), 'custom fields read under their labels');
			assert.ok(items.every((item) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/.test(item.contacted_at)), 'timestamps read with their offset');
			return `${items.length} CRM activities`;
		},
	},
	{
		example: 'gen2-yesterdays-sales.json',
		async check(run) {
			assertSucceeded(run);
			const items = itemsOf(run, 'Shape sale');
			assert.ok(items.length > 0, 'some sales yesterday');
			assert.ok(items.every((item) => item.product_code && typeof item.price_nok === 'number'));
			// Cube's zoneless minute, read in the workflow's zone
			assert.ok(items.every((item) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000[+-]\d\d:\d\d$/.test(item.sold_at)), `sold_at as an instant with its offset: ${items[0].sold_at}`);
			return `${items.length} sales, ${items.filter((item) => item.anonymised).length} anonymised`;
		},
	},
];

for (const c of gen2Cases) {
	c.generation = 2;
	if (c.example) c.workflow = require(path.join(EXAMPLES_DIR, c.example));
}

module.exports = { gen2Cases };
