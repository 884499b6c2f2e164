'use strict';

const SANDBOX_TOKEN = 'cube-sandbox-token';
const SANDBOX_USERNAME = 'integration@example.com';
const SANDBOX_PASSWORD = 'sandbox-password';

const NOT_PROVIDED = 'Authentication credentials were not provided.';

const accepted = (scheme) => ({ scheme, detail: null });
const rejected = (detail) => ({ scheme: 'invalid', detail });

function checkBasic(credentials) {
	if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(credentials)) {
		return rejected('Invalid basic header. Credentials not correctly base64 encoded.');
	}
	const decoded = Buffer.from(credentials, 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return rejected('Invalid basic header. Credentials not correctly base64 encoded.');
	const username = decoded.slice(0, colon);
	const password = decoded.slice(colon + 1);
	return username === SANDBOX_USERNAME && password === SANDBOX_PASSWORD
		? accepted('basic')
		: rejected('Invalid username/password.');
}

/**
 * Reads an Authorization header the way Django REST Framework's Token and Basic
 * authenticators do, messages included.
 * scheme: 'token' | 'basic' (accepted), 'none' (no header), 'invalid' (present, not accepted).
 */
function authenticate(header) {
	if (header === undefined || header.trim() === '') return { scheme: 'none', detail: NOT_PROVIDED };
	const parts = header.trim().split(/\s+/);
	const keyword = parts[0].toLowerCase();
	if (keyword === 'token') {
		if (parts.length === 1) return rejected('Invalid token header. No credentials provided.');
		if (parts.length > 2) return rejected('Invalid token header. Token string should not contain spaces.');
		return parts[1] === SANDBOX_TOKEN ? accepted('token') : rejected('Invalid token.');
	}
	if (keyword === 'basic') {
		if (parts.length === 1) return rejected('Invalid basic header. No credentials provided.');
		if (parts.length > 2) return rejected('Invalid basic header. Credentials string should not contain spaces.');
		return checkBasic(parts[1]);
	}
	// DRF ignores schemes it has no authenticator for, so e.g. Bearer reads as "not provided".
	return rejected(NOT_PROVIDED);
}

module.exports = { SANDBOX_TOKEN, SANDBOX_USERNAME, SANDBOX_PASSWORD, authenticate };
