'use strict';

const { paginate } = require('../http/pagination');
const { inListOrder } = require('../http/listOrder');
const { calendarDate, parseCompactDate, zonedDayStart, addDays } = require('../time/dates');
const { decodeOrKeep } = require('../http/uri');

const NOT_FOUND = { status: 404, body: { detail: 'Not found.' } };
const READ_METHODS = ['GET', 'HEAD', 'OPTIONS'];
const CUSTOMER_METHODS = ['GET', 'PUT', 'POST', 'HEAD', 'OPTIONS'];

const integerId = (segment) => (/^\d+$/.test(segment) ? Number(segment) : null);
const isTrue = (value) => value !== null && ['true', '1'].includes(value.toLowerCase());

function listCampaigns({ request, ctx }) {
	const today = calendarDate(ctx.clock.nowMs(), ctx.knobs.timeZone);
	const includeInactive = isTrue(request.params.get('include_inactive_campaigns'));
	return { status: 200, body: ctx.store.listCampaigns({ includeInactive, today }) };
}

function listAssignments({ ctx }) {
	return { status: 200, body: ctx.store.listAssignments() };
}

function listCustomers({ request, ctx, ids: [assignmentId] }) {
	const found = ctx.store.listCustomers(assignmentId);
	return found.items ? paginate(found.items, ctx.knobs, request.link) : found;
}

function customer({ request, ctx, ids: [assignmentId, customerId] }) {
	if (request.method === 'PUT') return ctx.store.updateCustomer(assignmentId, customerId, request.readBody);
	if (request.method === 'POST') return ctx.store.createCustomer(assignmentId, customerId, request.readBody);
	return ctx.store.getCustomer(assignmentId, customerId);
}

const invalidDate = (raw) => ({ status: 400, body: { detail: `Invalid date '${raw}': use YYYYMMDD.` } });

function listResponses({ request, ctx, ids: [campaignId], match }) {
	if (!ctx.store.findCampaign(campaignId)) return NOT_FOUND;
	const { timeZone } = ctx.knobs;
	const nowMs = ctx.clock.nowMs();
	const today = calendarDate(nowMs, timeZone);
	const [rawFrom, rawTo] = [match[2], match[3]].map((segment) => (segment === undefined ? undefined : decodeOrKeep(segment)));
	const from = rawFrom === undefined ? today : parseCompactDate(rawFrom);
	if (from === null) return invalidDate(rawFrom);
	const to = rawTo === undefined ? today : parseCompactDate(rawTo);
	if (to === null) return invalidDate(rawTo);
	if (from > to) return { status: 400, body: { detail: 'from_date is after to_date.' } };
	const responses = ctx.store.responsesBetween(
		campaignId,
		zonedDayStart(from, timeZone),
		zonedDayStart(addDays(to, 1), timeZone),
		nowMs,
	);
	return paginate(inListOrder(responses, ctx.knobs, nowMs), ctx.knobs, request.link);
}

// paths: which value of the `paths` knob (besides 'both') keeps the route; ids: groups that must be integers.
const ROUTES = [
	{ pattern: /^\/api\/v1\/campaigns$/, paths: 'v1', methods: READ_METHODS, handle: listCampaigns },
	{ pattern: /^\/campaigns$/, paths: 'legacy', methods: READ_METHODS, handle: listCampaigns },
	{ pattern: /^\/api\/v1\/assignments$/, paths: 'v1', methods: READ_METHODS, handle: listAssignments },
	{ pattern: /^\/assignments$/, paths: 'legacy', methods: READ_METHODS, handle: listAssignments },
	{ pattern: /^\/api\/v1\/assignments\/([^/]+)\/customers$/, ids: [1], methods: READ_METHODS, handle: listCustomers },
	{ pattern: /^\/api\/v1\/assignments\/([^/]+)\/customers\/([^/]+)$/, ids: [1, 2], methods: CUSTOMER_METHODS, handle: customer },
	{
		pattern: /^\/api\/v1\/campaigns\/([^/]+)\/responses(?:\/from_date\/([^/]+)(?:\/to_date\/([^/]+))?)?$/,
		ids: [1],
		methods: READ_METHODS,
		handle: listResponses,
	},
];

/**
 * Answers an authenticated generation-1 API request: { status, body, headers? }.
 * request: { method, pathname, params, link, readBody }; ctx: { knobs, clock, store }.
 */
function routeApiRequest(request, ctx) {
	const path = request.pathname.length > 1 ? request.pathname.replace(/\/$/, '') : request.pathname;
	for (const route of ROUTES) {
		const match = route.pattern.exec(path);
		if (!match) continue;
		if (route.paths && ctx.knobs.paths !== 'both' && ctx.knobs.paths !== route.paths) return NOT_FOUND;
		const ids = (route.ids ?? []).map((group) => integerId(match[group]));
		// Django's <int:> converters: a non-integer id never reaches a view, hence 404 before 405.
		if (ids.includes(null)) return NOT_FOUND;
		const allow = route.methods.join(', ');
		if (!route.methods.includes(request.method)) {
			return { status: 405, body: { detail: `Method "${request.method}" not allowed.` }, headers: { Allow: allow } };
		}
		if (request.method === 'OPTIONS') {
			return { status: 200, body: { renders: ['application/json'], parses: ['application/json'] }, headers: { Allow: allow } };
		}
		return route.handle({ request, ctx, ids, match });
	}
	return NOT_FOUND;
}

module.exports = { routeApiRequest };
