import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { CubeResponseRecord } from '../HeadshedCube/api/types';
import { asNodeError } from '../HeadshedCube/transport';
import { datesBetween, readDays } from './readResponses';
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
} from './listCursor';
import {
	campaignOfList,
	CURSOR_LIMITS,
	isResponseCursor,
	isResponseCursorV1,
	knownToV1,
	listId,
	responseIdentity,
	responseKey,
	submittedMicros,
	type ResponseCursor,
	type ResponseCursorV1,
} from './responseCursor';

/**
 * How a poll tells new responses from old: a running cursor, a version-1 one, none yet, or,
 * for a campaign a running cursor has not read before, the time of the previous poll.
 */
type Baseline =
	| { kind: 'running' }
	| { kind: 'v1'; cursor: ResponseCursorV1 }
	| { kind: 'activation' }
	| { kind: 'since'; micros: number };

interface ListOutcome {
	read: ListRead<CubeResponseRecord>;
	/** The records after the known ones; undefined when the list was read from its start. */
	after?: CubeResponseRecord[];
}

const isNotFound = (error: unknown) => (error as { httpCode?: unknown }).httpCode === '404';

/** The Cube dates every poll reads: wide enough for n8n's and Cube's clocks and zones to differ. */
export function watchedDays(now: number, timeZone: string, since = Infinity): string[] {
	const { clockSkewMs, lateArrivalMs, zoneMarginMs } = CURSOR_LIMITS;
	const from = Math.min(since, now - clockSkewMs - lateArrivalMs - zoneMarginMs);
	return datesBetween(from, now + clockSkewMs + zoneMarginMs, timeZone);
}

/**
 * Reads one campaign's day from the page holding its last known response. When the known
 * responses are not where they were left, or that page is gone, the day is read from its start.
 */
async function readAfterMark(
	this: IPollFunctions,
	campaignId: number,
	day: string,
	mark: ListMark | undefined,
): Promise<ListOutcome> {
	const startPage = pageToRead(mark);
	let read: ListRead<CubeResponseRecord> | undefined;
	try {
		read = await readDays.call(this, campaignId, day, day, startPage);
	} catch (error) {
		if (startPage === 1 || !isNotFound(error)) throw asNodeError(this.getNode(), error);
	}
	const after = read && mark ? recordsAfterMark(mark, read, responseIdentity) : undefined;
	if (read && (after || startPage === 1)) return { read, after };
	return { read: await readDays.call(this, campaignId, day, day, 1) };
}

/** The days to read one by one: days that were empty are checked in runs, one request a run. */
async function daysWithChanges(
	this: IPollFunctions,
	campaignId: number,
	days: string[],
	cursor: ResponseCursor,
): Promise<string[]> {
	const isEmpty = (day: string) => cursor.lists[listId(campaignId, day)]?.count === 0;
	const changed: string[] = [];
	for (let first = 0; first < days.length; ) {
		let last = first;
		while (isEmpty(days[first]) && last + 1 < days.length && isEmpty(days[last + 1])) last++;
		const run = days.slice(first, last + 1);
		if (run.length < 2 || (await readDays.call(this, campaignId, run[0], run[run.length - 1], 1)).count > 0) {
			changed.push(...run);
		}
		first = last + 1;
	}
	return changed;
}

