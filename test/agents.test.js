// The node for AI agents: the Output option and its defaults per version and as a tool, errors
// as words for a model, n8n 1.x's shared tool across versions, and customer search. Run by
// n8n's engine against the sandbox over HTTP.
const fc = require('fast-check');
const { NodeHelpers } = require('n8n-workflow');
const { idLocator, runCube } = require('./support/cubeWorkflow');
const { loadPackage } = require('./support/engine');
const { served, tokenCredential, useSandbox } = require('./support/sandbox');
const { runCubeTool, ToolNodeTypes } = require('./support/tool');
const { parsePhoneNumber, samePhoneNumber } = require('../dist/nodes/HeadshedCube/helpers/phoneNumbers');

const crm = (dataOwnerId, crmType) => ({ dataOwnerId: idLocator(dataOwnerId), crmType });
const LAST_WEEK = { fromDate: '2026-11-13', toDate: '2026-11-20' };
const isFlat = (value) => value === null || typeof value !== 'object';

describe('defaults: saved nodes keep their output, new nodes and tools get the agent defaults', () => {
	let versioned;
	beforeAll(async () => {
		versioned = (await loadPackage()).nodeTypes.headshedCube.type;
	});

	/** The parameters n8n resolves for a saved node of `typeVersion` that stored only `parameters`. */
	function resolved(typeVersion, asTool, parameters) {
		const { description } = NodeHelpers.getVersionedNodeType(versioned, typeVersion);
		const seenAs = asTool ? { ...description, name: `${description.name}Tool` } : description;
		const node = { name: 'Cube', type: seenAs.name, typeVersion, position: [0, 0], parameters };
		return NodeHelpers.getNodeParameters(seenAs.properties, parameters, true, false, node, seenAs);
	}

	const V1 = { resource: 'customer', operation: 'getAll', assignmentId: idLocator(9) };
	const V2 = { resource: 'callOutcome', operation: 'getAll', campaignId: idLocator(201) };
	test.each([
		[1, false, 'raw', 50, V1],
		[1, true, 'raw', 50, V1],
		[2, false, 'raw', 50, V2],
		[2, true, 'raw', 50, V2],
		[2.1, false, 'simplified', 50, V2],
		[2.1, true, 'simplified', 10, V2],
	])('version %s, as a tool %s: Output %s, Limit %s', (typeVersion, asTool, output, limit, parameters) => {
		expect(resolved(typeVersion, asTool, parameters)).toEqual(expect.objectContaining({ output, limit }));
	});

	test('a value the user set wins over every default', () => {
		expect(resolved(2.1, true, { ...V2, output: 'raw', limit: 50 })).toEqual(expect.objectContaining({ output: 'raw', limit: 50 }));
	});
});

