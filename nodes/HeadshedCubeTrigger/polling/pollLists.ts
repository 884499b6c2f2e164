import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { isNotFoundError } from '../../HeadshedCube/transport/errors';
import { asNodeError } from '../../HeadshedCube/transport/nodeError';
import { datesBetween } from '../../HeadshedCube/helpers/cubeDate';
import {
	CURSOR_LIMITS,
	isResponseCursorV1,
	isResponseCursorV2,
	isTriggerCursor,
	watchKey,
	type ResponseCursorV1,
	type TriggerCursor,
	type WatchState,
} from './cursorState';
import { isEmptyList, readDayList, type DayList, type ListPage } from './dayList';
import type { RecordIdentity } from './identity';
import { isKnownToLog } from './legacyLog';
import {
	endPolling,
	forgetStartedWatches,
	rememberStartedWatches,
	startPolling,
	triggerIdOf,
	watchesStartedBy,
} from './processMemory';

/** A scope's id: a campaign id, or a name (a CRM, the tenant). */
export type ScopeId = number | string;

/** What the poll reads: one event's lists in the watched scopes, by Cube date, and how records are told apart. */
export interface ListSource<T> {
	/** What is watched: part of each watch's key, so that another event starts another watch. */
	event: string;
	scopes: ScopeId[];
	identity: RecordIdentity<T>;
	/** How often every page of every watched date is read (the full read). */
	fullReadEveryMs: number;
	/** Page `page` of one scope's records of Cube dates `from` to `to`. */
	readPage(this: IPollFunctions, scope: ScopeId, from: string, to: string, page: number): Promise<ListPage<T>>;
	/** What n8n's log calls a scope that Cube answers 404 for, where it is skipped; undefined: the poll fails. */
	skippedWhenMissing?(scope: ScopeId): string | undefined;
	/** Version 1 only: whether the cursor of versions up to 0.1 knew the record. */
	knownToV1?(cursor: ResponseCursorV1, record: T): boolean;
}

/** One watch as this poll starts it: its state, and at its first read which records are history. */
interface PlannedWatch<T> {
	key: string;
	scope: ScopeId;
	state: WatchState;
	/** Set for a watch read for the first time: true for a record that was there before it started. */
	isHistory?: (record: T) => boolean;
}

/** The Cube dates every poll reads: wide enough for n8n's and Cube's clocks and zones to differ. */
export function watchedDays(now: number, timeZone: string): string[] {
	const { clockSkewMs, lateArrivalMs, zoneMarginMs } = CURSOR_LIMITS;
	return datesBetween(now - clockSkewMs - lateArrivalMs - zoneMarginMs, now + clockSkewMs + zoneMarginMs, timeZone);
}

const copyOf = (state: WatchState): WatchState => ({ days: { ...state.days }, sweptAt: state.sweptAt, since: state.since });

/**
 * How each watched list starts this poll. Saved watches go on. A watch without saved state is
 * new: beside watches that go on (a campaign added) it emits what was submitted after the saved
 * poll less the late-arrival margin; where no watched list has state (activation, the event
 * switched) it starts from what is listed now, emitting nothing of it, unless an activation poll
 * in this process already did (its state may not have been kept) or a cursor from before issue
 * 23 tells what was known.
 */
