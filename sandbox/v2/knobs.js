'use strict';

// The knobs only a generation-2 tenant has: quirks of its documents that a client must survive.

const CRM_SEGMENT_MODES = ['documented', 'swapped', 'both'];
const NEXT_LINK_TARGETS = ['page', 'request', 'otherEndpoint'];

const GEN2_DEFAULT_KNOBS = Object.freeze({
	// documented: `crm/` only for call outcomes, customer status and product registrations;
	// swapped: the other way round (the 2019 draft's customers path); both: either form.
	crmSegment: 'documented',
	// page: a link to the next page; request: the request URL itself, without a page number;
	// otherEndpoint: product registrations' links name the call outcomes endpoint.
	nextLinkTarget: 'page',
	// Ids of campaigns, data owners and field definitions as strings ("12"), as loosely typed as values.
	looseTypes: false,
});

function oneOf(value, name, allowed) {
	if (!allowed.includes(value)) {
		throw new RangeError(`${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
	}
	return value;
}

function toBoolean(value, name) {
	if (value === true || value === 'true') return true;
	if (value === false || value === 'false') return false;
	throw new RangeError(`${name} must be true or false, got ${JSON.stringify(value)}`);
}

const GEN2_VALIDATORS = {
	crmSegment: (value) => oneOf(value, 'crmSegment', CRM_SEGMENT_MODES),
	nextLinkTarget: (value) => oneOf(value, 'nextLinkTarget', NEXT_LINK_TARGETS),
	looseTypes: (value) => toBoolean(value, 'looseTypes'),
};

/** Splits knob changes into generation-2 knobs (validated here) and the shared ones. */
function splitGen2Knobs(changes) {
	const own = {};
	const shared = {};
	for (const [name, value] of Object.entries(changes ?? {})) {
		if (!GEN2_VALIDATORS[name]) shared[name] = value;
		else if (value !== undefined) own[name] = GEN2_VALIDATORS[name](value);
	}
	return { own, shared };
}

module.exports = { GEN2_DEFAULT_KNOBS, CRM_SEGMENT_MODES, NEXT_LINK_TARGETS, splitGen2Knobs };
