// One Cube date's list, apart from n8n and HTTP: the shortcut at the end a list grows at, its
// check, and the whole read it falls back to. Pages are served from an array, and counted.
const { readDayList } = require('../dist/nodes/HeadshedCubeTrigger/polling/dayList');

/** Records known by an id, with a time in microseconds; no Cube shape at all. */
const identity = { keyOf: (r) => r.id, timeOf: (r) => r.t };
const records = (from, count) => Array.from({ length: count }, (_, n) => ({ id: `r${from + n}`, t: (from + n) * 1000 }));

/** A page reader over `list` at `pageSize` a page, counting its requests. */
function server(list, pageSize) {
	const served = { requests: 0 };
	served.read = async (page) => {
		served.requests++;
		const offset = (page - 1) * pageSize;
		if (page > 1 && offset >= list.length) return undefined;
		return { records: list.slice(offset, offset + pageSize), count: list.length, hasNext: offset + pageSize < list.length };
	};
	return served;
}

const ids = (read) => read.unknown.map((r) => r.id);

describe.each([
	['oldest first', (list) => list],
	['newest first', (list) => [...list].reverse()],
])('a list %s', (_, ordered) => {
	test('a whole read finds its order; a poll with 3 new records among 2,000 reads at most 2 pages', async () => {
		const known = await readDayList(server(ordered(records(0, 2000)), 25).read, undefined, identity, false);
		expect(known.unknown).toHaveLength(2000);
		const grown = server(ordered(records(0, 2003)), 25);
		const next = await readDayList(grown.read, known.list, identity, false);
		expect(next.shortcut).toBe(true);
		expect(ids(next).sort()).toEqual(['r2000', 'r2001', 'r2002']);
		expect(grown.requests).toBeLessThanOrEqual(2);
		const quiet = server(ordered(records(0, 2003)), 25);
		expect(ids(await readDayList(quiet.read, next.list, identity, false))).toEqual([]);
		expect(quiet.requests).toBeLessThanOrEqual(2);
	});

	test.each([
		['the page size changed', (list) => list],
		['the order turned', (list) => [...list].reverse()],
		['a late one among the known', (list) => [...list.slice(0, 20), { id: 'new', t: 20_500 }, ...list.slice(20)]],
	])('when %s, the check fails and the whole list is read: nothing lost, nothing twice', async (what, change) => {
		const base = records(0, 60);
		const known = await readDayList(server(ordered(base), 25).read, undefined, identity, false);
		const sorted = change(base).sort((a, b) => a.t - b.t);
		const after = what === 'the order turned' ? [...ordered(sorted)].reverse() : ordered(sorted);
		const read = await readDayList(server(after, what === 'the page size changed' ? 7 : 25).read, known.list, identity, false);
		expect(ids(read)).toEqual(after.some((r) => r.id === 'new') ? ['new'] : []);
	});
});

test.each([
	['oldest first', (list) => list],
	['newest first', (list) => [...list].reverse()],
])('%s: one deleted and one late on an earlier page keep the count and the end; the shortcut cannot see it, the full read does', async (_, ordered) => {
	const base = records(0, 60);
	const known = await readDayList(server(ordered(base), 25).read, undefined, identity, false);
	const changed = ordered([...base.slice(0, 30), { id: 'late', t: 30_500 }, ...base.slice(31)].sort((a, b) => a.t - b.t));
	const cheap = await readDayList(server(changed, 25).read, known.list, identity, false);
	expect(ids(cheap)).toEqual([]);
	const full = await readDayList(server(changed, 25).read, cheap.list, identity, true);
	expect(ids(full)).toEqual(['late']);
});

test('a record on two pages of one read (the list moved meanwhile) makes the next poll read the whole list again', async () => {
	const list = records(0, 3);
	// Between the requests for pages 1 and 2 the list moved: r0 comes again, r1 is never served.
	const moving = async (page) => ({ records: [list[page === 3 ? 2 : 0]], count: 3, hasNext: page < 3 });
	const read = await readDayList(moving, undefined, identity, false);
	expect(read.list.count).toBe(-1);
	const again = await readDayList(server(list, 1).read, read.list, identity, false);
	expect(again.shortcut).toBe(false);
	expect([...ids(read), ...ids(again)].sort()).toEqual(['r0', 'r1', 'r2']);
});
