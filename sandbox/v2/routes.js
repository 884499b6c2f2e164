'use strict';

const { paginate } = require('../http/pagination');
const { inListOrder } = require('../http/listOrder');
const { calendarDate, parseCompactDate, zonedDayStart, addDays } = require('../time/dates');

const NOT_FOUND = { status: 404, body: { detail: 'Not found.' } };
const READ_METHODS = ['GET', 'HEAD', 'OPTIONS'];
const CRM_TYPES = ['B2C', 'B2B'];
/** The data owner paths that the documents print with the `crm/` segment. */
const DOCUMENTED_WITH_CRM = new Set(['call_outcomes', 'callflow_customers', 'product_registrations']);

const integerId = (segment) => (/^\d+$/.test(segment) ? Number(segment) : null);
const invalidDate = (raw) => ({ status: 400, body: { detail: `Invalid date '${raw}': use YYYYMMDD.` } });

function looseIds(record, keys) {
	const copy = { ...record };
	for (const key of keys) if (typeof copy[key] === 'number') copy[key] = String(copy[key]);
	return copy;
}

/** `next` links as the knob prints them; `kind` is the endpoint's last path segment. */
function withNextLinkQuirk(answer, { knobs, request, kind }) {
	const next = answer.body && answer.body.next;
	if (!next || knobs.nextLinkTarget === 'page') return answer;
	if (knobs.nextLinkTarget === 'request') {
		const query = new URLSearchParams(request.link.params);
		query.delete('page');
		const search = query.toString();
		return { ...answer, body: { ...answer.body, next: `${request.link.origin}${request.link.pathname}${search ? `?${search}` : ''}` } };
	}
	if (kind !== 'product_registrations') return answer;
	return { ...answer, body: { ...answer.body, next: next.replace('/product_registrations', '/call_outcomes') } };
}

/** `from_date`/`to_date` (YYYYMMDD, both optional, "today" when missing) as [start, end) in the tenant's zone. */
function dateWindow(request, ctx) {
	const { timeZone } = ctx.knobs;
	const today = calendarDate(ctx.clock.nowMs(), timeZone);
	const window = {};
	for (const name of ['from_date', 'to_date']) {
		const raw = request.params.get(name);
		const date = raw === null || raw === '' ? today : parseCompactDate(raw);
		if (date === null) return { error: invalidDate(raw) };
		window[name] = date;
	}
	if (window.from_date > window.to_date) return { error: { status: 400, body: { detail: 'from_date is after to_date.' } } };
	return { fromMs: zonedDayStart(window.from_date, timeZone), toMs: zonedDayStart(addDays(window.to_date, 1), timeZone) };
}

function page(items, request, ctx, kind) {
	if (!items) return NOT_FOUND;
	return withNextLinkQuirk(paginate(items, ctx.knobs, request.link), { knobs: ctx.knobs, request, kind });
}

function timedList(kind, request, ctx, scope) {
	const window = dateWindow(request, ctx);
	if (window.error) return window.error;
	const read = kind === 'call_outcomes' ? ctx.store.callOutcomes : ctx.store.productRegistrations;
	const items = read(scope, window.fromMs, window.toMs, ctx.clock.nowMs());
	return page(items && inListOrder(items, ctx.knobs, ctx.clock.nowMs()), request, ctx, kind);
}

const SCOPED_LISTS = {
	call_outcomes: (request, ctx, scope) => timedList('call_outcomes', request, ctx, scope),
	product_registrations: (request, ctx, scope) => timedList('product_registrations', request, ctx, scope),
	// `call_state` is documented for a campaign's list only; a CRM's list ignores it.
	callflow_customers: (request, ctx, scope) => {
		const callState = scope.campaignId === undefined ? null : request.params.get('call_state');
		return page(ctx.store.customerStatus(scope, callState), request, ctx, 'callflow_customers');
	},
};

function listCampaigns(request, ctx) {
	const campaigns = ctx.store.data.campaigns;
	return { status: 200, body: ctx.knobs.looseTypes ? campaigns.map((c) => looseIds(c, ['campaign__id', 'data_owner__id', 'service__id'])) : campaigns };
}

function crmRoute(request, ctx, [rawOwner, crmSegment, crmType, kind, customerId]) {
	const dataOwnerId = integerId(rawOwner);
	if (dataOwnerId === null || !CRM_TYPES.includes(crmType) || !ctx.store.hasCrm(dataOwnerId, crmType)) return NOT_FOUND;
	const documented = DOCUMENTED_WITH_CRM.has(kind) === Boolean(crmSegment);
	const mode = ctx.knobs.crmSegment;
	if ((mode === 'documented' && !documented) || (mode === 'swapped' && documented)) return NOT_FOUND;
	if (customerId !== undefined) {
		if (kind !== 'customers') return NOT_FOUND;
		let id;
		try {
			id = decodeURIComponent(customerId);
		} catch {
			return NOT_FOUND;
		}
		const customer = ctx.store.customersOf(dataOwnerId, crmType).find((candidate) => candidate.crm__customer_id === id);
		return customer ? { status: 200, body: customer } : NOT_FOUND;
	}
	if (kind === 'customers') return page(ctx.store.customersOf(dataOwnerId, crmType), request, ctx, kind);
	if (kind === 'crm_custom_fields') {
		const definitions = ctx.store.definitionsOf(dataOwnerId, crmType);
		return { status: 200, body: ctx.knobs.looseTypes ? definitions.map((d) => looseIds(d, ['id'])) : definitions };
	}
	return SCOPED_LISTS[kind](request, ctx, { dataOwnerId, crmType });
}

function campaignRoute(request, ctx, [rawCampaign, kind]) {
	const campaignId = integerId(rawCampaign);
	if (campaignId === null || !ctx.store.findCampaign(campaignId)) return NOT_FOUND;
	return SCOPED_LISTS[kind](request, ctx, { campaignId });
}

const ROUTES = [
	{ pattern: /^\/api\/v1\/campaigns$/, handle: (request, ctx) => listCampaigns(request, ctx) },
	{ pattern: /^\/api\/v1\/call_outcomes$/, handle: (request, ctx) => SCOPED_LISTS.call_outcomes(request, ctx, {}) },
	{
		pattern: /^\/api\/v1\/data_owners\/([^/]+)\/(crm\/)?([^/]+)\/(customers|crm_custom_fields|call_outcomes|callflow_customers|product_registrations)(?:\/([^/]+))?$/,
		handle: crmRoute,
	},
	{ pattern: /^\/api\/v1\/campaigns\/([^/]+)\/(call_outcomes|callflow_customers|product_registrations)$/, handle: campaignRoute },
];

/**
 * Answers an authenticated generation-2 API request: { status, body, headers? }. Every
 * documented endpoint is a GET; request and ctx as in ../routes.js.
 */
function routeGen2Request(request, ctx) {
	const path = request.pathname.length > 1 ? request.pathname.replace(/\/$/, '') : request.pathname;
	for (const route of ROUTES) {
		const match = route.pattern.exec(path);
		if (!match) continue;
		if (!READ_METHODS.includes(request.method)) {
			return { status: 405, body: { detail: `Method "${request.method}" not allowed.` }, headers: { Allow: READ_METHODS.join(', ') } };
		}
		return route.handle(request, ctx, match.slice(1));
	}
	return NOT_FOUND;
}

module.exports = { routeGen2Request };
