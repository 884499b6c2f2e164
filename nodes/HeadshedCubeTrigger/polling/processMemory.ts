import type { IPollFunctions } from 'n8n-workflow';

import type { WatchState } from './cursorState';

/**
 * What a trigger keeps in this process between polls, beside the static data n8n saves:
 * which triggers are polling now, and the watches an activation poll started. n8n 2.x's durable
 * cursors keep a poll's static data only with the execution it starts (and never after the
 * activation poll), so the baseline of an activation that emitted nothing lives here until a
 * poll's state that holds it is kept. A restart loses it: the next poll starts a new baseline.
 */
const polling = new Set<string>();
const startedWatches = new Map<string, StartedWatches>();

/** The cursor an activation poll made, with what it started. */
export interface StartedWatches {
	polledAt: number;
	serial: number;
	watches: Record<string, WatchState>;
}

/** One trigger node of one workflow. */
export function triggerIdOf(context: IPollFunctions): string {
	const node = context.getNode();
	return `${context.getWorkflow().id ?? ''}/${node.id ?? node.name}`;
}

/** Marks the trigger as polling; false when a poll of it is running already. */
export function startPolling(trigger: string): boolean {
	if (polling.has(trigger)) return false;
	polling.add(trigger);
	return true;
}

export function endPolling(trigger: string): void {
	polling.delete(trigger);
}

/** Watches an activation poll of this trigger started, with that poll's time; undefined when none. */
export function watchesStartedBy(trigger: string): StartedWatches | undefined {
	return startedWatches.get(trigger);
}

export function rememberStartedWatches(trigger: string, started: StartedWatches): void {
	startedWatches.set(trigger, started);
}

/** Once n8n keeps a state holding the started watches, the process need not. */
export function forgetStartedWatches(trigger: string): void {
	startedWatches.delete(trigger);
}
