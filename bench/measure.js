// Runs the cases round-robin, so that a change in the machine's load hits every case, and
// checks every run's records against what the sandbox holds.
'use strict';
const { megabytes, median } = require('./format');

const log = (message) => console.log(`[bench] ${message}`);

/**
 * Runs every case `runs` times with `runOnce(case, control)`, round-robin. `controls` holds the
 * control API of each generation's sandbox; a case runs against its `generation`'s (1 if none),
 * whose page size is set per case and request log cleared before each run. Returns each case
 * with its runs and their medians.
 */
async function measure(cases, runs, runOnce, { controls, expected }) {
	const results = new Map(cases.map((benchCase) => [benchCase, []]));
	const pageSizes = new Map();
	for (let round = 1; round <= runs; round++) {
		for (const benchCase of cases) {
			const control = controls[benchCase.generation ?? 1];
			if (benchCase.pageSize !== pageSizes.get(control)) {
				await control.configure({ pageSize: benchCase.pageSize });
				pageSizes.set(control, benchCase.pageSize);
			}
			await control.clearRequests();
			const result = await runOnce(benchCase, control);
			const want = expected[benchCase.dataset];
			if (result.records !== want.records || result.joined !== want.joined) {
				throw new Error(`${benchCase.name} (page size ${benchCase.pageSize}) returned ${result.records} records, ${result.joined} joined; expected ${want.records}, ${want.joined}`);
			}
			results.get(benchCase).push(result);
			const perNode = result.perNode && result.perNode.length > 1 ? ` (${result.perNode.join(' + ')} ms)` : '';
			log(`  run ${round}/${runs} ${benchCase.level} ${benchCase.kind} ${benchCase.dataset} p${benchCase.pageSize} c=${benchCase.concurrency}: ${Math.round(result.ms)} ms${perNode}, ${megabytes(result.rssKb)}, ${result.pages} requests`);
		}
	}
	return cases.map((benchCase) => {
		const list = results.get(benchCase);
		return {
			...benchCase,
			runs: list,
			ms: median(list.map((x) => x.ms)),
			rssKb: median(list.map((x) => x.rssKb)),
			pages: median(list.map((x) => x.pages)),
			pagesSeen: [...new Set(list.map((x) => x.pages))],
		};
	});
}

module.exports = { log, measure };
