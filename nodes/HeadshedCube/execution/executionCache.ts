import { cubeSession } from '../transport/request';
import { SendSlots } from './sendSlots';

/**
 * Lives for one execution of the node: lookups that every input item would otherwise repeat
 * (the campaign list, an assignment's customers, the credential) are made once and shared, and
 * so is the hold-back after a 429, whichever item met it.
 */
export class ExecutionCache {
	/** Bounds how many items send to Cube at once; items wait here once their parameters are read. */
	readonly sending: SendSlots;

	constructor({ sendingAtOnce = Number.POSITIVE_INFINITY, failureEndsExecution = true } = {}) {
		this.sending = new SendSlots(sendingAtOnce, failureEndsExecution);
	}

	private readonly entries = new Map<string, Promise<unknown>>();

	private readonly values = new Map<string, unknown>();

	private readonly queues = new Map<string, Promise<unknown>>();

	readonly session = cubeSession();

	async remember<T>(key: string, load: () => Promise<T>): Promise<T> {
		let entry = this.entries.get(key) as Promise<T> | undefined;
		if (!entry) {
			entry = load();
			this.entries.set(key, entry);
			// A failed load is not remembered, so a later item may try again.
			entry.catch(() => this.entries.delete(key));
		}
		return await entry;
	}

	/** A value shared by the items of the execution, made by the first item that asks. */
	shared<T>(key: string, create: () => T): T {
		if (!this.values.has(key)) this.values.set(key, create());
		return this.values.get(key) as T;
	}

	/**
	 * Runs `task` after every task queued before under the same key has settled, so that items
	 * writing the same record apply in input order while other items run alongside.
	 */
	async inOrder<T>(key: string, task: () => Promise<T>): Promise<T> {
		const before = this.queues.get(key) ?? Promise.resolve();
		const run = before.then(task, task);
		const settled = run.then(
			() => undefined,
			() => undefined,
		);
		this.queues.set(key, settled);
		try {
			return await run;
		} finally {
			if (this.queues.get(key) === settled) this.queues.delete(key);
		}
	}
}
