'use strict';

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;

const formatters = new Map();

function dateFormatter(timeZone) {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

function assertTimeZone(timeZone) {
	if (typeof timeZone !== 'string' || timeZone === '') {
		throw new TypeError('timeZone must be an IANA zone name such as "Europe/Oslo"');
	}
	try {
		dateFormatter(timeZone);
	} catch {
		throw new RangeError(`Unknown time zone: ${timeZone}`);
	}
	return timeZone;
}

/** The calendar date ('YYYY-MM-DD') that instant `ms` falls on in `timeZone`. */
function calendarDate(ms, timeZone) {
	const parts = {};
	for (const part of dateFormatter(timeZone).formatToParts(ms)) parts[part.type] = part.value;
	return `${parts.year}-${parts.month}-${parts.day}`;
}

const dayStarts = new Map();

/**
 * The first instant (ms) of calendar date `isoDate` in `timeZone`.
 * Found by bisection on calendarDate() so DST gaps at midnight need no special case.
 */
function zonedDayStart(isoDate, timeZone) {
	const key = `${timeZone}|${isoDate}`;
	const cached = dayStarts.get(key);
	if (cached !== undefined) return cached;
	const [year, month, day] = isoDate.split('-').map(Number);
	const utcMidnight = Date.UTC(year, month - 1, day);
	// Every zone's offset is within UTC-12..UTC+14, so local midnight lies in (low, high].
	let low = utcMidnight - 15 * HOUR_MS;
	let high = utcMidnight + 13 * HOUR_MS;
	while (high - low > 1) {
		const middle = Math.floor((low + high) / 2);
		if (calendarDate(middle, timeZone) >= isoDate) high = middle;
		else low = middle;
	}
	if (dayStarts.size > 5000) dayStarts.clear();
	dayStarts.set(key, high);
	return high;
}

function addDays(isoDate, days) {
	const [year, month, day] = isoDate.split('-').map(Number);
	return new Date(Date.UTC(year, month - 1, day) + days * DAY_MS).toISOString().slice(0, 10);
}

function isRealDate(year, month, day) {
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** 'YYYY-MM-DD' when `text` is a real date written that way, else null. */
function parseIsoDate(text) {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!match || !isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))) return null;
	return text;
}

/** 'YYYYMMDD' (the responses path format) to 'YYYY-MM-DD', or null when not a real date. */
function parseCompactDate(text) {
	const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
	if (!match || !isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))) return null;
	return `${match[1]}-${match[2]}-${match[3]}`;
}

/**
 * Microseconds since the epoch of an ISO 8601 instant; JavaScript dates stop at milliseconds
 * but `submitted_when` carries six fractional digits and their order matters.
 */
function instantMicros(text) {
	const ms = Date.parse(text);
	if (Number.isNaN(ms)) return NaN;
	const fraction = /T[\d:]+\.(\d+)/.exec(text);
	const extra = fraction && fraction[1].length > 3 ? Number(fraction[1].slice(3, 6).padEnd(3, '0')) : 0;
	return ms * 1000 + extra;
}

/** `2016-12-02T13:55:20.257789Z`, the real API's format. */
function formatMicros(micros) {
	const extra = micros % 1000;
	const ms = (micros - extra) / 1000;
	return `${new Date(ms).toISOString().slice(0, -1)}${String(extra).padStart(3, '0')}Z`;
}

/** Date | ms number | ISO string to ms; throws on anything that is not a valid instant. */
function toMs(dateLike, what = 'date') {
	let ms;
	if (dateLike instanceof Date) ms = dateLike.getTime();
	else if (typeof dateLike === 'number') ms = dateLike;
	else if (typeof dateLike === 'string' && dateLike.trim() !== '') ms = Date.parse(dateLike);
	else ms = NaN;
	if (!Number.isFinite(ms)) throw new TypeError(`Invalid ${what}: ${String(dateLike)}`);
	return ms;
}

module.exports = {
	HOUR_MS,
	DAY_MS,
	assertTimeZone,
	calendarDate,
	zonedDayStart,
	addDays,
	parseIsoDate,
	parseCompactDate,
	instantMicros,
	formatMicros,
	toMs,
};
