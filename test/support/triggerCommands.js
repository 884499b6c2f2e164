// The commands of the trigger's property test (test/trigger.property.test.js): what Cube's lists,
// n8n and the user may do between and during polls, and how a sequence of them is run.
'use strict';

const fc = require('fast-check');
const { TriggerHarness, SCOPES, EVENTS } = require('./triggerModel');

const MINUTE = 60_000;

const command = fc.oneof(
	{ weight: 6, arbitrary: fc.record({ t: fc.constant('arrive'), scope: fc.constantFrom(...SCOPES), lateMin: fc.integer({ min: 0, max: 15 }), aheadMin: fc.oneof({ weight: 9, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 1200 }) }), other: fc.boolean() }) },
	{ weight: 1, arbitrary: fc.record({ t: fc.constant('delete'), pick: fc.nat() }) },
	{ weight: 1, arbitrary: fc.record({ t: fc.constant('rename'), scope: fc.constantFrom(...SCOPES) }) },
	{ weight: 1, arbitrary: fc.record({ t: fc.constant('order'), order: fc.constantFrom('asc', 'desc', 'shuffled') }) },
	{ weight: 1, arbitrary: fc.record({ t: fc.constant('pageSize'), size: fc.integer({ min: 1, max: 5 }) }) },
	{ weight: 4, arbitrary: fc.record({ t: fc.constant('tick'), minutes: fc.integer({ min: 1, max: 12 }) }) },
	{
		weight: 5,
		arbitrary: fc.record({
			t: fc.constant('poll'),
			failAfter: fc.option(fc.integer({ min: 0, max: 6 }), { freq: 4 }),
			labelFail: fc.boolean(),
			budgetCut: fc.boolean(),
			commitQuiet: fc.boolean(),
		}),
	},
	{ weight: 1, arbitrary: fc.constant({ t: 'overlap' }) },
	{ weight: 1, arbitrary: fc.constant({ t: 'restart' }) },
	{ weight: 1, arbitrary: fc.constant({ t: 'addScope' }) },
	{ weight: 1, arbitrary: fc.constant({ t: 'switchEvent' }) },
);

const scenario = fc.record({
	durable: fc.boolean(),
	order: fc.constantFrom('asc', 'desc'),
	pageSize: fc.integer({ min: 1, max: 4 }),
	commands: fc.array(command, { maxLength: 30 }),
});

/** Runs one command sequence from an activation; returns the broken promises, if any. */
async function run({ durable, order, pageSize, commands }) {
	const h = new TriggerHarness({ durable, order, pageSize });
	const { model } = h;
	h.startWatch();
	await h.poll({ activation: true });
	for (const c of commands) {
		if (c.t === 'arrive') {
			const event = c.other ? EVENTS.find((e) => e !== h.event) : h.event;
			model.arrive(event, c.scope, model.now - c.lateMin * MINUTE + c.aheadMin * MINUTE + (model.all.length % 997));
		} else if (c.t === 'delete') {
			const listed = model.all.filter((r) => model.isListed(r));
			if (listed.length > 0) model.delete(listed[c.pick % listed.length]);
		} else if (c.t === 'rename') model.rename(c.scope);
		else if (c.t === 'order') model.order = c.order;
		else if (c.t === 'pageSize') model.pageSize = c.size;
		else if (c.t === 'tick') model.now += c.minutes * MINUTE;
		else if (c.t === 'poll') await h.poll(c);
		else if (c.t === 'overlap') await h.polls([{ commitQuiet: true }, { commitQuiet: true }]);
		else if (c.t === 'restart') await h.restart();
		else if (c.t === 'addScope') h.addScope();
		else if (c.t === 'switchEvent') await h.switchEvent();
	}
	return { problems: await h.settleAndCheck(), log: h.log };
}


const arrive = (scope, extra = {}) => ({ t: 'arrive', scope, lateMin: 0, aheadMin: 0, other: false, ...extra });
const poll = (extra = {}) => ({ t: 'poll', failAfter: null, labelFail: false, budgetCut: false, commitQuiet: true, ...extra });
const tick = (minutes) => ({ t: 'tick', minutes });

module.exports = { command, scenario, run, arrive, poll, tick };
