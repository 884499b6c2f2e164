import { digest, type RecordIdentity } from './identity';

/** The newest known records of one scope, as the cursor before issue 23 kept them. */
export interface RecordLog {
	/** Every record at or before this time (microseconds) counted as known; null while none was let go. */
	floor: number | null;
	/** Digest of each newer known record's legacy key, with its time. */
	keys: Record<string, number | null>;
}

/** Whether the cursor before issue 23 knew the record: at or before its floor, or among its keys. */
export function isKnownToLog<T>(log: RecordLog, record: T, identity: RecordIdentity<T>): boolean {
	const time = identity.timeOf(record);
	if (log.floor !== null && Number.isFinite(time) && time <= log.floor) return true;
	const keyOf = identity.legacyKeyOf ?? identity.keyOf;
	return digest(keyOf(record)) in (log.keys ?? {});
}
