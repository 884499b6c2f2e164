/** Errors in a date the user gave; the caller turns them into a NodeOperationError. */
export class CubeDateError extends Error {}

const DATE_ONLY = /^(\d{4})(\d{2})(\d{2})$/;
/** Date, then optionally a time, then optionally a zone: `Z` or an offset such as +02:00. */
const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/i;

function isRealDate(year: string, month: string, day: string): boolean {
	const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
	return (
		date.getUTCFullYear() === Number(year) &&
		date.getUTCMonth() === Number(month) - 1 &&
		date.getUTCDate() === Number(day)
	);
}

/** Hours 0-23, minutes and seconds 0-59, a zone offset of at most 14 hours. */
function isRealTime(match: RegExpExecArray): boolean {
	const [hours, minutes, seconds, , offsetHours, offsetMinutes] = match.slice(4).map((part) => Number(part ?? 0));
	return hours < 24 && minutes < 60 && seconds < 60 && offsetHours <= 14 && offsetMinutes < 60;
}

/** The calendar date (`YYYYMMDD`) of an instant, as a clock in `timeZone` shows it. */
export function cubeDateOfInstant(instant: Date | number, timeZone: string): string {
	const parts = new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
	}).formatToParts(instant);
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return `${part('year')}${part('month')}${part('day')}`;
}

function asText(value: unknown): string {
	if (value instanceof Date) return value.toISOString();
	// A Luxon DateTime from an expression such as {{ $now.minus(1, 'day') }}.
	if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		return String((value as { toISO: () => string }).toISO());
	}
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/**
 * Cube filters responses by calendar date (`YYYYMMDD`). A date or date-time without a zone is
 * read as written, in the workflow's zone; one with a zone is converted to that zone's date.
 * Undefined where the user left the field empty.
 */
export function toCubeDate(value: unknown, timeZone: string): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = asText(value);
	if (!text) throw new CubeDateError(`"${String(value)}" is not a date`);

	const compact = DATE_ONLY.exec(text);
	if (compact) {
		if (!isRealDate(compact[1], compact[2], compact[3])) throw new CubeDateError(`"${text}" is not a real date`);
		return text;
	}
	const dateTime = DATE_TIME.exec(text);
	if (dateTime) {
		if (!isRealDate(dateTime[1], dateTime[2], dateTime[3]) || !isRealTime(dateTime)) {
			throw new CubeDateError(`"${text}" is not a real date and time`);
		}
		if (!dateTime[7]) return `${dateTime[1]}${dateTime[2]}${dateTime[3]}`;
		const instant = Date.parse(text.replace(' ', 'T'));
		if (!Number.isNaN(instant)) return cubeDateOfInstant(instant, timeZone);
	}
	throw new CubeDateError(
		`"${text}" is not a date n8n can read; use a date such as 2024-05-31 or 2024-05-31T14:00:00`,
	);
}

/** Human form of a `YYYYMMDD`, for messages. */
export function showCubeDate(date: string): string {
	return `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`;
}

/** The Cube dates (`YYYYMMDD`, ascending) whose responses may hold instants in [from, to]. */
export function datesBetween(fromInstant: number, toInstant: number, timeZone: string): string[] {
	const dates = new Set<string>();
	// Six-hour steps never skip a date, whatever the zone's offset changes.
	for (let instant = fromInstant; instant < toInstant; instant += 6 * 3_600_000) {
		dates.add(cubeDateOfInstant(instant, timeZone));
	}
	dates.add(cubeDateOfInstant(toInstant, timeZone));
	return [...dates].sort();
}
