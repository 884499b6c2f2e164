import type { IDataObject } from 'n8n-workflow';

import { digest, type RecordIdentity } from '../polling/identity';

const SUBMITTED_TIMESTAMP = 'call_outcome__report_as__submitted_when_timestamp';
const SUBMITTED_MINUTE = 'call_outcome__report_as__submitted_when';
/** Where `submitted_when` (minutes, no zone) is read: Cube is a Norwegian service. */
const CUBE_TIME_ZONE = 'Europe/Oslo';

/** The fields that belong to the call outcome or registration itself: not the customer's card, not joined names. */
const OWN_FIELD = /^(call_outcome__|product__|crm__customer_id$)/;
/** Fields keyed by a label the campaign's set-up gives (renamed with it): only their values count. */
const LABELLED_FIELD = /^(call_outcome__extra__|product__extra__)/;
/** What the key digested before issue 23, joined campaign and data owner names included. */
const LEGACY_OWN_FIELD = /^(call_outcome__|product__|campaign__|data_owner__name$|crm__customer_id$)/;

/** Milliseconds a clock in `timeZone` runs ahead of UTC at `instant`. */
function zoneOffsetMs(instant: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric',
	}).formatToParts(instant);
	const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const shown = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
	return shown - Math.floor(instant / 1000) * 1000;
}

/** The instant of a `YYYY-MM-DD HH:MM` wall-clock time in `timeZone`; NaN when unreadable. */
export function instantOfWallClock(text: string, timeZone: string): number {
	const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(text);
	if (!match) return Number.NaN;
	const [year, month, day, hour, minute] = match.slice(1).map(Number);
	const asUtc = Date.UTC(year, month - 1, day, hour, minute);
	// Twice, so that an offset change between the guess and the answer is taken into account.
	const guess = asUtc - zoneOffsetMs(asUtc, timeZone);
	return asUtc - zoneOffsetMs(guess, timeZone);
}

/**
 * When the record was submitted, in microseconds since the epoch: from the timestamp where Cube
 * sends one (2024 on, milliseconds with an offset such as `+0100`), else from the minute.
 */
export function submittedMicrosGen2(record: IDataObject): number {
	const stamp = String(record[SUBMITTED_TIMESTAMP] ?? '').trim();
	if (stamp) {
		const ms = Date.parse(stamp.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
		if (!Number.isNaN(ms)) return ms * 1000;
	}
	return instantOfWallClock(String(record[SUBMITTED_MINUTE] ?? ''), CUBE_TIME_ZONE) * 1000;
}

const submittedWhen = (record: IDataObject) =>
	String(record[SUBMITTED_TIMESTAMP] ?? '') || String(record[SUBMITTED_MINUTE] ?? '');

/**
 * Generation-2 records have no id. One is known by its submission time (the timestamp, or the
 * minute where there is none) and a digest of its own fields: the outcome's or registration's
 * and the customer id, values compared as text (Cube's types are loose). Campaign and data owner
 * names are joined in by Cube and may be renamed; labelled extra fields count by value only.
 */
export function gen2RecordKey(record: IDataObject): string {
	const keys = Object.keys(record).filter((key) => OWN_FIELD.test(key));
	const named = keys.filter((key) => !LABELLED_FIELD.test(key)).sort().map((key) => `${key}=${String(record[key] ?? '')}`);
	const labelled = keys.filter((key) => LABELLED_FIELD.test(key)).map((key) => `=${String(record[key] ?? '')}`).sort();
	return `${submittedWhen(record)}|${digest([...named, ...labelled].join('\u0000'))}`;
}

/** The key of the cursor before issue 23, read only to carry its saved state over. */
export function legacyGen2RecordKey(record: IDataObject): string {
	const own = Object.keys(record)
		.filter((key) => LEGACY_OWN_FIELD.test(key))
		.sort()
		.map((key) => `${key}=${String(record[key] ?? '')}`)
		.join('\u0000');
	return `${submittedWhen(record)}|${digest(own)}`;
}

export const gen2Identity: RecordIdentity<IDataObject> = {
	keyOf: gen2RecordKey,
	legacyKeyOf: legacyGen2RecordKey,
	timeOf: submittedMicrosGen2,
};
