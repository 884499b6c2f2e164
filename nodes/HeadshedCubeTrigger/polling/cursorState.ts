import type { ListMark, RecordLog } from './listCursor';

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

export function listId(scope: number | string, day: string): string {
	return `${scope}/${day}`;
}

export function scopeOfList(id: string): string {
	return id.slice(0, id.indexOf('/'));
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
