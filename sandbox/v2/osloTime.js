'use strict';

// Generation 2 prints submission times in Cube's own zone: `submitted_when` to the minute
// without a zone, `submitted_when_timestamp` to the millisecond with an offset without a colon.

const { HOUR_MS } = require('../time/dates');

const offsetFormatter = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Oslo', timeZoneName: 'longOffset' });
const offsetsByHour = new Map();

/** Oslo's offset from UTC in minutes at `ms`; zones change offsets on whole hours only. */
function osloOffsetMinutes(ms) {
	const hour = Math.floor(ms / HOUR_MS);
	let offset = offsetsByHour.get(hour);
	if (offset === undefined) {
		const name = offsetFormatter.formatToParts(hour * HOUR_MS).find((part) => part.type === 'timeZoneName').value;
		const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
		offset = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0)) : 0;
		offsetsByHour.set(hour, offset);
	}
	return offset;
}

/** Oslo's wall clock at `ms` as `YYYY-MM-DDTHH:MM:SS.mmm`, and the offset as `+0100`. */
function osloWallClock(ms) {
	const offset = osloOffsetMinutes(ms);
	const wall = new Date(ms + offset * 60000).toISOString().slice(0, 23);
	const sign = offset < 0 ? '-' : '+';
	const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
	const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
	return { wall, offset: `${sign}${hours}${minutes}` };
}

/** `2020-02-12 10:27`: Oslo's wall clock, minutes only. */
function osloMinute(ms) {
	return osloWallClock(ms).wall.slice(0, 16).replace('T', ' ');
}

/** `2020-02-12T10:27:06.477+0100`. */
function osloTimestamp(ms) {
	const { wall, offset } = osloWallClock(ms);
	return `${wall}${offset}`;
}

module.exports = { osloMinute, osloTimestamp };
