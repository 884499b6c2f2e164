// A pure, in-memory model of Cube's paged, day-filtered generation-2 lists, for property tests of
// the trigger: per event and scope, records with their own fields and a submission time; a list of
// one Cube date answers `count`, its page size and `page=N` in the model's current order.
// Everything the trigger may meet is a command: arrivals (late, in the future), deletions, renames
// of joined fields, order and page-size changes, failing pages.
'use strict';

/** Cube's zone (Europe/Oslo) in November: one hour ahead of UTC, no change of offset in the model's days. */
const CUBE_OFFSET_MS = 3_600_000;

const pad = (n, width = 2) => String(n).padStart(width, '0');

/** The Cube date (YYYYMMDD) of an instant. */
function cubeDateOf(ms) {
	const d = new Date(ms + CUBE_OFFSET_MS);
	return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
}

/** `YYYY-MM-DD HH:MM` in Cube's zone, as `…__submitted_when` prints it. */
function cubeMinuteOf(ms) {
	const d = new Date(ms + CUBE_OFFSET_MS);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

class CubeListModel {
	constructor({ now, pageSize = 3, order = 'asc' }) {
		this.now = now;
		this.pageSize = pageSize;
		/** 'asc' (oldest first), 'desc' (newest first), 'shuffled' (another order at every request). */
		this.order = order;
		/** Every record ever added, deleted ones too: the oracle's ground truth. */
		this.all = [];
		this.names = new Map();
		this.failAfter = undefined;
		this.requests = 0;
		this.shuffleSeed = 1;
	}

	/** A record of `event` in `scope`, submitted at `at`, listed from now on. */
	arrive(event, scope, at) {
		const id = this.all.length + 1;
		const record = { id, event, scope, at, visibleAt: this.now, deletedAt: undefined, customer: `00${id}` };
		this.all.push(record);
		return record;
	}

	delete(record) {
		if (record.deletedAt === undefined) record.deletedAt = this.now;
	}

	/** A joined field changes: the campaign's (and its data owner's) name, on every record of the scope. */
	rename(scope) {
		this.names.set(scope, `${this.names.get(scope) ?? `Campaign ${scope}`} (renamed)`);
	}

	isListed(record) {
		return record.visibleAt <= this.now && record.deletedAt === undefined;
	}

	/** The record as Cube lists it: its own fields, and the joined ones as they are now. */
	shape(record) {
		const name = this.names.get(record.scope) ?? `Campaign ${record.scope}`;
		const fields = {
			crm__customer_id: record.customer,
			crm__standard_info__name: `Customer ${record.id}`,
			call_outcome__type: 'Completed - Yes',
			call_outcome__subtype: 'Sale',
			call_outcome__comment: `model record ${record.id}`,
			call_outcome__report_as__submitted_by: 'agent@example.no',
			call_outcome__report_as__submitted_when: cubeMinuteOf(record.at),
			campaign__name: name,
			campaign__crm_type: 'B2C',
			data_owner__name: `${name} owner`,
			segment__name: 'Segment A',
		};
		if (record.event === 'newProductRegistration') {
			fields.product__code = 'SPOT';
			fields.product__price = '49.0';
		} else {
			fields.call_outcome__report_as__submitted_when_timestamp = new Date(record.at).toISOString().replace('Z', '+0000');
		}
		return fields;
	}

	/** The listed records of one list, in the model's order. */
	list(event, scope, from, to) {
		const records = this.all.filter(
			(r) => r.event === event && r.scope === scope && this.isListed(r) && cubeDateOf(r.at) >= from && cubeDateOf(r.at) <= to,
		);
		// Ties broken by arrival, as a database's insertion order would.
		records.sort((a, b) => a.at - b.at || a.id - b.id);
		if (this.order === 'desc') records.reverse();
		if (this.order === 'shuffled') {
			let seed = (this.shuffleSeed = (Math.imul(this.shuffleSeed, 1664525) + 1013904223) >>> 0);
			for (let i = records.length - 1; i > 0; i--) {
				seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
				const j = (seed >>> 16) % (i + 1);
				[records[i], records[j]] = [records[j], records[i]];
			}
		}
		return records;
	}

	/** One page, as Cube answers `?page=N`; throws a 500 once the failure budget is spent. */
	async page(event, scope, from, to, page) {
		// A real request yields to the event loop: overlapping polls interleave here.
		await new Promise((resolve) => setImmediate(resolve));
		this.requests++;
		if (this.failAfter !== undefined && this.failAfter-- <= 0) {
			this.failAfter = undefined;
			const error = new Error('Cube answered 500 Internal Server Error (model)');
			error.httpCode = '500';
			throw error;
		}
		const records = this.list(event, scope, from, to);
		const offset = (page - 1) * this.pageSize;
		// As Django REST framework answers: a page past the end is a 404 ("Invalid page."), null here.
		if (page > 1 && offset >= records.length) return null;
		const results = records.slice(offset, offset + this.pageSize).map((r) => this.shape(r));
		return { results, count: records.length, hasNext: offset + this.pageSize < records.length };
	}
}

module.exports = { CubeListModel, cubeDateOf };
