/** How records without an id are told apart: equal keys are the same record. */
export interface RecordIdentity<T> {
	/** The record's own fields (never a joined name that Cube may change), with its time. */
	keyOf(record: T): string;
	/** The key of the cursor before issue 23, read only to carry its saved state over. */
	legacyKeyOf?(record: T): string;
	/** Submission time in microseconds since the epoch; NaN when unknown. */
	timeOf(record: T): number;
}

/** Two FNV-1a passes (n8n's sandbox for community nodes allows no crypto import). */
export function digest(text: string): string {
	let first = 0x811c9dc5;
	let second = 0x050c5d1f;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		first = Math.imul(first ^ code, 0x01000193) >>> 0;
		second = Math.imul(second ^ code, 0x01000193) >>> 0;
	}
	return first.toString(36) + second.toString(36).padStart(7, '0');
}
