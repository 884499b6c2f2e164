/** "Fetch test event" looks this far back when today has nothing to show. */
const TEST_EVENT_DAYS = 7;
const TEST_EVENT_COUNT = 10;

/**
 * The newest records for "Fetch test event", oldest first: today's, or the past week's when
 * today has too few. `read` gives the records submitted between two instants (Cube dates).
 */
export async function latestRecords<T>(
	read: (fromInstant: number, toInstant: number) => Promise<T[]>,
	timeOf: (record: T) => number,
	now: number,
): Promise<T[]> {
	let records = await read(now, now);
	if (records.length < TEST_EVENT_COUNT) records = await read(now - TEST_EVENT_DAYS * 86_400_000, now);
	return records.sort((a, b) => timeOf(a) - timeOf(b)).slice(-TEST_EVENT_COUNT);
}