/** Reads one campaign's days and returns its new responses; `cursor` is updated in place. */
async function pollCampaign(
	this: IPollFunctions,
	campaignId: number,
	days: string[],
	cursor: ResponseCursor,
	baseline: Baseline,
): Promise<CubeResponseRecord[]> {
	const log = cursor.logs[campaignId] ?? emptyLog();
	// A campaign watched from now on (new, or added to the list) replays no history.
	if (baseline.kind === 'running' && !cursor.logs[campaignId]) {
		baseline = { kind: 'since', micros: (cursor.polledAt - CURSOR_LIMITS.lateArrivalMs) * 1000 };
	}
	const fresh = new Map<string, CubeResponseRecord>();
	const known: CubeResponseRecord[] = [];
	const marks: Record<string, ListMark> = {};
	for (const day of await daysWithChanges.call(this, campaignId, days, cursor)) {
		const id = listId(campaignId, day);
		const mark = cursor.lists[id];
		const { read, after } = await readAfterMark.call(this, campaignId, day, mark);
		if (mark && !after) cursor.fallbacks++;
		for (const record of after ?? read.records) {
			known.push(record);
			const isOld =
				baseline.kind === 'activation' ||
				(baseline.kind === 'v1' && knownToV1(baseline.cursor, record)) ||
				(baseline.kind === 'since' && !(responseIdentity.timeOf(record) > baseline.micros)) ||
				(baseline.kind === 'running' &&
					(after ? isKnownKey(log, record, responseIdentity) : isKnown(log, record, responseIdentity)));
			if (!isOld) fresh.set(responseKey(record), record);
		}
		marks[id] = markAfterRead(read, responseIdentity, after ? mark : undefined);
	}
	// Saved only once every day of the campaign was read: a failure leaves it as it was.
	Object.assign(cursor.lists, marks);
	cursor.logs[campaignId] = rememberRecords(log, known, responseIdentity);
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

/** Lists of days no longer read go, and the logs of campaigns left without lists. */
function prune(cursor: ResponseCursor, days: string[]): void {
	const kept = new Set(days);
	for (const id of Object.keys(cursor.lists)) {
		if (!kept.has(id.slice(id.indexOf('/') + 1))) delete cursor.lists[id];
	}
	const campaigns = new Set(Object.keys(cursor.lists).map(campaignOfList));
	for (const campaignId of Object.keys(cursor.logs)) if (!campaigns.has(campaignId)) delete cursor.logs[campaignId];
}

const byTime = (a: CubeResponseRecord, b: CubeResponseRecord) =>
	(submittedMicros(a) || Infinity) - (submittedMicros(b) || Infinity);

/**
 * One poll: the responses new since the last one, oldest first. The first poll (and the first
 * after an upgrade from the version-1 cursor) reads every watched day in full to set the cursor.
 * A campaign Cube no longer knows (404) is skipped, so the others still deliver.
 */
export async function pollNewResponses(
	this: IPollFunctions,
	campaignIds: number[],
	now: number,
	deadline?: number,
): Promise<CubeResponseRecord[]> {
	const state = this.getWorkflowStaticData('node') as IDataObject;
	const previous = state.cursor;
	const baseline: Baseline = isResponseCursor(previous)
		? { kind: 'running' }
		: isResponseCursorV1(previous)
			? { kind: 'v1', cursor: previous }
			: { kind: 'activation' };
	const since =
		baseline.kind === 'v1'
			? Date.parse(baseline.cursor.floor) - CURSOR_LIMITS.lateArrivalMs - CURSOR_LIMITS.zoneMarginMs
			: undefined;
	const days = watchedDays(now, this.getTimezone(), since);
	const cursor = startingCursor(previous, now);
	const resumeAt = isResponseCursor(previous) ? campaignIds.indexOf(previous.resumeAt ?? -1) : -1;

	const fresh: CubeResponseRecord[] = [];
	for (let step = 0; step < campaignIds.length; step++) {
		const campaignId = campaignIds[(Math.max(0, resumeAt) + step) % campaignIds.length];
		// A first poll is never cut short: a campaign left unread would later look all new.
		if (step > 0 && baseline.kind === 'running' && deadline !== undefined && Date.now() > deadline) {
			cursor.resumeAt = campaignId;
			break;
		}
		try {
			for (const record of await pollCampaign.call(this, campaignId, days, cursor, baseline)) fresh.push(record);
		} catch (error) {
			if (!isNotFound(error)) throw asNodeError(this.getNode(), error);
			this.logger.warn(`Headshed Cube Trigger: campaign ${campaignId} was not found (404); it is skipped`);
		}
	}
	prune(cursor, days);
	cursor.polledAt = now;
	// Saved only now, after every request succeeded: a failed poll leaves the cursor as it was.
	state.cursor = cursor as unknown as IDataObject;
	return baseline.kind === 'activation' ? [] : fresh.sort(byTime);
}
