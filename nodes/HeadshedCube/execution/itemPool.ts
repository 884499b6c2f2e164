import { sleep } from 'n8n-workflow';

/**
 * Grants turns one pass of the event loop apart. Each item computes its parameters (n8n's
 * expressions) synchronously and then opens a connection, which needs a pass of the event loop
 * to be sent. Items started in the same pass would all compute first and send together, come
 * back together, and leave the node alternating between computing with nothing in flight and
 * waiting with nothing to compute (measured: time = latency floor + all the computing). A turn
 * per pass lets each item's request leave before the next item computes, so the two overlap.
 */
function passByPass(): () => Promise<void> {
	let lastTurn: Promise<void> = Promise.resolve();
	return async () => {
		const turn = lastTurn.then(async () => await sleep(0));
		lastTurn = turn;
		await turn;
	};
}

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
	const workerCount = Math.max(1, Math.min(inFlight, count));
	const waitTurn = workerCount > 1 ? passByPass() : async () => {};
	let next = 0;
	// Every failure; the one of the lowest index is thrown.
	const failures: Array<{ index: number; error: unknown }> = [];
	const worker = async () => {
		while (failures.length === 0 && next < count) {
			await waitTurn();
			if (failures.length > 0 || next >= count) break;
			const index = next++;
			try {
				await task(index);
			} catch (error) {
				failures.push({ index, error });
			}
		}
	};
	await Promise.all(Array.from({ length: workerCount }, worker));
	if (failures.length > 0) {
		throw failures.reduce((first, failure) => (failure.index < first.index ? failure : first)).error;
	}
}
