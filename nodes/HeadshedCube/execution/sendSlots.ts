/** Why an item that waited for a slot was not sent. */
export class NotSentError extends Error {
	constructor(itemIndex: number, failedItemIndex: number) {
		super(`Item ${itemIndex} was not sent, because item ${failedItemIndex} failed first`);
	}
}

interface Waiting {
	itemIndex: number;
	start: () => void;
	refuse: (error: Error) => void;
}

/**
 * At most `count` items send at a time, the others waiting in the order they asked. A finished
 * item hands its slot straight to the next one waiting, which starts without delay.
 */
export class SendSlots {
	private free: number;

	private readonly waiting: Waiting[] = [];

	/** Items after this one are no longer sent: it failed and ends the execution. */
	private stopAfter = Number.POSITIVE_INFINITY;

	/** `failureEndsExecution`: without Continue On Fail, an item that fails ends the execution. */
	constructor(
		count: number,
		private readonly failureEndsExecution: boolean,
	) {
		this.free = count;
	}

	async use<T>(itemIndex: number, task: () => Promise<T>): Promise<T> {
		if (itemIndex > this.stopAfter) throw new NotSentError(itemIndex, this.stopAfter);
		if (this.free > 0) this.free--;
		else await new Promise<void>((start, refuse) => this.waiting.push({ itemIndex, start, refuse }));
		let failed = true;
		try {
			const result = await task();
			failed = false;
			return result;
		} finally {
			// Before the slot is handed on, so that no item after this one takes it.
			if (failed && this.failureEndsExecution) this.stopAfterItem(itemIndex);
			const next = this.waiting.shift();
			if (next) next.start();
			else this.free++;
		}
	}

	/**
	 * A one-by-one loop would have sent nothing after a failing item: those waiting after it
	 * are refused, and so are those that ask later. Items before it are still sent. (An item
	 * that fails before it asks for a slot stops the item pool, which starts no later item.)
	 */
	private stopAfterItem(itemIndex: number): void {
		if (itemIndex >= this.stopAfter) return;
		this.stopAfter = itemIndex;
		const refused = this.waiting.filter((waiting) => waiting.itemIndex > itemIndex);
		this.waiting.splice(0, this.waiting.length, ...this.waiting.filter((waiting) => waiting.itemIndex <= itemIndex));
		for (const waiting of refused) waiting.refuse(new NotSentError(waiting.itemIndex, itemIndex));
	}
}
