'use strict';

const { assertTimeZone } = require('./time/dates');

const NEXT_LINK_STYLES = ['http', 'hostile', 'malformed', 'repeat', 'cursor'];
const PATH_MODES = ['both', 'v1', 'legacy'];
// Timed lists (responses, call outcomes, product registrations): 'submitted' oldest first,
// 'newest' newest first, 'shuffled' another order at each new clock reading (no stable sort).
const RESPONSE_ORDERS = ['submitted', 'newest', 'shuffled'];

const DEFAULT_KNOBS = Object.freeze({
	pageSize: 25,
	latencyMs: 0,
	latencyJitterMs: 0,
	nextLinkStyle: 'http',
	paths: 'both',
	responseOrder: 'submitted',
	timeZone: 'Europe/Oslo',
	hostileOrigin: null,
});

// Strings are accepted because knobs also arrive from the CLI, env vars and the control endpoint.
function toInteger(value, name, min) {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (!Number.isInteger(number) || number < min) {
		throw new RangeError(`${name} must be an integer >= ${min}, got ${JSON.stringify(value)}`);
	}
	return number;
}

function oneOf(value, name, allowed) {
	if (!allowed.includes(value)) {
		throw new RangeError(`${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
	}
	return value;
}

function toOrigin(value) {
	if (value === null || value === undefined || value === '') return null;
	let url;
	try {
		url = new URL(String(value));
	} catch {
		throw new RangeError(`hostileOrigin must be an absolute http(s) URL, got ${JSON.stringify(value)}`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new RangeError(`hostileOrigin must be an http(s) URL, got ${JSON.stringify(value)}`);
	}
	return url.origin;
}

const validators = {
	pageSize: (value) => toInteger(value, 'pageSize', 1),
	latencyMs: (value) => toInteger(value, 'latencyMs', 0),
	latencyJitterMs: (value) => toInteger(value, 'latencyJitterMs', 0),
	nextLinkStyle: (value) => oneOf(value, 'nextLinkStyle', NEXT_LINK_STYLES),
	paths: (value) => oneOf(value, 'paths', PATH_MODES),
	responseOrder: (value) => oneOf(value, 'responseOrder', RESPONSE_ORDERS),
	timeZone: (value) => assertTimeZone(value),
	hostileOrigin: toOrigin,
};

/** Validates a partial knob object; throws on unknown names so typos do not pass silently. */
function validateKnobs(changes) {
	if (changes === null || typeof changes !== 'object' || Array.isArray(changes)) {
		throw new TypeError('knobs must be an object');
	}
	const valid = {};
	for (const [name, value] of Object.entries(changes)) {
		if (value === undefined) continue;
		const validate = validators[name];
		if (!validate) throw new RangeError(`Unknown sandbox knob: ${name}`);
		valid[name] = validate(value);
	}
	return valid;
}

module.exports = { DEFAULT_KNOBS, NEXT_LINK_STYLES, PATH_MODES, RESPONSE_ORDERS, validateKnobs };
