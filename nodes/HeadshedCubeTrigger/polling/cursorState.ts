import type { DayList } from './dayList';
import type { RecordLog } from './legacyLog';

/**
 * What the trigger remembers between polls (in the node's static data), per watch: what is
 * watched (the event) and where (a campaign; in version 2 also a CRM or the tenant), so that
 * switching the event starts a new watch instead of reading another list against old keys.
 */
export interface TriggerCursor {
	version: 3;
	/** Keyed by `watchKey(event, scope)`. */
	watches: Record<string, WatchState>;
	/** The watch the next poll starts with, when the last one ran out of time. */
	resumeAt?: string;
	/** n8n's clock at the poll that saved this cursor. */
	polledAt: number;
	/** One more than the cursor the poll started from: tells which of two states is newer. */
	serial: number;
	/** Date lists read whole because a shortcut's check failed (for diagnosis). */
	fallbacks: number;
}

/** One watched list (an event in a scope) over the watched window of Cube dates. */
export interface WatchState {
	/** Keyed by Cube date (YYYYMMDD). */
	days: Record<string, DayList>;
	/** n8n's clock at the last full read of every watched day (0: never). */
	sweptAt: number;
	/**
	 * Set while the watch's lists were never read: it was added beside running watches, and
	 * records submitted after this time (microseconds) are new at its first read.
	 */
	since?: number;
}

/** The cursor of versions 0.2 and later before issue 23: per scope and date a mark, per scope a log. */
export interface ResponseCursorV2 {
	version: 2;
	lists: Record<string, unknown>;
	logs: Record<string, RecordLog>;
	polledAt: number;
	fallbacks?: number;
}

/** The cursor of versions up to 0.1: a floor time and the keys emitted near it. */
export interface ResponseCursorV1 {
	version: 1;
	floor: string;
	seen: Record<string, string>;
}

export const CURSOR_LIMITS = {
	/** How late a record may become visible after its submission time (documented promise). */
	lateArrivalMs: 15 * 60_000,
	/**
	 * Cube filters by date in its own, undocumented time zone. Widening the requested dates by
	 * this much on each side covers a server whose zone is up to 14 hours from the workflow's.
	 */
	zoneMarginMs: 14 * 3_600_000,
	/** How far n8n's clock and Cube's may disagree, either way, without a record lost. */
	clockSkewMs: 24 * 3_600_000,
	/** The full read's interval when the node does not set one. */
	defaultFullReadMs: 60 * 60_000,
};

export function watchKey(event: string, scope: number | string): string {
	return `${event}:${scope}`;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function isTriggerCursor(value: unknown): value is TriggerCursor {
	return isObject(value) && value.version === 3 && isObject(value.watches);
}

export function isResponseCursorV2(value: unknown): value is ResponseCursorV2 {
	return isObject(value) && value.version === 2 && isObject(value.lists) && isObject(value.logs);
}

export function isResponseCursorV1(value: unknown): value is ResponseCursorV1 {
	return (
		isObject(value) &&
		value.version === 1 &&
		typeof value.floor === 'string' &&
		!Number.isNaN(Date.parse(value.floor)) &&
		isObject(value.seen)
	);
}
