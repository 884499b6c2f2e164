// Drives the trigger's real poll (dist/.../polling/pollLists) against the list model, with the
// smallest faithful stand-in for n8n's poll context: the node's static data, the time zone, the
// node, a logger. How n8n keeps that static data is modelled too: on the 1.x line one object,
// changed in place and saved to the database after each emitting poll and after activation; under
// 2.x's durable cursors a copy per poll, committed with the execution it starts, or alone after a
// quiet scheduled poll (not after the activation poll, nor when the commit fails), never when the
// poll throws. A restart is a process without memory of this trigger (the trigger's process memory
// is keyed by workflow and node: a new workflow id stands for it, the static data stays) plus, on
// 1.x, n8n's activation poll; 2.41.1's durable scheduler runs none at a restart (its jobs exist).
'use strict';

const path = require('path');
const { CubeListModel } = require('./cubeListModel');

const { NodeApiError } = require('n8n-workflow');

// TRIGGER_DIST: another build's dist/nodes/HeadshedCubeTrigger (e.g. main's, to run the property against the code before a change).
const DIST = process.env.TRIGGER_DIST ?? path.join(__dirname, '../../dist/nodes/HeadshedCubeTrigger');
const SCOPES = [201, 202, 203];
const EVENTS = ['newCallOutcome', 'newProductRegistration'];
const LATENESS_MS = 15 * 60_000;
const SWEEP_MS = 60 * 60_000;
const START = Date.parse('2026-11-20T10:00:00.000Z');

const clone = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

const trigger = {
	polling: require(path.join(DIST, 'polling/pollLists')),
	identity: require(path.join(DIST, 'v2/recordIdentity')).gen2Identity,
};
let processes = 0;

class TriggerHarness {
	constructor({ durable, pageSize = 3, order = 'asc' }) {
		this.durable = durable;
		this.model = new CubeListModel({ now: START, pageSize, order });
		this.trigger = trigger;
		this.process = ++processes;
		this.event = EVENTS[0];
		this.scopes = [201, 202];
		/** Durable: the committed static data. 1.x: what the database holds (the live object is `live`). */
		this.saved = {};
		this.live = {};
		/** Oracle: the last record id listed when each (event, scope) started to be watched, and which records were emitted. */
		this.startOf = new Map();
		this.addedAt = new Map();
		this.emitted = new Map();
		this.violations = [];
		this.committedSinceStart = false;
		/** When the state the trigger starts from was made: the last commit (2.x), the last poll (1.x, in memory). */
		this.savedAt = START;
		this.liveAt = START;
		this.successfulPolls = [];
		this.log = [];
	}

	watchKey(event, scope) {
		return `${event}:${scope}`;
	}

	source() {
		const { model } = this;
		const event = this.event;
		return {
			event,
			scopes: [...this.scopes],
			identity: this.trigger.identity,
			fullReadEveryMs: SWEEP_MS,
			// The current poll's interface: one page of one scope's Cube dates.
			async readPage(scope, from, to, page) {
				const answer = await model.page(event, scope, from, to, page);
				if (!answer) throw new NodeApiError({ name: 'Headshed Cube Trigger', type: 'model' }, { message: 'Invalid page.' }, { httpCode: '404' });
				return { records: answer.results, count: answer.count, hasNext: answer.hasNext };
			},
			// The interface of the poll before issue 23: a list read from `startPage` to its end.
			async readDays(scope, from, to, startPage) {
				const records = [];
				let first;
				for (let page = startPage; ; page++) {
					const answer = await model.page(event, scope, from, to, page);
					if (!answer) break;
					first = first ?? answer;
					records.push(...answer.results);
					if (!answer.hasNext) break;
				}
				return { startPage, records, count: first.count, pageSize: first.hasNext ? first.results.length : undefined };
			},
		};
	}

	context(staticData) {
		return {
			getWorkflowStaticData: () => staticData,
			getTimezone: () => 'Europe/Oslo',
			getNode: () => ({ id: 'trigger', name: 'Headshed Cube Trigger', type: 'headshedCubeTrigger', typeVersion: 2, parameters: {} }),
			getWorkflow: () => ({ id: `model-workflow-${this.process}`, name: 'model', active: true }),
			getMode: () => 'trigger',
			logger: { warn() {}, info() {}, debug() {}, error() {} },
		};
	}

	/** Marks every listed record of the watched lists as history from now: a watch starts. */
	startWatch(scopes = this.scopes) {
		for (const scope of scopes) this.startOf.set(this.watchKey(this.event, scope), this.model.all.length);
		this.committedSinceStart = false;
	}

	/** One poll; `activation` is n8n's poll at activation or start-up (its quiet result is never committed under 2.x). */
	async poll({ failAfter, labelFail = false, budgetCut = false, commitQuiet = true, activation = false } = {}) {
		return (await this.polls([{ failAfter, labelFail, budgetCut, commitQuiet, activation }]))[0];
	}

	/** Polls started together from the same saved state (n8n's cron does not wait for the previous one). */
	async polls(options) {
		const { model } = this;
		// The durable scheduler's first poll after a restart with nothing committed starts the watch again.
		if (this.baselineAtNextPoll) this.startWatch();
		model.failAfter = options[0].failAfter;
		const runs = options.map((option) => {
			const staticData = this.durable ? clone(this.saved) : this.live;
			const before = JSON.stringify(staticData);
			return this.runOne(staticData, option).then((outcome) => ({ ...outcome, staticData, before, option }));
		});
		const outcomes = await Promise.all(runs);
		for (const outcome of outcomes) this.settle(outcome);
		model.failAfter = undefined;
		return outcomes.map((o) => o.emitted);
	}

