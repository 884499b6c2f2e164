'use strict';

const { createRandom } = require('../seeding/prng');

/** Fisher-Yates, seeded by the clock: the same order for every page read at one instant. */
function shuffled(items, nowMs) {
	const random = createRandom(nowMs);
	const copy = [...items];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = (random.next() * (i + 1)) | 0;
		[copy[i], copy[j]] = [copy[j], copy[i]];
	}
	return copy;
}

/**
 * A timed list (oldest first in the store) in the order the `responseOrder` knob asks for:
 * 'submitted' as stored, 'newest' newest first, 'shuffled' another order at each clock reading.
 */
function inListOrder(items, knobs, nowMs) {
	if (knobs.responseOrder === 'shuffled') return shuffled(items, nowMs);
	if (knobs.responseOrder === 'newest') return [...items].reverse();
	return items;
}

module.exports = { inListOrder };
