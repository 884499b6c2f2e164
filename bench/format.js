// How the benchmark writes its figures.
'use strict';

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (kb) => `${Math.round(kb / 1024)} MB`;
/** A ratio with two decimals, or with `digits` (three for targets, so that a miss by a hair shows). */
const times = (ratio, digits = 2) => (Number.isFinite(ratio) ? `${ratio.toFixed(digits)}×` : '—');

module.exports = { median, seconds, megabytes, times };
