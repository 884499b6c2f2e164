'use strict';

/**
 * Counts the API requests being served at this moment and the most seen at once, so that a
 * client's bound on requests in flight can be checked from outside.
 */
function createInFlightGauge() {
	let now = 0;
	let max = 0;
	return {
		/** Marks a request as started; returns the function that marks it finished (once). */
		enter() {
			now++;
			max = Math.max(max, now);
			let left = false;
			return () => {
				if (left) return;
				left = true;
				now--;
			};
		},
		snapshot: () => ({ inFlight: now, maxInFlight: max }),
		/** Starts a new peak from what is in flight now. */
		resetMax() {
			max = now;
		},
	};
}

module.exports = { createInFlightGauge };
