import type { CubeResponseRecord } from '../HeadshedCube/api/types';
import type { ListMark, RecordIdentity, RecordLog } from './listCursor';

/**
 * What the trigger remembers between polls (in the workflow's static data): per scope (a
 * campaign; in version 2 also a CRM or the tenant) and Cube date, where the list ended; per
 * scope, the newest records known.
 */
export interface ResponseCursor {
	version: 2;
	/** Keyed `scope/YYYYMMDD`. */
	lists: Record<string, ListMark>;
	/** Keyed by scope (in version 1, the campaign id). */
	logs: Record<string, RecordLog>;
	/** The scope the next poll starts with, when the last one ran out of time. */
	resumeAt?: number | string;
	/** Lists read from their start because what was known was not where it was left. */
	fallbacks: number;
	/**
	 * n8n's clock at the last poll: a campaign read for the first time emits only what is newer
	 * (less the late-arrival margin), as the version-1 cursor did for every campaign.
	 */
	polledAt: number;
}

/** The cursor of versions up to 0.1: a floor time and the keys emitted near it. */
export interface ResponseCursorV1 {
	version: 1;
	floor: string;
	seen: Record<string, string>;
}

export const CURSOR_LIMITS = {
	/** How late a response may become visible after its submission time (documented promise). */
	lateArrivalMs: 15 * 60_000,
	/**
	 * Cube filters by date in its own, undocumented time zone. Widening the requested dates by
	 * this much on each side covers a server whose zone is up to 14 hours from the workflow's.
	 */
	zoneMarginMs: 14 * 3_600_000,
	/** How far n8n's clock and Cube's may disagree, either way, without a response lost. */
	clockSkewMs: 24 * 3_600_000,
};

/** Microseconds since the epoch, from the microseconds Cube prints; NaN when unreadable. */
export function submittedMicros(record: CubeResponseRecord): number {
	const text = String(record.submitted_when ?? '');
	const ms = Date.parse(text);
	if (Number.isNaN(ms)) return Number.NaN;
	const micros = /\.\d{3}(\d{1,3})/.exec(text)?.[1] ?? '';
	return ms * 1000 + Number(micros.padEnd(3, '0'));
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
	return `${record.campaign_id ?? ''}|${record.submitted_when ?? ''}|${legacyDigest(content)}`;
}

/** The 32-bit FNV-1a of version 1's keys, kept so that its cursor still reads. */
function legacyDigest(text: string): string {
	let hash = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(36);
}

export const responseIdentity: RecordIdentity<CubeResponseRecord> = {
	keyOf: responseKey,
	timeOf: submittedMicros,
};

export function listId(scope: number | string, day: string): string {
	return `${scope}/${day}`;
}

export function scopeOfList(id: string): string {
	return id.slice(0, id.indexOf('/'));
}

/** Known to a version-1 cursor: before its floor's late-arrival margin, or among its keys. */
export function knownToV1(cursor: ResponseCursorV1, record: CubeResponseRecord): boolean {
	const threshold = (Date.parse(cursor.floor) - CURSOR_LIMITS.lateArrivalMs) * 1000;
	return !(submittedMicros(record) > threshold) || responseKey(record) in cursor.seen;
}

export function isResponseCursor(value: unknown): value is ResponseCursor {
	const cursor = value as Partial<ResponseCursor> | undefined;
	return (
		cursor?.version === 2 &&
		typeof cursor.lists === 'object' &&
		cursor.lists !== null &&
		typeof cursor.logs === 'object' &&
		cursor.logs !== null
	);
}

export function isResponseCursorV1(value: unknown): value is ResponseCursorV1 {
	const cursor = value as Partial<ResponseCursorV1> | undefined;
	return (
		cursor?.version === 1 &&
		typeof cursor.floor === 'string' &&
		!Number.isNaN(Date.parse(cursor.floor)) &&
		typeof cursor.seen === 'object' &&
		cursor.seen !== null
	);
}
