// The transport's and helpers' pure functions, called directly with the awkward inputs.
const { parseRetryAfter } = require('../dist/nodes/HeadshedCube/transport/retryPolicy');
const { pageNumberOf, pageProblem } = require('../dist/nodes/HeadshedCube/transport/pagination');
const { cubeMessageOf } = require('../dist/nodes/HeadshedCube/transport/errors');
const { hideSecrets, secretsOf } = require('../dist/nodes/HeadshedCube/transport/secrets');
const { toCubeDate } = require('../dist/nodes/HeadshedCube/helpers/cubeDate');
const { parseCubeId } = require('../dist/nodes/HeadshedCube/helpers/ids');
const { forEachIndex } = require('../dist/nodes/HeadshedCube/execution/itemPool');
const { SendSlots } = require('../dist/nodes/HeadshedCube/execution/sendSlots');

describe('parseRetryAfter', () => {
	const now = Date.parse('2026-11-20T10:00:00Z');
	test.each([
		['120', 120_000],
		['1.5', 1500],
		[['3', '9'], 3000],
		['Fri, 20 Nov 2026 10:00:30 GMT', 30_000],
		['Fri, 20 Nov 2026 09:59:00 GMT', 0],
		['soon', undefined],
		[undefined, undefined],
	])('%p is %p ms', (header, ms) => {
		expect(parseRetryAfter(header, now)).toBe(ms);
	});
});

describe('pageNumberOf', () => {
	test.each([
		['https://a.cube4sales.com/api/v1/assignments/9/customers/?page=2', 2],
		['/x/?size=5&page=12', 12],
		['/x/?response_type=Sale/?page=3', 3],
		['/x/?page=2x', undefined],
		['/x/?subpage=4', undefined],
		['/x/?cursor=abc', undefined],
	])('%s is page %p', (link, page) => {
		expect(pageNumberOf(link)).toBe(page);
	});
});

describe('pageProblem', () => {
	test.each([
		[{ count: 1, next: null, results: [{ id: 1 }] }, undefined],
		['<html>login</html>', 'the page is not valid JSON'],
		[[{ id: 1 }], 'the page is not a JSON object'],
		[{ count: 1, results: [null] }, 'the page\'s "results" hold something that is not a record'],
		[{ count: -1, results: [] }, 'the page\'s "count" (-1) is not a number of records'],
		[{ count: 1, next: 5, results: [] }, 'the page\'s "next" link is not text'],
	])('%p: %p', (body, problem) => {
		expect(pageProblem(body)).toBe(problem);
	});
});

describe('cubeMessageOf', () => {
	test.each([
		[{ detail: 'Not found.' }, 'Not found.'],
		[{ email: ['Enter a valid email address.'], phone_1: ['Too long.', 'Bad.'] }, 'email: Enter a valid email address.; phone_1: Too long.; Bad.'],
		['<html><body><h1>502</h1> Bad   gateway</body></html>', '502 Bad gateway'],
		['x'.repeat(250), `${'x'.repeat(200)}…`],
		[null, ''],
	])('%p reads %p', (body, message) => {
		expect(cubeMessageOf(body)).toBe(message);
	});
});

test('hideSecrets hides the token, the password and the Basic string, and leaves short values alone', () => {
	const secrets = secretsOf({ authentication: 'basic', username: 'kari', password: 'hunter22', token: 'abc' });
	const basic = Buffer.from('kari:hunter22').toString('base64');
	expect(hideSecrets(`Basic ${basic} / hunter22 / abc`, secrets)).toBe('Basic [hidden] / [hidden] / abc');
});

describe('toCubeDate', () => {
	test.each([
		['2026-02-30T10:00:00Z'],
		['2026-11-19T25:99'],
		['2026-11-19T23:60:00+01:00'],
		['2026-11-19T10:00:00+25:00'],
		['2026-11-31'],
	])('%s is refused', (text) => {
		expect(() => toCubeDate(text, 'Europe/Oslo')).toThrow(/is not a real date/);
	});

	test.each([
		['2026-11-19T23:30:00Z', 'Europe/Oslo', '20261120'],
		['2026-11-19T23:30:00-05:00', 'Europe/Oslo', '20261120'],
		['2026-11-19T23:30', 'Europe/Oslo', '20261119'],
		['20261119', 'UTC', '20261119'],
	])('%s in %s is %s', (text, zone, date) => {
		expect(toCubeDate(text, zone)).toBe(date);
	});
});

describe('parseCubeId', () => {
	test.each([
		[12, 12],
		['12', 12],
		[' 12 ', 12],
		[0, undefined],
		[-3, undefined],
		[4.5, undefined],
		['42a', undefined],
		['1e3', undefined],
		['', undefined],
		[undefined, undefined],
		[{ value: 12 }, undefined],
		[String(2 ** 53), undefined],
	])('%p is %p', (value, id) => {
		expect(parseCubeId(value)).toBe(id);
	});
});