	async runOne(staticData, { labelFail, budgetCut }) {
		const build = async (records) => {
			if (labelFail && records.length > 0) throw new Error('custom field labels could not be read (model)');
			return records;
		};
		try {
			const deadline = budgetCut ? 0 : undefined;
			const out = await this.trigger.polling.pollNewRecords(this.context(staticData), this.source(), this.model.now, deadline, build);
			// Before issue 23 the poll returned the records and left building the items to the caller.
			const emitted = Array.isArray(out) ? await build(out) : (out ?? []);
			return { emitted, failed: false };
		} catch (error) {
			return { emitted: [], failed: true, error };
		}
	}

	settle({ emitted, failed, staticData, before, option }) {
		const changed = JSON.stringify(staticData) !== before;
		if (this.durable) {
			const commit = !failed && (emitted.length > 0 || (!option.activation && option.commitQuiet && changed));
			if (commit) {
				this.saved = clone(staticData);
				this.committedSinceStart = true;
				this.savedAt = this.liveAt = this.model.now;
			}
		} else if (!failed) {
			this.liveAt = this.model.now;
			if (emitted.length > 0 || option.activation) {
				this.saved = clone(this.live);
				this.committedSinceStart = true;
				this.savedAt = this.model.now;
			}
		}
		if (!failed) this.baselineAtNextPoll = false;
		if (!failed && !option.budgetCut) this.successfulPolls.push(this.model.now);
		this.log.push(`${new Date(this.model.now).toISOString().slice(11, 16)} poll${option.activation ? ' (activation)' : ''}: ${failed ? 'failed' : `emitted ${emitted.length}`}`);
		for (const item of emitted) this.noteEmitted(item);
	}

	noteEmitted(item) {
		const id = Number(/model record (\d+)/.exec(String(item.call_outcome__comment))?.[1]);
		const record = this.model.all[id - 1];
		if (!record) return this.violations.push(`emitted a record that never existed: ${JSON.stringify(item)}`);
		this.emitted.set(id, (this.emitted.get(id) ?? 0) + 1);
		if (this.emitted.get(id) > 1) this.violations.push(`record ${id} emitted ${this.emitted.get(id)} times`);
		const start = this.startOf.get(this.watchKey(record.event, record.scope));
		if (start === undefined) return this.violations.push(`record ${id} emitted from ${record.event} ${record.scope}, never watched`);
		const added = this.addedAt.get(record.scope);
		const replayed =
			added !== undefined && record.id <= added.id ? record.at <= added.at - LATENESS_MS : record.id <= start;
		if (replayed) this.violations.push(`record ${id} (history of ${record.event} ${record.scope}) emitted`);
	}

	/**
	 * n8n restarts: the process's memory goes, the saved static data stays. n8n 1.x polls at
	 * start-up; the durable scheduler does not, and its next scheduled poll goes on from what it
	 * committed (seen in n8n 2.41.1: the jobs exist, so no activation poll).
	 */
	async restart() {
		this.process = ++processes;
		if (!this.durable) this.live = clone(this.saved);
		this.liveAt = this.savedAt;
		// Without a commit since its watch started, the trigger cannot tell what it had seen: it
		// starts again, at the poll that runs first.
		if (this.durable) {
			this.baselineAtNextPoll = !this.committedSinceStart;
			return;
		}
		if (!this.committedSinceStart) this.startWatch();
		await this.poll({ activation: true });
	}

	/** The user switches the event: n8n publishes the workflow again, which runs the activation poll. */
	async switchEvent() {
		this.event = EVENTS[(EVENTS.indexOf(this.event) + 1) % EVENTS.length];
		this.startWatch();
		await this.poll({ activation: true });
	}

	/** A campaign starts to be watched without a new activation (every active campaign is watched). */
	addScope() {
		const scope = SCOPES.find((s) => !this.scopes.includes(s));
		if (scope === undefined) return;
		this.scopes.push(scope);
		// The trigger emits what was submitted after the state it goes on from, less the lateness margin.
		this.addedAt.set(scope, { id: this.model.all.length, at: this.liveAt });
		this.startOf.set(this.watchKey(this.event, scope), this.model.all.length);
	}

	/**
	 * The guarantee's check, after `settleAndCheck` polled quietly for a sweep interval: every
	 * record of the watched lists that came after its watch started, and is listed now or was
	 * listed through a whole sweep interval of successful polls, was emitted exactly once.
	 */
	missing() {
		const missing = [];
		for (const record of this.model.all) {
			if (record.event !== this.event || !this.scopes.includes(record.scope)) continue;
			const start = this.startOf.get(this.watchKey(record.event, record.scope));
			// Records listed when their watch started (or their campaign was added) are history.
			if (start === undefined || record.id <= start) continue;
			const listedThroughASweep =
				this.model.isListed(record) ||
				this.successfulPolls.some((t) => t >= record.visibleAt + SWEEP_MS && t < record.deletedAt);
			if (listedThroughASweep && this.emitted.get(record.id) !== 1) missing.push(record.id);
		}
		return missing;
	}

	async settleAndCheck() {
		for (let minutes = 0; minutes <= SWEEP_MS / 60_000 + 15; minutes += 5) {
			this.model.now += 5 * 60_000;
			await this.poll();
		}
		const missing = this.missing();
		return [...this.violations, ...missing.map((id) => `record ${id} ${describe(this.model.all[id - 1])} never emitted`)];
	}
}

function describe(record) {
	const iso = (ms) => new Date(ms).toISOString().slice(11, 19);
	return `(${record.event} ${record.scope}, submitted ${iso(record.at)}, listed ${iso(record.visibleAt)}${record.deletedAt ? `, deleted ${iso(record.deletedAt)}` : ''})`;
}

module.exports = { TriggerHarness, SCOPES, EVENTS, LATENESS_MS, SWEEP_MS };
