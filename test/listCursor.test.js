// The trigger's cursor, apart from n8n and HTTP: marks of paged lists and the log of known records.
const {
	LOG_LIMITS,
	isKnown,
	markAfterRead,
	pageToRead,
	recordsAfterMark,
	rememberRecords,
	emptyLog,
} = require('../dist/nodes/HeadshedCubeTrigger/polling/listCursor');

/** Records known by an id, with a time in microseconds; no Cube shape at all. */
const identity = { keyOf: (r) => r.id, timeOf: (r) => r.t };
const records = (from, count, t0 = 1_000_000) =>
	Array.from({ length: count }, (_, n) => ({ id: `r${from + n}`, t: t0 + (from + n) * 1000 }));

/** Reads `list` from `startPage` as a server with `pageSize` records a page would answer. */
function serve(list, pageSize, startPage) {
	const offset = (startPage - 1) * pageSize;
	return { startPage, records: list.slice(offset), count: list.length, pageSize: list.length > offset + pageSize ? pageSize : undefined };
}

describe('list marks', () => {
	const list = records(0, 60);
	const mark = markAfterRead(serve(list, 25, 1), identity);

	test('a read from the page with the last known record finds what follows it', () => {
		expect(mark).toMatchObject({ count: 60, pageSize: 25 });
		expect(pageToRead(mark)).toBe(3);
		const grown = [...list, ...records(60, 20)];
		const after = recordsAfterMark(mark, serve(grown, 25, 3), identity);
		expect(after.map((r) => r.id)).toEqual(records(60, 20).map((r) => r.id));
		const next = markAfterRead(serve(grown, 25, 3), identity, mark);
		expect(next.count).toBe(80);
		expect(pageToRead(next)).toBe(4);
		expect(recordsAfterMark(next, serve(grown, 25, 4), identity)).toEqual([]);
	});

	test.each([
		['the order changed', () => [...list].reverse(), 25],
		['a known record vanished', () => list.filter((r) => r.id !== 'r7'), 25],
		['a record came before the known ones', () => [...list.slice(0, 55), records(900, 1)[0], ...list.slice(55)], 25],
		['one vanished and another came in its place', () => [...list.slice(0, 52), records(900, 1)[0], ...list.slice(53)], 25],
		['the page size changed', () => list, 20],
	])('no shortcut when %s', (_, change, pageSize) => {
		expect(recordsAfterMark(mark, serve(change(), pageSize, pageToRead(mark)), identity)).toBeUndefined();
	});

	test('a list that fits one page is read from page 1 and checked whole', () => {
		const small = markAfterRead(serve(records(0, 5), 25, 1), identity);
		expect(small).toMatchObject({ count: 5, pageSize: 0 });
		expect(pageToRead(small)).toBe(1);
		expect(recordsAfterMark(small, serve(records(0, 7), 25, 1), identity).map((r) => r.id)).toEqual(['r5', 'r6']);
		expect(recordsAfterMark(small, serve(records(1, 6), 25, 1), identity)).toBeUndefined();
	});
});

describe('the log of known records', () => {
	test('keeps every key of the last 15 minutes, at least 100 and at most 500; the floor covers the rest', () => {
		// 1,000 records one second apart: 901 within 15 minutes of the newest, more than the cap.
		const all = records(0, 1000, 0).map((r, n) => ({ ...r, t: n * 1_000_000 }));
		const log = rememberRecords(emptyLog(), all, identity);
		expect(Object.keys(log.keys)).toHaveLength(LOG_LIMITS.maxKeys);
		expect(all.every((r) => isKnown(log, r, identity))).toBe(true);
		expect(isKnown(log, { id: 'new', t: all[999].t }, identity)).toBe(false);
		expect(isKnown(log, { id: 'late', t: all[400].t }, identity)).toBe(true);
		// Sparse records: the newest 100 are kept however old.
		const sparse = records(0, 300, 0).map((r, n) => ({ ...r, t: n * 3_600_000_000 }));
		expect(Object.keys(rememberRecords(emptyLog(), sparse, identity).keys)).toHaveLength(LOG_LIMITS.minKeys);
	});

	test('a record stamped far ahead takes one key and moves no floor', () => {
		const ordinary = records(0, 50);
		const future = { id: 'future', t: ordinary[49].t + 30 * 3_600_000_000 };
		const log = rememberRecords(emptyLog(), [...ordinary, future], identity);
		expect(log.floor).toBeNull();
		expect(isKnown(log, { id: 'next', t: ordinary[49].t + 1 }, identity)).toBe(false);
		expect(isKnown(log, future, identity)).toBe(true);
	});

	test('microseconds decide: a record one microsecond after the floor is new, one at it known', () => {
		const all = records(0, 600, 0).map((r, n) => ({ ...r, t: n }));
		const log = rememberRecords(emptyLog(), all, identity);
		expect(isKnown(log, { id: 'at', t: log.floor }, identity)).toBe(true);
		expect(isKnown(log, { id: 'after', t: log.floor + 1 }, identity)).toBe(false);
	});

	test('a quarter of a million records are remembered without a stack overflow', () => {
		const all = records(0, 250_000);
		expect(() => rememberRecords(emptyLog(), all, identity)).not.toThrow();
		expect(() => markAfterRead({ startPage: 1, records: all, count: all.length, pageSize: 500 }, identity)).not.toThrow();
	});
});

describe('how late a response may come when Cube lists it before known ones', () => {
	/** The largest lateness (whole seconds) at which a response is still new to the log, at a given rate. */
	function latestKept(perMinute) {
		const spacing = 60_000_000 / perMinute;
		const known = Array.from({ length: 5_000 }, (_, n) => ({ id: `k${n}`, t: n * spacing }));
		const log = rememberRecords(emptyLog(), known, identity);
		const newest = known[known.length - 1].t;
		let seconds = 0;
		while (seconds < 24 * 3600 && !isKnown(log, { id: `late${seconds}`, t: newest - (seconds + 1) * 1_000_000 }, identity)) seconds++;
		return seconds;
	}

	test('at least 15 minutes, more while a campaign is quiet, less in a burst above 500 in 15 minutes', () => {
		const figures = Object.fromEntries([1, 6, 20, 40, 100].map((rate) => [`${rate}/min`, `${(latestKept(rate) / 60).toFixed(1)} min`]));
		process.stdout.write(`late arrival kept, by the campaign's rate of responses: ${JSON.stringify(figures)}\n`);
		expect(latestKept(1)).toBeGreaterThanOrEqual(99 * 60);
		expect(latestKept(6)).toBeGreaterThanOrEqual(15 * 60);
		expect(latestKept(20)).toBeGreaterThanOrEqual(15 * 60);
		expect(latestKept(100)).toBeLessThan(15 * 60);
	});
});
