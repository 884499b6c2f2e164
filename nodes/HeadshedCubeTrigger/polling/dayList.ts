import { digest, type RecordIdentity } from './identity';

/** One page of a list as Cube answered it. */
export interface ListPage<T> {
	records: T[];
	/** The list's length as Cube counted it. */
	count: number;
	/** Cube linked a next page (generation 2 may link one from the last page too). */
	hasNext: boolean;
}

/** Reads page `page` (from 1) of one list; undefined where Cube says that page is not there. */
export type PageReader<T> = (page: number) => Promise<ListPage<T> | undefined>;

/** Which end of a list new records come in at, as last seen; a guess that every read checks. */
export type ListOrder = 'oldestFirst' | 'newestFirst';

/** What the trigger knows of one Cube date's list. */
export interface DayList {
	/** Records listed at the last read; -1 when the list changed while it was read. */
	count: number;
	/** Records per page; 0 while the whole list fitted one page. */
	pageSize: number;
	order: ListOrder;
	/** Digests of the key of every record listed on this date since the watch started, space-separated. */
	keys: string;
}

/** A list's records that are not known, and what is known of it after this read. */
export interface DayRead<T> {
	unknown: T[];
	list: DayList;
	/** Read from the end that can hold new records only. */
	shortcut: boolean;
}

const EMPTY: DayList = { count: 0, pageSize: 0, order: 'oldestFirst', keys: '' };

function knownKeys(list: DayList): Set<string> {
	return new Set(list.keys === '' ? [] : list.keys.split(' '));
}

/** A record read by a shortcut, at its place in the list (from 0). */
interface Placed<T> {
	record: T;
	position: number;
	known: boolean;
}

/** What a shortcut read that passed its check saw, with the page size it read at. */
interface Shortcut<T> {
	placed: Placed<T>[];
	pageSize: number;
}

/**
 * The whole list, page by page up to the count Cube gave on page 1. Pages are offsets into a
 * list that may change meanwhile: where a later page counts otherwise, the list is marked to be
 * read whole again next time (count -1), and what a shift made this read miss comes with it.
 */
async function readWhole<T>(read: PageReader<T>, identity: RecordIdentity<T>): Promise<{ records: T[]; count: number; pageSize: number }> {
	const first = await read(1);
	if (!first) return { records: [], count: 0, pageSize: 0 };
	const records = [...first.records];
	const pageSize = first.records.length < first.count ? first.records.length : 0;
	let count = first.count;
	for (let page = 2; first.hasNext && pageSize > 0 && records.length < first.count; page++) {
		const later = await read(page);
		if (!later || later.records.length === 0) {
			count = -1;
			break;
		}
		if (later.count !== first.count) count = -1;
		for (const record of later.records) records.push(record);
		if (!later.hasNext) break;
	}
	// A record on two pages: the list moved while it was read, and another one may have been skipped.
	const keys = new Set(records.map((record) => digest(identity.keyOf(record))));
	return { records, count: keys.size === records.length ? count : -1, pageSize };
}

/** The order the records' own times show; the previous guess where they show none. */
function orderOf<T>(records: T[], identity: RecordIdentity<T>, unknownAt: number[], previous: ListOrder): ListOrder {
	const times = records.map((record) => identity.timeOf(record)).filter((time) => Number.isFinite(time));
	let rises = false;
	let falls = false;
	for (let index = 1; index < times.length; index++) {
		if (times[index] > times[index - 1]) rises = true;
		if (times[index] < times[index - 1]) falls = true;
	}
	if (rises !== falls) return rises ? 'oldestFirst' : 'newestFirst';
	// No order by time (all equal, or none): where this read found new records says which end grows.
	if (unknownAt.length > 0 && unknownAt[unknownAt.length - 1] === unknownAt.length - 1 && unknownAt.length < records.length) {
		return 'newestFirst';
	}
	if (unknownAt.length > 0) return 'oldestFirst';
	return previous;
}

function wholeRead<T>(
	records: T[],
	count: number,
	pageSize: number,
	known: Set<string>,
	identity: RecordIdentity<T>,
	previous: ListOrder,
): DayRead<T> {
	const unknown: T[] = [];
	const unknownAt: number[] = [];
	records.forEach((record, position) => {
		const key = digest(identity.keyOf(record));
		if (!known.has(key)) {
			unknown.push(record);
			unknownAt.push(position);
			known.add(key);
		}
	});
	const order = orderOf(records, identity, unknownAt, previous);
	return { unknown, list: { count, pageSize, order, keys: [...known].join(' ') }, shortcut: false };
}

