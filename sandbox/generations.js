'use strict';

const { DEFAULT_KNOBS, validateKnobs } = require('./knobs');
const { createStore } = require('./v1/store');
const { routeApiRequest } = require('./v1/routes');
const { createGen2Store } = require('./v2/store');
const { routeGen2Request } = require('./v2/routes');
const { GEN2_DEFAULT_KNOBS, splitGen2Knobs } = require('./v2/knobs');

/** What differs between a generation-1 and a generation-2 tenant: data, routes, knobs. */
const GENERATIONS = {
	1: { createStore, route: routeApiRequest, defaultKnobs: DEFAULT_KNOBS, validateKnobs },
	2: {
		createStore: createGen2Store,
		route: routeGen2Request,
		defaultKnobs: { ...DEFAULT_KNOBS, ...GEN2_DEFAULT_KNOBS },
		validateKnobs(changes) {
			const { own, shared } = splitGen2Knobs(changes);
			return { ...validateKnobs(shared), ...own };
		},
	},
};

function generationOf(value = 1) {
	const generation = GENERATIONS[String(value)];
	if (!generation) throw new RangeError(`generation must be 1 or 2, got ${JSON.stringify(value)}`);
	return generation;
}

module.exports = { generationOf };