describe('version 2 against a generation-2 sandbox', () => {
	const sandbox = useSandbox({ generation: 2 });
	const credential = () => tokenCredential(sandbox);
	const customersOf = (key) => sandbox.data.customersByCrm.get(key);

	async function run(parameters, typeVersion = 2.1) {
		const result = await runCube(parameters, { credential: credential(), typeVersion });
		if (result.error) throw result.error;
		return result.json;
	}

	const OPERATIONS = [
		['campaign getAll', { resource: 'campaign', operation: 'getAll' }],
		['dataOwner getAll', { resource: 'dataOwner', operation: 'getAll' }],
		['customer getAll', { resource: 'customer', operation: 'getAll', ...crm(12, 'B2C'), limit: 5 }],
		['customer get', { resource: 'customer', operation: 'get', ...crm(31, 'B2B'), customerId: 'B3100001' }],
		['customer search', { resource: 'customer', operation: 'search', ...crm(12, 'B2C'), searchBy: 'name', searchValue: 'a', limit: 5 }],
		['customField getAll', { resource: 'customField', operation: 'getAll', ...crm(12, 'B2B') }],
		['callOutcome getAll', { resource: 'callOutcome', operation: 'getAll', campaignId: idLocator(201), ...LAST_WEEK, limit: 5 }],
		['customerStatus getAll', { resource: 'customerStatus', operation: 'getAll', campaignId: idLocator(201), limit: 5 }],
		['productRegistration getAll', { resource: 'productRegistration', operation: 'getAll', campaignId: idLocator(201), ...LAST_WEEK, limit: 5 }],
	];

	test.each(OPERATIONS)('%s: a saved version-2 node returns raw records; 2.1 says Raw to get them', async (_, parameters) => {
		const saved = await run(parameters, 2);
		expect(saved.length).toBeGreaterThan(0);
		expect(await run({ ...parameters, output: 'raw' })).toEqual(saved);
	});

	test.each(OPERATIONS)('%s: Simplified (the 2.1 default) is flat, at most 10 filled fields, taken from the record', async (_, parameters) => {
		const raw = await run({ ...parameters, output: 'raw' });
		const simplified = await run(parameters);
		expect(simplified).toHaveLength(raw.length);
		simplified.forEach((record, index) => {
			const entries = Object.entries(record);
			expect(entries.length).toBeGreaterThan(0);
			expect(entries.length).toBeLessThanOrEqual(10);
			const rawText = JSON.stringify(raw[index]);
			for (const [, value] of entries) {
				expect(isFlat(value)).toBe(true);
				expect(value).not.toBe('');
				// every value is the record's own (phones may be joined; `active` is derived)
				if (typeof value !== 'boolean') String(value).split(', ').forEach((part) => expect(rawText).toContain(JSON.stringify(part).slice(1, -1)));
			}
		});
		expect(JSON.stringify(simplified).length).toBeLessThan(JSON.stringify(raw).length);
	});

	test.each(OPERATIONS)('%s: Selected Fields keeps exactly the keys listed', async (_, parameters) => {
		const raw = await run({ ...parameters, output: 'raw' });
		const keys = Object.keys(raw[0]).slice(0, 2);
		const selected = await run({ ...parameters, output: 'selected', fields: ` ${keys.join(' ,')}, not_a_key` });
		expect(selected).toEqual(raw.map((record) => Object.fromEntries(keys.map((key) => [key, record[key]]))));
		expect(selected.map((record) => Object.keys(record))).toEqual(raw.map(() => keys));
	});

	test('simplified call outcome and customer: the fields a person asks about, custom fields under their labels', async () => {
		const [outcome] = await run(OPERATIONS[6][1]);
		expect(Object.keys(outcome)).toEqual(expect.arrayContaining(['customerId', 'customerName', 'outcome', 'submittedAt', 'campaign']));
		const [customer] = await run({ resource: 'customer', operation: 'get', ...crm(12, 'B2C'), customerId: '001200001' });
		expect(customer).toEqual({
			customerId: '001200001',
			name: 'Maja Birkeland',
			phone: '+47 982 98 662, +47 915 73 171',
			email: 'maja.0@gmail.com',
			'Adresse gate': 'Åsveien 117',
			...Object.fromEntries(Object.entries(customer).filter(([key]) => !['customerId', 'name', 'phone', 'email', 'Adresse gate'].includes(key))),
		});
		expect(Object.keys(customer).some((key) => key.startsWith('crm__'))).toBe(false);
	});

	test('Selected Fields with nothing listed is refused, naming the parameter and what to do', async () => {
		const { error } = await runCube({ ...OPERATIONS[2][1], output: 'selected', fields: ' , ' }, { credential: credential(), typeVersion: 2.1 });
		expect(error.message).toBe('Fields is empty, so Selected Fields would return nothing');
		expect(error.description).toMatch(/separated by commas/);
	});

	describe('as an AI tool', () => {
		test('a Cube error comes back as an item with the message and its hint; in a workflow it still stops the run', async () => {
			const missing = { resource: 'customer', operation: 'get', ...crm(12, 'B2C'), customerId: 'nobody' };
			const asTool = await runCubeTool(missing, { credential: credential(), typeVersion: 2.1 });
			expect(asTool.error).toBeUndefined();
			expect(asTool.json).toEqual([{ error: expect.stringMatching(/404 Not Found to GET \/api\/v1\/data_owners\/12\/B2C\/customers\/nobody/), hint: expect.any(String) }]);
			expect(JSON.stringify(asTool.json)).not.toContain(credential().token);
			const inWorkflow = await runCube(missing, { credential: credential(), typeVersion: 2.1 });
			expect(inWorkflow.error.message).toBe(asTool.json[0].error);
			expect(inWorkflow.json).toEqual([]);
		});

		test('bad input from the model comes back as words it can act on, one answer per input item', async () => {
			const { json, error } = await runCubeTool(
				{ resource: 'customer', operation: 'search', ...crm(12, 'B2C'), searchBy: 'phone', searchValue: '={{ $json.q }}' },
				{ credential: credential(), typeVersion: 2.1, items: [{ json: { q: 'call me' } }, { json: { q: '+47 982 98 662' } }] },
			);
			expect(error).toBeUndefined();
			expect(json[0]).toEqual({ error: 'Search Value "call me" holds no digits, so it is no phone number', hint: expect.stringMatching(/Give the phone/) });
			expect(json[1]).toEqual(expect.objectContaining({ customerId: '001200001' }));
		});

		test.each([
			[2.1, true, 10],
			[2, true, 50],
			[2.1, false, 50],
		])('version %s as a tool %s: Limit left alone returns %s records', async (typeVersion, asTool, count) => {
			const parameters = { resource: 'customer', operation: 'getAll', ...crm(12, 'B2C') };
			const { json } = asTool
				? await runCubeTool(parameters, { credential: credential(), typeVersion })
				: await runCube(parameters, { credential: credential(), typeVersion });
			expect(json).toHaveLength(count);
		});

		test.each([
			[[2.1, 1], 1, 'version 2 and 2.1'],
			[[1, 2.1], 2.1, 'version 1'],
		])("n8n 1.x's one tool per node type: versions %j in one process, the later one is refused with the reason", async (order, refused, servedBy) => {
			const nodeTypes = new ToolNodeTypes(await loadPackage(), { cacheByName: true });
			const parametersOf = (version) =>
				version === 1 ? { resource: 'campaign', operation: 'getAll' } : { resource: 'dataOwner', operation: 'getAll' };
			const results = [];
			for (const typeVersion of order) {
				results.push(await runCubeTool(parametersOf(typeVersion), { credential: credential(), typeVersion, nodeTypes }));
			}
			const later = results[1];
			expect(later.error).toBeUndefined();
			expect(later.json).toEqual([
				{
					error: `This Headshed Cube node is version ${refused}, but n8n ran it with the code of ${servedBy}`,
					hint: expect.stringMatching(/Use one version for every Headshed Cube tool on this n8n instance/),
				},
			]);
			expect(results[0].json[0].error).toBeUndefined();
		});
	});

	describe('customer search', () => {
		beforeEach(() => sandbox.configure({ pageSize: 500 }));
		const PATH = '/api/v1/data_owners/12/B2C/customers/';
		const search = (searchBy, searchValue, more = {}) =>
			run({ resource: 'customer', operation: 'search', ...crm(12, 'B2C'), searchBy, searchValue, returnAll: true, output: 'raw', options: { customFieldLabels: false }, ...more });
		const digitsOf = (text) => String(text).replace(/\D/g, '');
		const phonesOf = (customer) => [1, 2, 3].map((n) => customer[`crm__standard_info__phone_${n}`]).filter(Boolean);

		test.each(['+4798298662', '004798298662', '98298662', '982 98 662', '+47 982-98-662', '0047 98 29 86 62'])(
			'phone %s finds every customer with that number, and only them',
			async (written) => {
				const expected = customersOf('12:B2C').filter((c) => phonesOf(c).some((phone) => digitsOf(phone).endsWith('98298662')));
				expect(expected.map((c) => c.crm__customer_id)).toContain('001200001');
				expect(await search('phone', written)).toEqual(expected);
			},
		);

		test('e-mail: the whole address, in any case', async () => {
			expect(await search('email', '  MAJA.0@Gmail.COM ')).toEqual([customersOf('12:B2C')[0]]);
			expect(await search('email', 'maja.0@gmail')).toEqual([]);
		});

		test('name: contains, in any case', async () => {
			const expected = customersOf('12:B2C').filter((c) => c.crm__standard_info__name.toLowerCase().includes('birkeland'));
			expect(expected.length).toBeGreaterThan(1);
			expect(await search('name', 'BIRKELAND')).toEqual(expected);
		});

		test('customer ID: one request for a customer, none found is no item and no error', async () => {
			expect(await search('customerId', '001200001')).toEqual([customersOf('12:B2C')[0]]);
			expect(served(sandbox)).toEqual([`GET ${PATH}001200001`]);
			expect(await search('customerId', '1200001')).toEqual([]);
		});

		test('Limit stops reading: a match on page 1 costs 1 request, on page 3 (one page at a time) 3 and the re-read of pages 1–2; no match reads all 20 and re-reads 19', async () => {
			const customers = customersOf('12:B2C');
			expect(customers).toHaveLength(10000);
			await search('email', customers[3].crm__standard_info__email, { returnAll: false, limit: 1 });
			expect(served(sandbox)).toEqual([`GET ${PATH}`]);
			sandbox.reset();
			await search('email', customers[1203].crm__standard_info__email, { returnAll: false, limit: 1, options: { customFieldLabels: false, concurrency: 1 } });
			// then pages 1 and 2 once more: the transport's verifying re-read (docs/transport.md)
			expect(served(sandbox)).toEqual([`GET ${PATH}`, `GET ${PATH}?page=2`, `GET ${PATH}?page=3`, `GET ${PATH}`, `GET ${PATH}?page=2`]);
			sandbox.reset();
			await search('email', customers[1203].crm__standard_info__email);
			// 20 pages, then every page but the last once more (the verifying re-read)
			expect(served(sandbox)).toHaveLength(20 + 19);
		});
	});
});

