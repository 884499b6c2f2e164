/** A whole number within [min, max]; a value that is no number at all gives `fallback`. */
export function wholeNumberWithin(value: unknown, min: number, max: number, fallback: number): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || Number.isNaN(number)) return fallback;
	return Math.min(max, Math.max(min, Math.floor(number)));
}
