'use strict';

// Seeded values a call center's CRM could hold, in both generations and for several seeds: an
// agent's comment agrees with the outcome it is filed with, and numbers stay within their kind.
const { createSandbox } = require('../index');

const NOW = '2026-11-20T10:00:00Z';
const SEEDS = [1, 2, 3];
const seeded = new Map();
function dataOf(generation, seed) {
	const key = `${generation}:${seed}`;
	if (!seeded.has(key)) seeded.set(key, createSandbox({ generation, seed, now: NOW }).data);
	return seeded.get(key);
}

/** Every seeded comment with the outcome (or call state) it was filed under. */
function commentsWithOutcomes(seed) {
	const gen1 = dataOf(1, seed);
	const gen2 = dataOf(2, seed);
	const responses = [...gen1.responsesByCampaign.values()].flat().map((r) => [r.comment, r.type]);
	const outcomes = [...gen2.callOutcomesByCampaign.values()].flat().map(({ record }) => [record.call_outcome__comment, record.call_outcome__type]);
	const states = [...gen2.statusByCampaign.values()].flat().map((r) => [r.callflow__last_change__comment, r.callflow__callstate__name]);
	return [...responses, ...outcomes, ...states].filter(([comment]) => comment !== '');
}

test.each(SEEDS)('seed %s: each comment is written under one outcome only, and none under a call not yet made', (seed) => {
	const outcomesByComment = new Map();
	for (const [comment, outcome] of commentsWithOutcomes(seed)) {
		outcomesByComment.set(comment, (outcomesByComment.get(comment) ?? new Set()).add(outcome));
	}
	expect(outcomesByComment.size).toBeGreaterThan(10);
	const mixed = [...outcomesByComment].filter(([, outcomes]) => outcomes.size > 1).map(([comment, outcomes]) => `${comment}: ${[...outcomes].join(', ')}`);
	expect(mixed).toEqual([]);
	expect([...outcomesByComment.values()].filter((outcomes) => outcomes.has('Ny'))).toEqual([]);
});

// label → the range its values keep (a percentage, months of a binding period)
const RANGES = [
	[/%/, 0, 100],
	[/\(mnd\)/, 0, 60],
	[/Antall/, 1, 10000],
];

test.each(SEEDS)('seed %s: percentages, months and counts of the custom fields stay within their kind', (seed) => {
	const data = dataOf(2, seed);
	let checked = 0;
	const outside = [];
	for (const [crm, definitions] of data.definitionsByCrm) {
		for (const { key: label, lookup__id: field } of definitions) {
			const range = RANGES.find(([pattern]) => pattern.test(label));
			if (!range) continue;
			for (const customer of data.customersByCrm.get(crm)) {
				const value = customer[field];
				if (value === '') continue;
				if (!(Number(value) >= range[1] && Number(value) <= range[2])) outside.push(`${crm} ${label}: ${value}, not within ${range[1]}–${range[2]}`);
				checked++;
			}
		}
	}
	expect(outside.slice(0, 5)).toEqual([]);
	expect(checked).toBeGreaterThan(1000);
});
