// What the e2e runs print of a long message (test/e2e/cases.js): whole words, and "…" where cut.
const { clip } = require('./e2e/cases');

const HINT = 'Cube knows no such assignment, campaign or customer (404 GET /api/v1/assignments/9/customers/424242). Check the ID.';

test('a message that fits is printed whole', () => {
	expect(clip(HINT, HINT.length)).toBe(HINT);
});

test.each([40, 50, 61, 80, 100])('cut to %s characters, it ends with a whole word and "…"', (max) => {
	const shown = clip(HINT, max);
	expect(shown.length).toBeLessThanOrEqual(max);
	expect(shown).toMatch(/\S…$/);
	const kept = shown.slice(0, -1);
	expect(HINT.startsWith(kept)).toBe(true);
	// the next character of the message is a space or a punctuation mark: no word was cut
	expect(HINT.slice(kept.length)).toMatch(/^[\s,.;:]/);
});

test('a message without spaces is cut where it must, with "…"', () => {
	expect(clip('x'.repeat(50), 20)).toBe(`${'x'.repeat(19)}…`);
});