/**
 * Oldest first: the records past the known count are on the last pages. Reads from the page
 * holding the last known place to the end; accepted only when every record before the known
 * count is known, every one after it is not, and the pages end exactly at Cube's count.
 */
async function readNewestEnd<T>(
	read: PageReader<T>,
	list: DayList,
	known: Set<string>,
	identity: RecordIdentity<T>,
): Promise<Shortcut<T> | undefined> {
	const startPage = list.count > 0 && list.pageSize > 0 ? Math.floor((list.count - 1) / list.pageSize) + 1 : 1;
	const placed: Placed<T>[] = [];
	let pageSize = list.pageSize;
	for (let page = startPage; ; page++) {
		const answer = await read(page);
		if (!answer) return undefined;
		if (page === startPage && page === 1 && answer.records.length < answer.count) pageSize = answer.records.length;
		const offset = (page - 1) * pageSize;
		answer.records.forEach((record, index) => {
			placed.push({ record, position: offset + index, known: known.has(digest(identity.keyOf(record))) });
		});
		const end = offset + answer.records.length;
		if (end === answer.count) return placed.every((p) => p.known === p.position < list.count) ? { placed, pageSize } : undefined;
		// Not the end: a full page of the known size, else the page size changed (or the list did).
		if (end > answer.count || answer.records.length !== pageSize || pageSize === 0) return undefined;
	}
}

/**
 * Newest first: the records beyond the known count are at the top. Reads page 1 and the pages
 * down to the first known place; accepted only when the records above it are all unknown and
 * the ones from it on are known.
 */
async function readTopEnd<T>(
	read: PageReader<T>,
	list: DayList,
	known: Set<string>,
	identity: RecordIdentity<T>,
): Promise<Shortcut<T> | undefined> {
	const placed: Placed<T>[] = [];
	const first = await read(1);
	if (!first) return undefined;
	const added = first.count - list.count;
	if (added < 0) return undefined;
	const pageSize = first.records.length < first.count ? first.records.length : 0;
	// Down to the first known place, or the list's end when every record is new.
	const lastNeeded = Math.min(added, first.count - 1);
	let answer: ListPage<T> | undefined = first;
	for (let page = 1; answer; page++) {
		const offset = (page - 1) * pageSize;
		if (page > 1 && (answer.count !== first.count || (answer.records.length !== pageSize && offset + answer.records.length !== first.count))) {
			return undefined;
		}
		answer.records.forEach((record, index) => {
			placed.push({ record, position: offset + index, known: known.has(digest(identity.keyOf(record))) });
		});
		if (pageSize === 0 || offset + answer.records.length > lastNeeded) break;
		answer = await read(page + 1);
		if (!answer) return undefined;
	}
	if (placed.length < Math.min(first.count, lastNeeded + 1)) return undefined;
	return placed.every((p) => p.known === p.position >= added) ? { placed, pageSize } : undefined;
}

/**
 * One Cube date's list: its records not known before, and what is known of it now. A cheap
 * read takes the shortcut at the end the list was seen to grow at and checks it; where the
 * check fails, or `whole` asks for it, or nothing is known yet, every page is read. Keys are
 * only ever added: a record deleted and listed again stays known.
 */
export async function readDayList<T>(
	read: PageReader<T>,
	previous: DayList | undefined,
	identity: RecordIdentity<T>,
	whole: boolean,
): Promise<DayRead<T>> {
	const list = previous ?? EMPTY;
	const known = knownKeys(list);
	if (!whole && previous && previous.count >= 0) {
		const shortcut =
			list.order === 'newestFirst'
				? await readTopEnd(read, list, known, identity)
				: await readNewestEnd(read, list, known, identity);
		// A record on two pages: the list moved while it was read, so the check proves nothing.
		if (shortcut && new Set(shortcut.placed.map((p) => digest(identity.keyOf(p.record)))).size === shortcut.placed.length) {
			const unknown = shortcut.placed.filter((p) => !p.known).map((p) => p.record);
			for (const record of unknown) known.add(digest(identity.keyOf(record)));
			const count = list.count + unknown.length;
			const keys = [...known].join(' ');
			return { unknown, list: { count, pageSize: shortcut.pageSize, order: list.order, keys }, shortcut: true };
		}
	}
	const { records, count, pageSize } = await readWhole(read, identity);
	return wholeRead(records, count, pageSize, known, identity, list.order);
}

/** Whether a list is known to hold nothing. */
export function isEmptyList(list: DayList | undefined): boolean {
	return list !== undefined && list.count === 0;
}
