'use strict';

// FNV-1a, so that seeds 1 and '1' (CLI, env) give the same data.
function hashSeed(seed) {
	const text = String(seed);
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0 || 1;
}

/**
 * xorshift32: statistical quality is irrelevant for fake data, speed is not. No Math.* calls
 * on purpose: inside jest's VM contexts each one costs ~20x, which made reset() take 400 ms.
 * Ranges must stay below 2^31 (the `| 0` truncation).
 */
function createRandom(seed) {
	let state = hashSeed(seed);

	function next() {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return (state >>> 0) / 4294967296;
	}
	for (let i = 0; i < 8; i++) next();

	return {
		next,
		int: (min, max) => min + ((next() * (max - min + 1)) | 0),
		chance: (probability) => next() < probability,
		pick: (list) => list[(next() * list.length) | 0],
		digits: (count) => {
			let out = '';
			for (let i = 0; i < count; i++) out += (next() * 10) | 0;
			return out;
		},
	};
}

module.exports = { createRandom };
