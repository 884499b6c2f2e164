import type { CubeResponseRecord } from '../../HeadshedCube/v1/api/types';
import type { RecordIdentity } from '../polling/identity';
import { CURSOR_LIMITS, type ResponseCursorV1 } from '../polling/cursorState';

/** Microseconds since the epoch, from the microseconds Cube prints; NaN when unreadable. */
export function submittedMicros(record: CubeResponseRecord): number {
	const text = String(record.submitted_when ?? '');
	const ms = Date.parse(text);
	if (Number.isNaN(ms)) return Number.NaN;
	const micros = /\.\d{3}(\d{1,3})/.exec(text)?.[1] ?? '';
	return ms * 1000 + Number(micros.padEnd(3, '0'));
}

/**
 * Responses have no id in Cube's API. Campaign, submission time (to the microsecond) and the
 * response's own content tell them apart; two identical records are the same response. The
 * customer's name is the customer card's, joined in by Cube: renaming a customer changes no key.
 */
export function responseKey(record: CubeResponseRecord): string {
	const own = [record.crm_customer_id, record.submitted_by, record.type, record.subtype, record.comment];
	return `${record.campaign_id ?? ''}|${record.submitted_when ?? ''}|${legacyDigest(own.map((value) => String(value ?? '')).join('\u0000'))}`;
}

/** The key of the cursors before issue 23 (with the customer's name), read only to carry their state over. */
export function legacyResponseKey(record: CubeResponseRecord): string {
	const content = [
		record.crm_customer_id,
		record.submitted_by,
		record.type,
		record.subtype,
		record.comment,
		record.customer_name,
	]
		.map((value) => String(value ?? ''))
		.join('\u0000');
	return `${record.campaign_id ?? ''}|${record.submitted_when ?? ''}|${legacyDigest(content)}`;
}

/** The 32-bit FNV-1a of version 1's keys, kept so that its cursor still reads. */
function legacyDigest(text: string): string {
	let hash = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(36);
}

export const responseIdentity: RecordIdentity<CubeResponseRecord> = {
	keyOf: responseKey,
	legacyKeyOf: legacyResponseKey,
	timeOf: submittedMicros,
};

/** Known to a version-1 cursor: before its floor's late-arrival margin, or among its keys. */
export function knownToV1(cursor: ResponseCursorV1, record: CubeResponseRecord): boolean {
	const threshold = (Date.parse(cursor.floor) - CURSOR_LIMITS.lateArrivalMs) * 1000;
	return !(submittedMicros(record) > threshold) || legacyResponseKey(record) in cursor.seen;
}
