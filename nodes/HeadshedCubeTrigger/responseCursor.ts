import type { CubeResponseRecord } from '../HeadshedCube/api/types';

/**
 * What the trigger remembers between polls (in the workflow's static data): the newest
 * submission time it has read, and the responses it has emitted near and after it.
 */
export interface ResponseCursor {
	version: 1;
	/** ISO time; responses submitted more than LATE_ARRIVAL_MS before it are never emitted. */
	floor: string;
	/** Key of each emitted response submitted since `floor` - LATE_ARRIVAL_MS, with its time. */
	seen: Record<string, string>;
	/** Where the next poll starts in the campaign list, when the last one ran out of time. */
	resumeAt?: number;
}

export const CURSOR_LIMITS = {
	/** How late a response may become visible, after its submission time, and still be emitted. */
	lateArrivalMs: 15 * 60_000,
	/**
	 * Cube filters by date in its own, undocumented time zone. Widening the requested dates by
	 * this much on each side covers a server whose zone is up to 14 hours from the workflow's.
	 */
	zoneMarginMs: 14 * 3_600_000,
	/** The floor follows the clock at this distance when nothing arrives, so the range stays short. */
	idleFloorMs: 24 * 3_600_000,
	/** Keys kept at most; the oldest go first. */
	maxSeen: 20_000,
};

/** Milliseconds, plus the microseconds Cube prints, so that same-second responses still order. */
export function submittedAt(record: CubeResponseRecord): number {
	const text = String(record.submitted_when ?? '');
	const ms = Date.parse(text);
	if (Number.isNaN(ms)) return Number.NaN;
	const micros = /\.\d{3}(\d{1,3})/.exec(text)?.[1] ?? '';
	return ms + Number(micros.padEnd(3, '0')) / 1000;
}

/** FNV-1a: a short, stable digest; n8n's sandbox for community nodes allows no crypto import. */
function digest(text: string): string {
	let hash = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(36);
}

/**
 * Responses have no id in Cube's API. Campaign, submission time (to the microsecond) and the
 * content together tell them apart; two identical records are the same response.
 */
export function responseKey(record: CubeResponseRecord): string {
	const content = [
		record.crm_customer_id,
		record.submitted_by,
		record.type,
		record.subtype,
		record.comment,
		record.customer_name,
	]
		.map((value) => String(value ?? ''))
		.join('\u0000');
	return `${record.campaign_id ?? ''}|${record.submitted_when ?? ''}|${digest(content)}`;
}

export function startingCursor(now: number, records: CubeResponseRecord[]): ResponseCursor {
	const newest = Math.max(now, ...records.map(submittedAt).filter(Number.isFinite));
	return remember({ version: 1, floor: new Date(newest).toISOString(), seen: {} }, records, newest);
}

/** The responses a poll has not emitted before, oldest first. */
export function unseenResponses(
	cursor: ResponseCursor,
	records: CubeResponseRecord[],
): CubeResponseRecord[] {
	const threshold = Date.parse(cursor.floor) - CURSOR_LIMITS.lateArrivalMs;
	const fresh = new Map<string, CubeResponseRecord>();
	for (const record of records) {
		const key = responseKey(record);
		if (submittedAt(record) > threshold && !(key in cursor.seen)) fresh.set(key, record);
	}
	return [...fresh.values()].sort((a, b) => submittedAt(a) - submittedAt(b));
}

/** The cursor after a poll emitted `emitted`; `complete` when every campaign was read. */
export function advanceCursor(
	cursor: ResponseCursor,
	read: CubeResponseRecord[],
	emitted: CubeResponseRecord[],
	complete: boolean,
	now: number,
	resumeAt?: number,
): ResponseCursor {
	const floor = Date.parse(cursor.floor);
	// A poll that missed campaigns must not move the floor past what they may still hold.
	const newFloor = complete
		? Math.max(floor, now - CURSOR_LIMITS.idleFloorMs, ...read.map(submittedAt).filter(Number.isFinite))
		: floor;
	const next: ResponseCursor = { version: 1, floor: new Date(newFloor).toISOString(), seen: { ...cursor.seen } };
	if (resumeAt !== undefined) next.resumeAt = resumeAt;
	return remember(next, emitted, newFloor);
}

function remember(cursor: ResponseCursor, records: CubeResponseRecord[], floor: number): ResponseCursor {
	for (const record of records) cursor.seen[responseKey(record)] = String(record.submitted_when);
	const keep = Object.entries(cursor.seen)
		.filter(([, when]) => Date.parse(when) > floor - CURSOR_LIMITS.lateArrivalMs)
		.sort(([, a], [, b]) => Date.parse(b) - Date.parse(a))
		.slice(0, CURSOR_LIMITS.maxSeen);
	cursor.seen = Object.fromEntries(keep);
	return cursor;
}

export function isResponseCursor(value: unknown): value is ResponseCursor {
	const cursor = value as Partial<ResponseCursor> | undefined;
	return (
		cursor?.version === 1 &&
		typeof cursor.floor === 'string' &&
		!Number.isNaN(Date.parse(cursor.floor)) &&
		typeof cursor.seen === 'object' &&
		cursor.seen !== null
	);
}
