/**
 * The trigger's memory of paged lists, apart from any record shape: what each list held at the
 * last read (to read only what follows it), and the newest records known (to tell new from
 * known when a whole list has to be read again). Times are microseconds since the epoch.
 */

/** How records are told apart: equal keys are the same record; NaN time is unknown. */
export interface RecordIdentity<T> {
	keyOf(record: T): string;
	timeOf(record: T): number;
}

/** Where a list ended at the last read. */
export interface ListMark {
	/** Records the list held. */
	count: number;
	/** Records per page; 0 while the whole list fitted one page. */
	pageSize: number;
	/** Digest of the keys, in order, of the known records on the list's last page. */
	tail: string;
}

/** The newest known records of one scope (a campaign), for lists read from their start. */
export interface RecordLog {
	/** Every record at or before this time counts as known; null while none was let go. */
	floor: number | null;
	/** Digest of each newer known record's key, with its time (null: unknown). */
	keys: Record<string, number | null>;
}

export const LOG_LIMITS = {
	/** Known records newer than the newest one minus this are kept, within the bounds below. */
	keepMicros: 15 * 60_000_000,
	minKeys: 100,
	maxKeys: 500,
};

/** Two FNV-1a passes (n8n's sandbox for community nodes allows no crypto import). */
export function digest(text: string): string {
	let first = 0x811c9dc5;
	let second = 0x050c5d1f;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		first = Math.imul(first ^ code, 0x01000193) >>> 0;
		second = Math.imul(second ^ code, 0x01000193) >>> 0;
	}
	return first.toString(36) + second.toString(36).padStart(7, '0');
}

function digestOfKeys<T>(records: T[], identity: RecordIdentity<T>): string {
	let joined = '';
	for (const record of records) joined += `${identity.keyOf(record)}\u0001`;
	return digest(joined);
}

/** The page the next read starts at: the one holding the list's last known record. */
export function pageToRead(mark: ListMark | undefined): number {
	if (!mark || mark.pageSize <= 0 || mark.count <= 0) return 1;
	return Math.floor((mark.count - 1) / mark.pageSize) + 1;
}

/** A list read from `startPage` to its end. */
export interface ListRead<T> {
	startPage: number;
	records: T[];
	count: number;
	pageSize?: number;
}

/**
 * The records after the known ones, when the read shows the known records still where they
 * were; undefined when it does not (the order changed, a record vanished or was put before
 * them, the page size changed): then the caller reads the list from its start.
 */
export function recordsAfterMark<T>(
	mark: ListMark,
	read: ListRead<T>,
	identity: RecordIdentity<T>,
): T[] | undefined {
	const skipped = (read.startPage - 1) * mark.pageSize;
	const known = mark.count - skipped;
	if (read.count < mark.count || known < 0 || read.records.length < known) return undefined;
	if (read.startPage > 1 && read.pageSize !== undefined && read.pageSize !== mark.pageSize) return undefined;
	if (digestOfKeys(read.records.slice(0, known), identity) !== mark.tail) return undefined;
	return read.records.slice(known);
}

/** The mark of a list after a read; `previous` gives the page size of a read not from page 1. */
export function markAfterRead<T>(
	read: ListRead<T>,
	identity: RecordIdentity<T>,
	previous?: ListMark,
): ListMark {
	const skipped = read.startPage > 1 && previous ? (read.startPage - 1) * previous.pageSize : 0;
	const pageSize = read.pageSize ?? (read.startPage > 1 && previous ? previous.pageSize : 0);
	const count = skipped + read.records.length;
	const lastPageStart = pageSize > 0 && count > 0 ? Math.floor((count - 1) / pageSize) * pageSize : 0;
	const tail = read.records.slice(Math.max(0, lastPageStart - skipped));
	return { count, pageSize, tail: digestOfKeys(tail, identity) };
}

export function emptyLog(): RecordLog {
	return { floor: null, keys: {} };
}

export function isKnownKey<T>(log: RecordLog, record: T, identity: RecordIdentity<T>): boolean {
	return digest(identity.keyOf(record)) in log.keys;
}

/** Known: at or before the floor, or among the kept keys. */
export function isKnown<T>(log: RecordLog, record: T, identity: RecordIdentity<T>): boolean {
	const time = identity.timeOf(record);
	if (log.floor !== null && Number.isFinite(time) && time <= log.floor) return true;
	return isKnownKey(log, record, identity);
}

/**
 * The log with `records` known too. Keys beyond the limits go, newest kept first (unknown times
 * count as newest), and the floor rises to the newest time let go, so that they stay known.
 * Only the keys kept are digested: a first read may hand over a whole tenant's days.
 */
export function rememberRecords<T>(log: RecordLog, records: T[], identity: RecordIdentity<T>): RecordLog {
	type Entry = { time: number | null; key?: string; record?: T };
	const entries: Entry[] = Object.entries(log.keys).map(([key, time]) => ({ key, time }));
	for (const record of records) {
		const time = identity.timeOf(record);
		entries.push({ record, time: Number.isFinite(time) ? time : null });
	}
	entries.sort((a, b) => (b.time ?? Infinity) - (a.time ?? Infinity));
	const newest = entries.find((entry) => entry.time !== null)?.time;
	let recent = 0;
	while (
		recent < entries.length &&
		(entries[recent].time === null || (newest != null && entries[recent].time! >= newest - LOG_LIMITS.keepMicros))
	) {
		recent++;
	}
	const keep = Math.min(LOG_LIMITS.maxKeys, Math.max(LOG_LIMITS.minKeys, recent));
	let floor = log.floor;
	const firstDropped = entries.slice(keep).find((entry) => entry.time !== null)?.time;
	if (firstDropped != null && (floor === null || firstDropped > floor)) floor = firstDropped;
	const kept: Record<string, number | null> = {};
	for (const entry of entries.slice(0, keep)) {
		if (entry.time !== null && floor !== null && entry.time <= floor) continue;
		kept[entry.key ?? digest(identity.keyOf(entry.record as T))] = entry.time;
	}
	return { floor, keys: kept };
}
