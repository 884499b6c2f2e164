/**
 * Runs `task` for the indexes 0 … count − 1, at most `inFlight` at a time, starting them in
 * index order. Once a task fails no further one starts; those running are let finish, and
 * then the failure of the lowest index is thrown, as a one-by-one loop would have thrown it.
 */
export async function forEachIndex(
	count: number,
	inFlight: number,
	task: (index: number) => Promise<void>,
): Promise<void> {
	let next = 0;
	// Every failure; the one of the lowest index is thrown.
	const failures: Array<{ index: number; error: unknown }> = [];
	const worker = async () => {
		while (failures.length === 0 && next < count) {
			const index = next++;
			try {
				await task(index);
			} catch (error) {
				failures.push({ index, error });
			}
		}
	};
	const workers = Array.from({ length: Math.max(1, Math.min(inFlight, count)) }, worker);
	await Promise.all(workers);
	if (failures.length > 0) {
		throw failures.reduce((first, failure) => (failure.index < first.index ? failure : first)).error;
	}
}
