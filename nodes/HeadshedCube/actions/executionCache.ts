/**
 * Lives for one execution of the node: lookups that every input item would otherwise repeat
 * (the campaign list, an assignment's customers) are made once and shared.
 */
export class ExecutionCache {
	private readonly entries = new Map<string, Promise<unknown>>();

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
}
