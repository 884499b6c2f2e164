// The benchmark's table, its targets and the notes on how to read it: printed, and written as
// Markdown to bench/results.md.
'use strict';
const { megabytes, seconds, times } = require('./format');

const DEFAULT_CONCURRENCY = 4;

function concurrencyOf(row) {
	return row.concurrency === 'default' ? DEFAULT_CONCURRENCY : row.concurrency;
}

/** The measured cases with what the table shows beyond them: floors and comparisons. */
function buildRows(measured, latency) {
	const find = (level, kind, dataset, pageSize) => measured.find((m) => m.level === level && m.kind === kind && m.dataset === dataset && m.pageSize === pageSize);
	return measured.map((m) => {
		const sequential = m.kind !== 'node';
		const floorMs = sequential ? m.pages * latency : (m.pages / concurrencyOf(m)) * latency;
		const httpRow = find('n8n', 'http', m.dataset, m.pageSize);
		const loopRow = find('transport', 'loop', m.dataset, m.pageSize);
		return {
			...m,
			concurrencyLabel: m.kind === 'node' ? (m.concurrency === 'default' ? `${DEFAULT_CONCURRENCY} (default)` : String(m.concurrency)) : '1 (sequential)',
			floorMs,
			vsHttp: httpRow && m.level === 'n8n' ? httpRow.ms / m.ms : NaN,
			vsLoop: loopRow ? loopRow.ms / m.ms : NaN,
		};
	});
}

const HEADER = ['level', 'case', 'page size', 'pages', 'concurrency', 'time (median)', 'peak RSS', 'vs HTTP Request node', 'vs sequential loop', 'latency floor', 'time ÷ floor'];

function cells(row) {
	return [
		row.level === 'n8n' ? 'n8n' : 'transport',
		row.name,
		String(row.pageSize),
		String(row.pages) + (row.pagesSeen.length > 1 ? '*' : ''),
		row.concurrencyLabel,
		seconds(row.ms),
		megabytes(row.rssKb),
		times(row.vsHttp),
		times(row.vsLoop),
		seconds(row.floorMs),
		times(row.ms / row.floorMs),
	];
}

