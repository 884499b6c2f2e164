'use strict';

const { toMs } = require('./dates');

/** A settable clock: runs at real speed from its last setting unless frozen. */
function createClock({ now, frozen = false } = {}) {
	let baseMs = now === undefined ? Date.now() : toMs(now, 'clock time');
	let realAtBase = Date.now();
	let isFrozen = Boolean(frozen);

	function nowMs() {
		return isFrozen ? baseMs : baseMs + (Date.now() - realAtBase);
	}

	return {
		nowMs,
		now: () => new Date(nowMs()),
		isFrozen: () => isFrozen,
		set(dateLike) {
			baseMs = toMs(dateLike, 'clock time');
			realAtBase = Date.now();
		},
		advance(ms) {
			if (typeof ms !== 'number' || !Number.isFinite(ms)) throw new TypeError(`Invalid advance: ${ms}`);
			baseMs = nowMs() + ms;
			realAtBase = Date.now();
		},
		freeze() {
			baseMs = nowMs();
			isFrozen = true;
		},
		unfreeze() {
			if (isFrozen) realAtBase = Date.now();
			isFrozen = false;
		},
	};
}

module.exports = { createClock };