describe('forEachIndex', () => {
	/**
	 * Items as the node runs them: each computes its parameters synchronously, then its request
	 * needs one pass of the event loop to leave (a new connection), then the answer comes later.
	 */
	async function runItems(count, inFlight) {
		const events = [];
		await forEachIndex(count, inFlight, async (index) => {
			events.push(`compute ${index}`);
			await new Promise((resolve) => setImmediate(resolve));
			events.push(`sent ${index}`);
			await new Promise((resolve) => setTimeout(resolve, 20));
		});
		return events;
	}

	test('with several at once, each item is sent before the next one computes', async () => {
		const events = await runItems(24, 8);
		for (let index = 1; index < 24; index++) {
			expect(events.indexOf(`sent ${index - 1}`)).toBeLessThan(events.indexOf(`compute ${index}`));
		}
		expect(events.filter((e) => e.startsWith('compute'))).toEqual(Array.from({ length: 24 }, (_, i) => `compute ${i}`));
	});

	test('at most inFlight run at once, and every index runs once', async () => {
		let running = 0;
		let most = 0;
		const seen = [];
		await forEachIndex(30, 4, async (index) => {
			running++;
			most = Math.max(most, running);
			seen.push(index);
			await new Promise((resolve) => setTimeout(resolve, 5));
			running--;
		});
		expect(most).toBe(4);
		expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => i));
	});

	test('after a failure no further item starts, and the failure of the lowest index is thrown', async () => {
		const started = [];
		const failing = forEachIndex(50, 4, async (index) => {
			started.push(index);
			// Item 7 fails first; item 6, started before it, fails later and is the one thrown.
			await new Promise((resolve) => setTimeout(resolve, index === 7 ? 1 : 30));
			if (index === 6 || index === 7) throw new Error(`item ${index}`);
		});
		await expect(failing).rejects.toThrow('item 6');
		expect(Math.max(...started)).toBeLessThan(12);
	});
});

describe('SendSlots', () => {
	const later = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

	test('runs at most `count` tasks at once, in the order they asked', async () => {
		const slots = new SendSlots(3, true);
		let running = 0;
		let most = 0;
		const started = [];
		await Promise.all(
			Array.from({ length: 12 }, (_, index) =>
				slots.use(index, async () => {
					started.push(index);
					most = Math.max(most, ++running);
					await later(index % 2 ? 3 : 8);
					running--;
				}),
			),
		);
		expect(most).toBe(3);
		expect(started).toEqual(Array.from({ length: 12 }, (_, i) => i));
	});

	test('a finished task hands its slot to the next one waiting at once, even when it failed', async () => {
		const slots = new SendSlots(1, false);
		const events = [];
		const first = slots.use(0, async () => {
			await later(5);
			setImmediate(() => events.push('next pass of the event loop'));
			throw new Error('first failed');
		});
		const second = slots.use(1, async () => events.push('second started'));
		await expect(first).rejects.toThrow('first failed');
		await second;
		await later(5);
		expect(events).toEqual(['second started', 'next pass of the event loop']);
	});

	test('after an item fails, the items after it are not sent, and those before it still are', async () => {
		const slots = new SendSlots(2, true);
		const sent = [];
		const outcome = (promise) => promise.then(() => 'sent', (error) => error.message);
		const send = (index, ms = 10) =>
			outcome(
				slots.use(index, async () => {
					sent.push(index);
					await later(ms);
					if (index === 3) throw new Error('item 3 failed');
				}),
			);
		const asked = [send(3), send(0, 30), send(5), send(1), send(6)];
		await asked[0];
		const late = [send(7), send(2)];
		expect(await Promise.all([...asked, ...late])).toEqual([
			'item 3 failed',
			'sent',
			'Item 5 was not sent, because item 3 failed first',
			'sent',
			'Item 6 was not sent, because item 3 failed first',
			'Item 7 was not sent, because item 3 failed first',
			'sent',
		]);
		expect(sent).toEqual([3, 0, 1, 2]);
	});

	test('with Continue On Fail, a failing item stops nothing', async () => {
		const slots = new SendSlots(1, false);
		const failing = slots.use(0, async () => {
			throw new Error('item 0 failed');
		});
		const next = slots.use(1, async () => 'sent');
		await expect(failing).rejects.toThrow('item 0 failed');
		await expect(next).resolves.toBe('sent');
	});
});

test('no custom field label makes a value disappear: a label equal to the id key of a field without a definition', () => {
	const { labelledKeys, withLabelledKeys } = require('../dist/nodes/HeadshedCube/v2/actions/customFieldLabels');
	const renames = labelledKeys([
		{ id: 64, key: '999', lookup__id: 'crm__custom_info__64' },
		{ id: 65, key: 'Postnummer', lookup__id: 'crm__custom_info__65' },
	]);
	const record = { crm__customer_id: '001', crm__custom_info__64: 'Storgata 1', crm__custom_info__65: '9008', crm__custom_info__999: 'x' };
	const labelled = withLabelledKeys(record, renames);
	expect(Object.values(labelled).sort()).toEqual(Object.values(record).sort());
	expect(labelled).toEqual({ crm__customer_id: '001', crm__custom_info__64: 'Storgata 1', crm__custom_info__Postnummer: '9008', crm__custom_info__999: 'x' });
	// Whatever the labels, a record keeps every value: renames that would collide are not made.
	const collide = withLabelledKeys({ crm__custom_info__1: 'a', crm__custom_info__Navn: 'b' }, new Map([['crm__custom_info__1', 'crm__custom_info__Navn']]));
	expect(Object.values(collide).sort()).toEqual(['a', 'b']);
});
