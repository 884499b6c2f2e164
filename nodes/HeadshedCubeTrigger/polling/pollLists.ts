import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { isNotFoundError } from '../../HeadshedCube/transport/errors';
import { asNodeError } from '../../HeadshedCube/transport/nodeError';
import { datesBetween } from '../../HeadshedCube/helpers/cubeDate';
import {
	emptyLog,
	isKnown,
	isKnownKey,
	markAfterRead,
	pageToRead,
	recordsAfterMark,
	rememberRecords,
	type ListMark,
	type ListRead,
	type RecordIdentity,
} from './listCursor';
import {
	scopeOfList,
	CURSOR_LIMITS,
	isResponseCursor,
	isResponseCursorV1,
	listId,
	type ResponseCursor,
	type ResponseCursorV1,
} from './cursorState';

/** A scope's id in the cursor: a campaign id, or a name without `/` (a CRM, the tenant). */
export type ScopeId = number | string;

/** What the poll reads: the watched scopes, their lists by Cube date, and how records are told apart. */
export interface ListSource<T> {
	scopes: ScopeId[];
	identity: RecordIdentity<T>;
	/** One scope's records of Cube dates `from` to `to`, from `startPage` to the list's end. */
	readDays(this: IPollFunctions, scope: ScopeId, from: string, to: string, startPage: number): Promise<ListRead<T>>;
	/** What n8n's log calls a scope that Cube answers 404 for, where it is skipped; undefined: the poll fails. */
	skippedWhenMissing?(scope: ScopeId): string | undefined;
	/** Version 1 only: whether the cursor of versions up to 0.1 knew the record. */
	knownToV1?(cursor: ResponseCursorV1, record: T): boolean;
}

/**
 * How a poll tells new responses from old: a running cursor, a version-1 one, none yet, or,
 * for a scope a running cursor has not read before, the time of the previous poll.
 */
type Baseline =
	| { kind: 'running' }
	| { kind: 'v1'; cursor: ResponseCursorV1 }
	| { kind: 'activation' }
	| { kind: 'since'; micros: number };

interface ListOutcome<T> {
	read: ListRead<T>;
	/** The records after the known ones; undefined when the list was read from its start. */
	after?: T[];
}

/** The Cube dates every poll reads: wide enough for n8n's and Cube's clocks and zones to differ. */
export function watchedDays(now: number, timeZone: string, since = Infinity): string[] {
	const { clockSkewMs, lateArrivalMs, zoneMarginMs } = CURSOR_LIMITS;
	const from = Math.min(since, now - clockSkewMs - lateArrivalMs - zoneMarginMs);
	return datesBetween(from, now + clockSkewMs + zoneMarginMs, timeZone);
}

/**
 * Reads one scope's day from the page holding its last known record. When the known
 * records are not where they were left, or that page is gone, the day is read from its start.
 */
async function readAfterMark<T>(
	context: IPollFunctions,
	source: ListSource<T>,
	scope: ScopeId,
	day: string,
	mark: ListMark | undefined,
): Promise<ListOutcome<T>> {
	const startPage = pageToRead(mark);
	let read: ListRead<T> | undefined;
	try {
		read = await source.readDays.call(context, scope, day, day, startPage);
	} catch (error) {
		if (startPage === 1 || !isNotFoundError(error)) throw asNodeError(context.getNode(), error);
	}
	const after = read && mark ? recordsAfterMark(mark, read, source.identity) : undefined;
	if (read && (after || startPage === 1)) return { read, after };
	return { read: await source.readDays.call(context, scope, day, day, 1) };
}

/** The days to read one by one: days that were empty are checked in runs, one request a run. */
async function daysWithChanges<T>(
	context: IPollFunctions,
	source: ListSource<T>,
	scope: ScopeId,
	days: string[],
	cursor: ResponseCursor,
): Promise<string[]> {
	const isEmpty = (day: string) => cursor.lists[listId(scope, day)]?.count === 0;
	const changed: string[] = [];
	for (let first = 0; first < days.length; ) {
		let last = first;
		while (isEmpty(days[first]) && last + 1 < days.length && isEmpty(days[last + 1])) last++;
		const run = days.slice(first, last + 1);
		if (run.length < 2 || (await source.readDays.call(context, scope, run[0], run[run.length - 1], 1)).count > 0) {
			changed.push(...run);
		}
		first = last + 1;
	}
	return changed;
}

