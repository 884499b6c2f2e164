'use strict';

const { DEFAULT_KNOBS, validateKnobs } = require('../knobs');
const { createStore } = require('../store');
const { routeApiRequest } = require('../routes');
const { createGen2Store } = require('./store');
const { routeGen2Request } = require('./routes');
const { GEN2_DEFAULT_KNOBS, splitGen2Knobs } = require('./knobs');

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