function planWatches<T>(previous: unknown, source: ListSource<T>, trigger: string, now: number): PlannedWatch<T>[] {
	const { identity } = source;
	const remembered = watchesStartedBy(trigger);
	// An activation poll after the saved state replaced its watches, whether n8n kept its state or not.
	const rememberedIsNewer = remembered !== undefined && remembered.serial > (isTriggerCursor(previous) ? (previous.serial ?? 0) : 0);
	const saved = isTriggerCursor(previous) && !rememberedIsNewer ? previous : undefined;
	const started = rememberedIsNewer ? remembered : undefined;
	const keys = source.scopes.map((scope) => watchKey(source.event, scope));
	const goesOn = (key: string) => saved?.watches[key] !== undefined || started?.watches[key] !== undefined;
	const running = keys.some(goesOn);
	const lastPoll = keys.some((key) => saved?.watches[key]) ? saved?.polledAt : started?.polledAt;
	return source.scopes.map((scope, index) => {
		const key = keys[index];
		const state = saved?.watches[key] ?? started?.watches[key];
		const planned: PlannedWatch<T> = { key, scope, state: state ? copyOf(state) : { days: {}, sweptAt: 0 } };
		if (state) {
			if (state.since !== undefined) planned.isHistory = (record) => !(identity.timeOf(record) > (state.since as number));
			return planned;
		}
		if (running) {
			planned.state.since = ((lastPoll ?? now) - CURSOR_LIMITS.lateArrivalMs) * 1000;
			planned.isHistory = (record) => !(identity.timeOf(record) > (planned.state.since as number));
		} else if (isResponseCursorV2(previous) && !started) {
			const log = previous.logs[String(scope)];
			const since = (previous.polledAt - CURSOR_LIMITS.lateArrivalMs) * 1000;
			planned.isHistory = log
				? (record) => isKnownToLog(log, record, identity)
				: (record) => !(identity.timeOf(record) > since);
		} else if (source.knownToV1 && isResponseCursorV1(previous) && !started) {
			const knownToV1 = source.knownToV1;
			planned.isHistory = (record) => knownToV1(previous, record);
		} else {
			planned.isHistory = () => true;
		}
		return planned;
	});
}

/** Page `page` of one scope's dates; undefined for a later page Cube says is not there (the list shrank). */
async function readPage<T>(
	context: IPollFunctions,
	source: ListSource<T>,
	scope: ScopeId,
	from: string,
	to: string,
	page: number,
): Promise<ListPage<T> | undefined> {
	try {
		return await source.readPage.call(context, scope, from, to, page);
	} catch (error) {
		if (page > 1 && isNotFoundError(error)) return undefined;
		throw asNodeError(context.getNode(), error);
	}
}

/**
 * Reads one watch's dates and returns its new records and its state after the read. A full
 * read (every page of every date) when one is due; otherwise each date's shortcut, checked.
 * Dates known to be empty are checked in runs, one request a run.
 */
async function readWatch<T>(
	context: IPollFunctions,
	source: ListSource<T>,
	watch: PlannedWatch<T>,
	days: string[],
	now: number,
): Promise<{ fresh: T[]; state: WatchState; fallbacks: number }> {
	const { state, scope } = watch;
	const whole = state.sweptAt === 0 || now - state.sweptAt >= source.fullReadEveryMs;
	const fresh: T[] = [];
	const lists: Record<string, DayList> = {};
	let fallbacks = 0;
	const readOne = async (day: string) => {
		const read = async (page: number) => await readPage(context, source, scope, day, day, page);
		const { unknown, list, shortcut } = await readDayList(read, state.days[day], source.identity, whole);
		if (!whole && state.days[day] && !shortcut) fallbacks++;
		for (const record of unknown) if (!watch.isHistory?.(record)) fresh.push(record);
		lists[day] = list;
	};
	for (let first = 0; first < days.length; ) {
		let last = first;
		while (last < days.length && isEmptyList(state.days[days[last]])) last++;
		if (last - first >= 2) {
			const run = days.slice(first, last);
			const check = await readPage(context, source, scope, run[0], run[run.length - 1], 1);
			if (check && check.count === 0) for (const day of run) lists[day] = state.days[day];
			else for (const day of run) await readOne(day);
			first = last;
		} else {
			await readOne(days[first]);
			first++;
		}
	}
	return { fresh, state: { days: lists, sweptAt: whole ? now : state.sweptAt }, fallbacks };
}