describe('version 1 against a generation-1 sandbox: Output on every list operation and customer get', () => {
	const sandbox = useSandbox();
	const first = () => sandbox.data.customersByAssignment.get(9)[0];
	const OPERATIONS = [
		['client getAll', { resource: 'client', operation: 'getAll' }],
		['assignment getAll', { resource: 'assignment', operation: 'getAll' }],
		['campaign getAll', { resource: 'campaign', operation: 'getAll', includeInactive: true }],
		['customer getAll', { resource: 'customer', operation: 'getAll', assignmentId: idLocator(9), limit: 5 }],
		['customer get', { resource: 'customer', operation: 'get', assignmentId: idLocator(9), customerId: '={{ $json.id }}' }],
		['response getAll', { resource: 'response', operation: 'getAll', campaignId: idLocator(101), fromDate: '2026-11-01', toDate: '2026-11-20', limit: 5, options: { includeCustomer: true } }],
	];
	const run = async (parameters) => {
		const { json, error } = await runCube(parameters, { credential: tokenCredential(sandbox), items: [{ json: { id: first().customer_id } }] });
		if (error) throw error;
		return json;
	};

	test.each(OPERATIONS)('%s: saved nodes keep raw records; Simplified is flat, at most 10 filled fields from the record', async (_, parameters) => {
		const raw = await run(parameters);
		expect(raw.length).toBeGreaterThan(0);
		expect(await run({ ...parameters, output: 'raw' })).toEqual(raw);
		const simplified = await run({ ...parameters, output: 'simplified' });
		expect(simplified).toHaveLength(raw.length);
		simplified.forEach((record, index) => {
			const entries = Object.entries(record);
			expect(entries.length).toBeGreaterThan(1);
			expect(entries.length).toBeLessThanOrEqual(10);
			const rawText = JSON.stringify(raw[index]);
			for (const [, value] of entries) {
				expect(isFlat(value)).toBe(true);
				if (typeof value !== 'boolean') String(value).split(/, | /).forEach((part) => expect(rawText).toContain(JSON.stringify(part).slice(1, -1)));
			}
		});
	});
});

