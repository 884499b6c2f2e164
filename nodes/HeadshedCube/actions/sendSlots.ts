/**
 * At most `count` tasks at a time, the others waiting in the order they asked. A finished
 * task hands its slot straight to the next one waiting, which starts without delay.
 */
export class SendSlots {
	private free: number;

	private readonly waiting: Array<() => void> = [];

	constructor(count: number) {
		this.free = count;
	}

	async use<T>(task: () => Promise<T>): Promise<T> {
		if (this.free > 0) this.free--;
		else await new Promise<void>((resolve) => this.waiting.push(resolve));
		try {
			return await task();
		} finally {
			const next = this.waiting.shift();
			if (next) next();
			else this.free++;
		}
	}
}