/**
 * One poll: the new records of every watched list, oldest first, each built into what the poll
 * emits by `build` before anything is saved. Returns null, touching nothing, while another poll
 * of the same trigger runs in this process. The state is saved only after every read and the
 * build succeeded, so a failed poll leaves it as it was and the next poll picks everything up.
 * A scope Cube no longer knows (404) is skipped where the source allows it.
 */
export async function pollNewRecords<T, R>(
	context: IPollFunctions,
	source: ListSource<T>,
	now: number,
	deadline: number | undefined,
	build: (records: T[]) => Promise<R[]>,
): Promise<R[] | null> {
	const trigger = triggerIdOf(context);
	if (!startPolling(trigger)) {
		context.logger.info('Headshed Cube Trigger: the previous poll is still running; this one is skipped');
		return null;
	}
	try {
		const state = context.getWorkflowStaticData('node') as IDataObject;
		const previous = state.cursor;
		const watches = planWatches(previous, source, trigger, now);
		const startsBaseline = watches.every((watch) => watch.isHistory !== undefined && watch.state.since === undefined);
		const days = watchedDays(now, context.getTimezone());
		const resumeAt = isTriggerCursor(previous) ? watches.findIndex((watch) => watch.key === previous.resumeAt) : -1;
		const serial = Math.max(isTriggerCursor(previous) ? (previous.serial ?? 0) : 0, watchesStartedBy(trigger)?.serial ?? 0) + 1;
		const fallbacks = isTriggerCursor(previous) || isResponseCursorV2(previous) ? Number(previous.fallbacks ?? 0) : 0;
		const cursor: TriggerCursor = { version: 3, watches: {}, polledAt: now, serial, fallbacks };
		for (const watch of watches) cursor.watches[watch.key] = watch.state;

		const fresh: T[] = [];
		for (let step = 0; step < watches.length; step++) {
			const watch = watches[(Math.max(0, resumeAt) + step) % watches.length];
			// A poll that starts the baseline is never cut short: a list left unread would later look all new.
			if (step > 0 && !startsBaseline && deadline !== undefined && Date.now() > deadline) {
				cursor.resumeAt = watch.key;
				break;
			}
			try {
				const read = await readWatch(context, source, watch, days, now);
				for (const record of read.fresh) fresh.push(record);
				cursor.watches[watch.key] = read.state;
				cursor.fallbacks += read.fallbacks;
			} catch (error) {
				const skipped = isNotFoundError(error) ? source.skippedWhenMissing?.(watch.scope) : undefined;
				if (skipped === undefined) throw asNodeError(context.getNode(), error);
				context.logger.warn(`Headshed Cube Trigger: ${skipped} was not found (404); it is skipped`);
			}
		}
		const timeOf = (record: T) => source.identity.timeOf(record);
		fresh.sort((a, b) => (timeOf(a) || Infinity) - (timeOf(b) || Infinity));
		const items = fresh.length > 0 ? await build(fresh) : [];
		// Saved only now, after every read and every item was built.
		state.cursor = cursor as unknown as IDataObject;
		if (startsBaseline && items.length === 0) rememberStartedWatches(trigger, { polledAt: now, serial, watches: cursor.watches });
		else if (isTriggerCursor(previous) && (previous.serial ?? 0) >= (watchesStartedBy(trigger)?.serial ?? Infinity)) forgetStartedWatches(trigger);
		return items;
	} finally {
		endPolling(trigger);
	}
}

/** Part of n8n's poll budget kept for emitting and saving. */
const BUDGET_RESERVE = 0.2;

type PollBudget = { getPollBudgetMs?: () => number | undefined };

/** When a poll should stop starting new watches: n8n 2.41 on gives polls a time budget. */
export function pollDeadline(context: IPollFunctions, now: number): number | undefined {
	const budget = (context as unknown as PollBudget).getPollBudgetMs?.();
	return budget ? now + budget * (1 - BUDGET_RESERVE) : undefined;
}