/** Reads one scope's days and returns its new records; `cursor` is updated in place. */
async function pollScope<T>(
	context: IPollFunctions,
	source: ListSource<T>,
	scope: ScopeId,
	days: string[],
	cursor: ResponseCursor,
	baseline: Baseline,
): Promise<T[]> {
	const { identity } = source;
	const log = cursor.logs[scope] ?? emptyLog();
	// A scope watched from now on (a new campaign, or one added to the list) replays no history.
	if (baseline.kind === 'running' && !cursor.logs[scope]) {
		baseline = { kind: 'since', micros: (cursor.polledAt - CURSOR_LIMITS.lateArrivalMs) * 1000 };
	}
	const fresh = new Map<string, T>();
	const known: T[] = [];
	const marks: Record<string, ListMark> = {};
	for (const day of await daysWithChanges(context, source, scope, days, cursor)) {
		const id = listId(scope, day);
		const mark = cursor.lists[id];
		const { read, after } = await readAfterMark(context, source, scope, day, mark);
		if (mark && !after) cursor.fallbacks++;
		for (const record of after ?? read.records) {
			known.push(record);
			const isOld =
				baseline.kind === 'activation' ||
				(baseline.kind === 'v1' && source.knownToV1?.(baseline.cursor, record) === true) ||
				(baseline.kind === 'since' && !(identity.timeOf(record) > baseline.micros)) ||
				(baseline.kind === 'running' &&
					(after ? isKnownKey(log, record, identity) : isKnown(log, record, identity)));
			if (!isOld) fresh.set(identity.keyOf(record), record);
		}
		marks[id] = markAfterRead(read, identity, after ? mark : undefined);
	}
	// Saved only once every day of the scope was read: a failure leaves it as it was.
	Object.assign(cursor.lists, marks);
	cursor.logs[scope] = rememberRecords(log, known, identity);
	return [...fresh.values()];
}

function startingCursor(previous: unknown, now: number): ResponseCursor {
	if (!isResponseCursor(previous)) return { version: 2, lists: {}, logs: {}, fallbacks: 0, polledAt: now };
	return {
		version: 2,
		lists: { ...previous.lists },
		logs: { ...previous.logs },
		fallbacks: previous.fallbacks ?? 0,
		polledAt: previous.polledAt ?? now,
	};
}

/** Lists of days no longer read go, and the logs of scopes left without lists. */
function prune(cursor: ResponseCursor, days: string[]): void {
	const kept = new Set(days);
	for (const id of Object.keys(cursor.lists)) {
		if (!kept.has(id.slice(id.indexOf('/') + 1))) delete cursor.lists[id];
	}
	const scopes = new Set(Object.keys(cursor.lists).map(scopeOfList));
	for (const scope of Object.keys(cursor.logs)) if (!scopes.has(scope)) delete cursor.logs[scope];
}

/**
 * One poll: the records new since the last one, oldest first. The first poll (and the first
 * after an upgrade from the version-1 cursor) reads every watched day in full to set the cursor.
 * A scope Cube no longer knows (404) is skipped where the source allows it, so the others still deliver.
 */
export async function pollNewRecords<T>(
	context: IPollFunctions,
	source: ListSource<T>,
	now: number,
	deadline?: number,
): Promise<T[]> {
	const { scopes, identity } = source;
	const state = context.getWorkflowStaticData('node') as IDataObject;
	const previous = state.cursor;
	const baseline: Baseline = isResponseCursor(previous)
		? { kind: 'running' }
		: source.knownToV1 && isResponseCursorV1(previous)
			? { kind: 'v1', cursor: previous }
			: { kind: 'activation' };
	const since =
		baseline.kind === 'v1'
			? Date.parse(baseline.cursor.floor) - CURSOR_LIMITS.lateArrivalMs - CURSOR_LIMITS.zoneMarginMs
			: undefined;
	const days = watchedDays(now, context.getTimezone(), since);
	const cursor = startingCursor(previous, now);
	const resumeAt = isResponseCursor(previous) ? scopes.indexOf(previous.resumeAt ?? -1) : -1;

	const fresh: T[] = [];
	for (let step = 0; step < scopes.length; step++) {
		const scope = scopes[(Math.max(0, resumeAt) + step) % scopes.length];
		// A first poll is never cut short: a scope left unread would later look all new.
		if (step > 0 && baseline.kind === 'running' && deadline !== undefined && Date.now() > deadline) {
			cursor.resumeAt = scope;
			break;
		}
		try {
			for (const record of await pollScope(context, source, scope, days, cursor, baseline)) fresh.push(record);
		} catch (error) {
			const skipped = isNotFoundError(error) ? source.skippedWhenMissing?.(scope) : undefined;
			if (skipped === undefined) throw asNodeError(context.getNode(), error);
			context.logger.warn(`Headshed Cube Trigger: ${skipped} was not found (404); it is skipped`);
		}
	}
	prune(cursor, days);
	cursor.polledAt = now;
	// Saved only now, after every request succeeded: a failed poll leaves the cursor as it was.
	state.cursor = cursor as unknown as IDataObject;
	const byTime = (a: T, b: T) => (identity.timeOf(a) || Infinity) - (identity.timeOf(b) || Infinity);
	return baseline.kind === 'activation' ? [] : fresh.sort(byTime);
}

/** Part of n8n's poll budget kept for emitting and saving. */
const BUDGET_RESERVE = 0.2;

type PollBudget = { getPollBudgetMs?: () => number | undefined };

/** When a poll should stop starting new scopes: n8n 2.41 on gives polls a time budget. */
export function pollDeadline(context: IPollFunctions, now: number): number | undefined {
	const budget = (context as unknown as PollBudget).getPollBudgetMs?.();
	return budget ? now + budget * (1 - BUDGET_RESERVE) : undefined;
}