describe('phone numbers: one number however it is written', () => {
	const digits = (min, max) => fc.stringMatching(new RegExp(`^[1-9][0-9]{${min - 1},${max - 1}}$`));
	/** The number written with spaces or dashes between some digits. */
	const spaced = (text, gaps) => [...text].map((char, index) => (gaps[index % gaps.length] ? `${char}${gaps[index % gaps.length]}` : char)).join('').trim();
	const gaps = fc.array(fc.constantFrom('', '', ' ', '-'), { minLength: 1, maxLength: 5 });
	const writings = (countryCode, national) => [`+${countryCode}${national}`, `00${countryCode}${national}`, national, `0${national}`];

	test('every writing of a number (country code or not, + or 00, leading zero, spaces, dashes) is the same number', () => {
		fc.assert(
			fc.property(digits(1, 3), digits(6, 10), gaps, fc.nat(3), fc.nat(3), (countryCode, national, gapsOf, a, b) => {
				const [first, second] = [writings(countryCode, national)[a], writings(countryCode, national)[b]];
				expect(samePhoneNumber(parsePhoneNumber(spaced(first, gapsOf)), parsePhoneNumber(second))).toBe(true);
			}),
		);
	});

	test('two national numbers of one length are never the same, however written', () => {
		fc.assert(
			fc.property(digits(1, 3), digits(8, 8), digits(8, 8), fc.nat(3), fc.nat(3), (countryCode, one, other, a, b) => {
				fc.pre(one !== other);
				const written = (national, index) => parsePhoneNumber(writings(countryCode, national)[index]);
				expect(samePhoneNumber(written(one, a), written(other, b))).toBe(false);
			}),
		);
	});
});
