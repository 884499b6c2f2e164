'use strict';

// The generation-2 tenant of the sandbox over HTTP: its data, its routes, its quirk knobs.
const { createSandbox, SANDBOX_TOKEN } = require('../index');
const { calendarDate } = require('../time/dates');

const NOW = '2026-11-20T10:00:00Z'; // 11:00 in Oslo
const TOKEN = { Authorization: `Token ${SANDBOX_TOKEN}` };

let sandbox;

async function call(path, { method = 'GET', headers = TOKEN } = {}) {
	const response = await fetch(path.startsWith('http') ? path : sandbox.url + path, { method, headers });
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

beforeAll(async () => {
	sandbox = createSandbox({ generation: 2, now: NOW, freezeClock: true });
	await sandbox.start(0);
});

afterAll(() => sandbox.stop());

beforeEach(() => {
	sandbox.reset();
	sandbox.configure({ pageSize: 25, nextLinkStyle: 'http', crmSegment: 'documented', nextLinkTarget: 'page', looseTypes: false });
});

const allOutcomes = () => [...sandbox.data.callOutcomesByCampaign.values()].flat();

describe('seed data', () => {
	test('data owners with both CRM types, active and archived campaigns, 10,000 customers in one CRM', () => {
		const crmTypesByOwner = new Map();
		for (const campaign of sandbox.data.campaigns) {
			const types = crmTypesByOwner.get(campaign.data_owner__id) ?? new Set();
			crmTypesByOwner.set(campaign.data_owner__id, types.add(campaign.campaign__crm_type));
		}
		expect([...crmTypesByOwner.values()].filter((types) => types.size === 2).length).toBeGreaterThanOrEqual(2);
		const archived = sandbox.data.campaigns.filter((c) => c.campaign__archived_date !== '');
		expect(archived.length).toBeGreaterThan(0);
		expect(archived.every((c) => /^\d{4}-\d\d-\d\d$/.test(c.campaign__archived_date) && c.campaign__is_active === '')).toBe(true);
		expect(sandbox.data.campaigns.filter((c) => c.campaign__is_active === true).length).toBeGreaterThan(0);
		expect(sandbox.data.customersByCrm.get('12:B2C')).toHaveLength(10000);
	});

	test('customers: string ids (leading zeros), custom fields keyed by id, loose values', () => {
		const customers = sandbox.data.customersByCrm.get('12:B2C');
		expect(customers[0].crm__customer_id).toMatch(/^0+\d+$/);
		const values = customers.slice(0, 200).flatMap((c) => Object.values(c));
		expect(values).toContain('');
		expect(values).toContain('False');
		expect(values.some((value) => /^\d+\.0$/.test(value))).toBe(true);
		expect(Object.keys(customers[0])).toContain('crm__custom_info__64');
	});

	test('custom field definitions with Norwegian labels, a shared label, and a record key without definition', () => {
		const labels = [...sandbox.data.definitionsByCrm.values()].flat().map((d) => d.key);
		expect(labels.some((label) => /[æøåÆØÅ]/.test(label))).toBe(true);
		expect(labels.filter((label) => label === 'Kommentar')).toHaveLength(2);
		const defined = new Set(sandbox.data.definitionsByCrm.get('12:B2C').map((d) => d.lookup__id));
		expect(defined.has('crm__custom_info__999')).toBe(false);
		expect(sandbox.data.customersByCrm.get('12:B2C')[0]).toHaveProperty(['crm__custom_info__999']);
	});

	test('weeks of call outcomes: some near Oslo midnight, some sharing a minute, timestamps with +0100', () => {
		const outcomes = allOutcomes();
		const days = new Set(outcomes.map(({ ms }) => calendarDate(ms, 'Europe/Oslo')));
		expect(days.size).toBeGreaterThanOrEqual(14);
		const nearMidnight = outcomes.filter(({ record }) => /^(23:[45]\d|00:[01]\d)$/.test(record.call_outcome__report_as__submitted_when.slice(11)));
		expect(nearMidnight.length).toBeGreaterThan(5);
		const minutes = new Map();
		for (const { record } of outcomes) {
			const key = `${record.campaign__name}|${record.call_outcome__report_as__submitted_when}`;
			minutes.set(key, (minutes.get(key) ?? 0) + 1);
		}
		expect([...minutes.values()].some((count) => count > 1)).toBe(true);
		for (const { ms, record } of outcomes.slice(0, 50)) {
			expect(record.call_outcome__report_as__submitted_when_timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0100$/);
			expect(Date.parse(record.call_outcome__report_as__submitted_when_timestamp.replace(/(\d\d)(\d\d)$/, '$1:$2'))).toBe(ms);
			expect(record).not.toHaveProperty('campaign__id');
			expect(record).not.toHaveProperty('data_owner__id');
		}
	});

	test('customer status with call states; product registrations with anonymised rows', () => {
		const statuses = [...sandbox.data.statusByCampaign.values()].flat();
		expect(new Set(statuses.map((s) => s.callflow__callstate__name)).size).toBeGreaterThanOrEqual(4);
		const registrations = [...sandbox.data.registrationsByCampaign.values()].flat().map((entry) => entry.record);
		const anonymised = registrations.filter((r) => r.crm__customer_id === '');
		expect(anonymised.length).toBeGreaterThan(0);
		expect(anonymised.every((r) => r.crm__standard_info__name === 'Anonymized')).toBe(true);
		expect(registrations.every((r) => !('call_outcome__report_as__submitted_when_timestamp' in r) && r.product__code)).toBe(true);
	});
});

describe('routes', () => {
	test('campaigns: a bare list, archived included; no trailing slash', async () => {
		const { status, body } = await call('/api/v1/campaigns');
		expect(status).toBe(200);
		expect(body).toEqual(sandbox.data.campaigns);
	});

	test('generation 1 paths are not there', async () => {
		expect((await call('/api/v1/assignments')).status).toBe(404);
		expect((await call('/api/v1/campaigns/201/responses/')).status).toBe(404);
	});

	test('customers of a CRM, paged; one customer by its string id', async () => {
		const page = await call('/api/v1/data_owners/12/B2C/customers/?page=3');
		expect(page.body.count).toBe(10000);
		expect(page.body.results).toEqual(sandbox.data.customersByCrm.get('12:B2C').slice(50, 75));
		const id = sandbox.data.customersByCrm.get('12:B2C')[7].crm__customer_id;
		expect((await call(`/api/v1/data_owners/12/B2C/customers/${id}`)).body.crm__customer_id).toBe(id);
		expect((await call(`/api/v1/data_owners/12/B2C/customers/${Number(id)}`)).status).toBe(404);
		expect((await call('/api/v1/data_owners/12/B2C/customers/%E0%A4%A')).status).toBe(404);
	});

	test('unknown data owner, CRM type or campaign: 404', async () => {
		expect((await call('/api/v1/data_owners/99/B2C/customers/')).status).toBe(404);
		expect((await call('/api/v1/data_owners/47/B2C/customers/')).status).toBe(404);
		expect((await call('/api/v1/data_owners/12/b2c/customers/')).status).toBe(404);
		expect((await call('/api/v1/campaigns/999/call_outcomes/')).status).toBe(404);
	});

	test('call outcomes: from_date and to_date are Oslo days, inclusive; missing means today', async () => {
		const inWindow = (from, to) =>
			sandbox.data.callOutcomesByCampaign.get(201).filter(({ ms }) => {
				const day = calendarDate(ms, 'Europe/Oslo');
				return day >= from && day <= to && ms <= Date.parse(NOW);
			});
		expect((await call('/api/v1/campaigns/201/call_outcomes/?from_date=20261110&to_date=20261112')).body.count).toBe(inWindow('2026-11-10', '2026-11-12').length);
		expect((await call('/api/v1/campaigns/201/call_outcomes/')).body.count).toBe(inWindow('2026-11-20', '2026-11-20').length);
		expect((await call('/api/v1/campaigns/201/call_outcomes/?from_date=20261120&to_date=20261110')).status).toBe(400);
		expect((await call('/api/v1/campaigns/201/call_outcomes/?from_date=2026-11-10')).status).toBe(400);
	});

	test('call outcomes of a CRM and of the whole tenant merge campaigns in submission order', async () => {
		const crm = await call('/api/v1/data_owners/12/crm/B2C/call_outcomes/?from_date=20261101&to_date=20261120');
		const tenant = await call('/api/v1/call_outcomes/?from_date=20261101&to_date=20261120');
		expect(tenant.body.count).toBeGreaterThan(crm.body.count);
		const stamps = crm.body.results.map((r) => Date.parse(r.call_outcome__report_as__submitted_when_timestamp.replace(/(\d\d)(\d\d)$/, '$1:$2')));
		expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
	});

	test('customer status: call_state filters a campaign, not a CRM (undocumented there)', async () => {
		const filtered = await call('/api/v1/campaigns/201/callflow_customers/?call_state=Completed%20-%20Yes');
		expect(filtered.body.results.every((r) => r.callflow__callstate__name === 'Completed - Yes')).toBe(true);
		const crm = await call('/api/v1/data_owners/12/crm/B2C/callflow_customers/?call_state=Completed%20-%20Yes');
		expect(new Set(crm.body.results.map((r) => r.callflow__callstate__name)).size).toBeGreaterThan(1);
	});

	test('writes are not allowed; a missing token is a 401', async () => {
		expect((await call('/api/v1/data_owners/12/B2C/customers/', { method: 'POST' })).status).toBe(405);
		expect((await call('/api/v1/campaigns', { headers: {} })).status).toBe(401);
	});

	test('added call outcomes appear in their campaign (the control API\'s responses)', async () => {
		const record = sandbox.addResponse({ campaign__id: 203, submitted_when: '2026-11-20T09:59:00Z' });
		expect(record.call_outcome__report_as__submitted_when).toBe('2026-11-20 10:59');
		const { body } = await call('/api/v1/campaigns/203/call_outcomes/?from_date=20261120&to_date=20261120');
		expect(body.results).toContainEqual(record);
	});
});

describe('quirk knobs', () => {
	test.each([
		['documented', [200, 404, 404, 200]],
		['swapped', [404, 200, 200, 404]],
		['both', [200, 200, 200, 200]],
	])('crmSegment %s', async (crmSegment, expected) => {
		sandbox.configure({ crmSegment });
		const statuses = [];
		for (const path of ['12/B2C/customers/', '12/crm/B2C/customers/', '12/B2C/call_outcomes/', '12/crm/B2C/call_outcomes/']) {
			statuses.push((await call(`/api/v1/data_owners/${path}`)).status);
		}
		expect(statuses).toEqual(expected);
	});

	test('nextLinkTarget request: the next link repeats the request URL, without a page number', async () => {
		sandbox.configure({ nextLinkTarget: 'request' });
		const first = await call('/api/v1/data_owners/12/B2B/customers/');
		expect(first.body.next).toBe(`${sandbox.url}/api/v1/data_owners/12/B2B/customers/`);
		const second = await call('/api/v1/data_owners/12/B2B/customers/?page=2');
		expect(second.body.next).toBe(`${sandbox.url}/api/v1/data_owners/12/B2B/customers/`);
		const last = await call('/api/v1/data_owners/12/B2B/customers/?page=5');
		expect(last.body.next).toBeNull();
	});

	test('nextLinkTarget otherEndpoint: product registrations link to call outcomes', async () => {
		sandbox.configure({ nextLinkTarget: 'otherEndpoint', pageSize: 5 });
		const registrations = await call('/api/v1/campaigns/201/product_registrations/?from_date=20261101&to_date=20261120');
		expect(registrations.body.next).toBe(`${sandbox.url}/api/v1/campaigns/201/call_outcomes/?from_date=20261101&to_date=20261120&page=2`);
		const outcomes = await call('/api/v1/campaigns/201/call_outcomes/?from_date=20261101&to_date=20261120');
		expect(outcomes.body.next).toContain('/call_outcomes/');
	});

	test('looseTypes: ids of campaigns, data owners and definitions as strings', async () => {
		sandbox.configure({ looseTypes: true });
		const campaigns = (await call('/api/v1/campaigns')).body;
		expect(campaigns[0]).toEqual(expect.objectContaining({ campaign__id: '201', data_owner__id: '12', service__id: '3' }));
		expect((await call('/api/v1/data_owners/12/B2C/crm_custom_fields/')).body[0].id).toBe('64');
	});

	test('unknown knob values are refused; generation 1 has none of these knobs', () => {
		expect(() => sandbox.configure({ crmSegment: 'sometimes' })).toThrow(/crmSegment must be one of/);
		expect(() => createSandbox({ crmSegment: 'both' })).toThrow(/Unknown sandbox knob: crmSegment/);
		expect(() => createSandbox({ generation: 3 })).toThrow(/generation must be 1 or 2/);
	});
});