function textTable(rows) {
	const body = rows.map(cells);
	const widths = HEADER.map((title, i) => Math.max(title.length, ...body.map((r) => r[i].length)));
	const line = (r) => r.map((cell, i) => (i === 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
	return [line(HEADER), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function markdownTable(rows) {
	const align = HEADER.map((_, i) => (i === 1 || i === 0 ? '---' : '---:'));
	return [`| ${HEADER.join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((r) => `| ${cells(r).join(' | ')} |`)].join('\n');
}

/**
 * The performance targets the node is held to, each with its figures: at least 4× faster than
 * HTTP Request + Split Out at page size 25, no more memory, and within 1.5× the latency floor.
 */
function targets(rows) {
	const ratio = (value) => times(value, 3);
	const get = (level, kind, dataset, pageSize, concurrency = 'default') =>
		rows.find((r) => r.level === level && r.kind === kind && r.dataset === dataset && r.pageSize === pageSize && (kind !== 'node' || r.concurrency === concurrency));
	const checks = [];
	const node = get('n8n', 'node', 'customers', 25);
	const httpRequest = get('n8n', 'http', 'customers', 25);
	if (node && httpRequest) {
		checks.push({
			ok: httpRequest.ms / node.ms >= 4,
			text: `n8n, page size 25: the node is ${ratio(httpRequest.ms / node.ms)} faster than HTTP Request + Split Out (${seconds(node.ms)} vs ${seconds(httpRequest.ms)}); target ≥ 4×`,
		});
		checks.push({
			ok: node.rssKb <= httpRequest.rssKb,
			text: `n8n, page size 25: peak RSS of n8n execute ${megabytes(node.rssKb)} with the node vs ${megabytes(httpRequest.rssKb)} with HTTP Request + Split Out (same 10,000 records); target: no higher`,
		});
		const httpRequest500 = get('n8n', 'http', 'customers', 500);
		const node500 = get('n8n', 'node', 'customers', 500);
		if (node500 && httpRequest500) {
			checks.push({
				ok: node500.rssKb <= httpRequest500.rssKb,
				text: `n8n, page size 500: peak RSS ${megabytes(node500.rssKb)} with the node vs ${megabytes(httpRequest500.rssKb)} with HTTP Request + Split Out; target: no higher`,
			});
		}
	}
	for (const level of ['n8n', 'transport']) {
		const row = get(level, 'node', 'customers', 25);
		if (row) {
			checks.push({
				ok: row.ms <= 1.5 * row.floorMs,
				text: `${level}, page size 25, default concurrency: ${seconds(row.ms)} is ${ratio(row.ms / row.floorMs)} the latency floor of ${seconds(row.floorMs)} (${row.pages} pages ÷ ${DEFAULT_CONCURRENCY} × latency); target ≤ 1.5×`,
			});
		}
	}
	return checks;
}

const KIND_NAMES = { node: 'Cube node at Pages at Once 1', http: 'HTTP Request + Split Out', loop: 'sequential loop' };

/** Per-request cost beyond the injected latency, from the sequential rows (concurrency 1). */
function overheads(rows, latency) {
	return rows
		.filter((r) => r.pageSize === 25 && r.dataset === 'customers' && concurrencyOf(r) === 1)
		.map((r) => `${r.level} ${KIND_NAMES[r.kind]}: ${((r.ms - r.pages * latency) / r.pages).toFixed(1)} ms per page on top of the ${latency} ms latency`);
}

function details(rows) {
	return rows.map((r) => {
		const ms = r.runs.map((x) => Math.round(x.ms)).join(', ');
		const rss = r.runs.map((x) => megabytes(x.rssKb)).join(', ');
		const parts = [`${r.level} ${r.kind} ${r.dataset} p${r.pageSize} c=${r.concurrencyLabel}: runs ${ms} ms; RSS ${rss}`];
		if (r.runs[0].perNode && r.runs[0].perNode.length > 1) parts.push(`per node ${r.runs.map((x) => x.perNode.join(' + ')).join('; ')} ms`);
		if (r.runs[0].processMs) parts.push(`n8n execute process ${r.runs.map((x) => seconds(x.processMs)).join(', ')}`);
		if (r.pagesSeen.length > 1) parts.push(`pages per run ${r.runs.map((x) => x.pages).join(', ')}`);
		return `- ${parts.join('; ')}`;
	});
}

/**
 * The report of one benchmark: `text()` for the console, `markdown()` for bench/results.md.
 * `context`: command, machine, n8nVersion, latency, runs, loadBefore, loadAfter, when, minutes.
 */
function report(measured, context) {
	const { command, machine, n8nVersion, latency, runs, loadBefore, loadAfter, when, minutes } = context;
	const rows = buildRows(measured, latency);
	const checks = targets(rows);
	const perRequest = overheads(rows, latency);

	const text = () =>
		[
			'',
			`Command:  ${command}`,
			`Machine:  ${machine}`,
			`Sandbox:  ${latency} ms latency per request; loopback; ${runs} runs per case; load average ${loadBefore} before, ${loadAfter} after; ${when}; ${minutes} min`,
			'',
			textTable(rows),
			'',
			'Targets:',
			...checks.map((check) => `  ${check.ok ? 'MET ' : 'MISS'} ${check.text}`),
			...(perRequest.length ? ['Per-request cost:', ...perRequest.map((line) => `  ${line}`)] : []),
		].join('\n');

	const markdown = () =>
		[
			'# Benchmark: Headshed Cube node vs HTTP Request node vs a sequential loop',
			'',
			`Made by \`${command}\` (bench/run.js) on ${when}.`,
			'',
			`- Machine: ${machine}.`,
			`- Load average: ${loadBefore} (1, 5, 15 min) before, ${loadAfter} after.`,
			`- Cube sandbox on loopback with ${latency} ms latency added to every API request; ${runs} runs per case, median shown.`,
			'',
			markdownTable(rows),
			'',
			'## Targets',
			'',
			...checks.map((check) => `- ${check.ok ? 'Met' : '**Missed**'}: ${check.text}.`),
			...(perRequest.length ? ['', '## Cost per request beyond the latency (concurrency 1)', '', ...perRequest.map((line) => `- ${line}.`)] : []),
			'',
			'## How to read it',
			'',
			"- **transport**: in-process, no n8n server. The Cube node runs in n8n-core's `WorkflowExecute` (test/support/cubeWorkflow.js);",
			'  the sequential loop is axios following `next` one page at a time (the links rewritten to the sandbox), joining in a `Map`.',
			'  Each run is a child process of its own: time is wall time around the run (after one warm-up request), memory its `maxRSS`.',
			`- **n8n**: n8n ${n8nVersion}, the packed package installed as a community package, \`n8n execute --id … --rawOutput\`.`,
			"  Time is the nodes' own `executionTime` in the run data it prints (HTTP Request + Split Out added up);",
			'  memory is the peak RSS of the `n8n execute` process (GNU time `%M`), which includes loading n8n and printing the run.',
			'- **pages**: API requests the sandbox served in the run (for the join: responses, the campaign list and the customer pages).',
			"- **vs …**: the reference's time ÷ this row's time, at the same page size and data (above 1 = faster than the reference).",
			'  The HTTP Request reference is its n8n run; the loop reference is its transport run.',
			`- **latency floor**: pages ÷ concurrency × ${latency} ms (pages × ${latency} ms for the sequential ones).`,
			'  The node reads page 1 alone before the others, so its true floor is one latency higher.',
			'- The HTTP Request node authenticates with a generic Header Auth credential (`Authorization: Token …`), as a user without',
			'  this package would set it up.',
			'',
			'## Runs',
			'',
			...details(rows),
			'',
		].join('\n');

	return { text, markdown };
}

module.exports = { report };
