// Level 2, a real n8n: the packed package installed into a fresh user folder, the credentials
// and bench/workflows.js imported, and each run an `n8n execute --id ... --rawOutput`. The time
// is the nodes' own `executionTime` in the printed run; the memory the maxRSS of the process
// (GNU time, else VmHWM sampled from /proc).
'use strict';
const fs = require('fs');
const path = require('path');

const { emptyFolder } = require('../scripts/lib/folders');
const { importCredentials, importWorkflowList, parseRun } = require('../scripts/lib/n8n-cli');
const { PROJECT_DIR, linePaths, n8nEnv } = require('../scripts/lib/n8n-env');
const { installIntoEmptyUserFolder } = require('../scripts/lib/package');
const { runInGroup } = require('../scripts/lib/processes');
const { SANDBOX_TOKEN } = require('../scripts/lib/sandbox-client');
const { sandboxCredentialRecords } = require('../scripts/lib/workflows');
const benchWorkflows = require('./workflows');

const WORK_DIR = path.join(PROJECT_DIR, 'test-output', 'bench');
const GNU_TIME = '/usr/bin/time';

const lineDir = (line) => path.join(WORK_DIR, `line${line}`);

/**
 * A fresh user folder for `line` with the package, the credentials and the workflows; its env.
 * `sandboxUrls`: the URL of each generation's sandbox, { 1: ..., 2: ... }.
 */
async function prepareN8n(line, tarball, sandboxUrls, dates) {
	const sandboxUrl = sandboxUrls[1];
	const env = await n8nEnv(line, `bench-line${line}`);
	await installIntoEmptyUserFolder(env, tarball);
	const dir = emptyFolder(lineDir(line));
	await importCredentials(env, [...sandboxCredentialRecords(sandboxUrl, sandboxUrls[2]), benchWorkflows.headerCredentialRecord(SANDBOX_TOKEN)], dir);
	const workflows = [
		benchWorkflows.cubeCustomersWorkflow(),
		benchWorkflows.cubeCustomersWorkflow(1),
		benchWorkflows.cubeCustomersWorkflow(8),
		benchWorkflows.httpCustomersWorkflow(sandboxUrl),
		benchWorkflows.cubeResponsesWorkflow(dates),
		benchWorkflows.cubeCrmCustomersWorkflow(),
		benchWorkflows.httpCrmCustomersWorkflow(sandboxUrls[2]),
	];
	await importWorkflowList(env, workflows, path.join(dir, 'workflows'));
	return env;
}

/**
 * `n8n execute` of a workflow, under GNU time where there is one. With `cpuProfDir`, the line's
 * node runs n8n with a V8 CPU profile into that folder (Node refuses --cpu-prof in NODE_OPTIONS).
 */
async function executeMeasured(workflowId, env, line, { cpuProfDir, timeoutMs } = {}) {
	const bin = linePaths(line).n8nBin;
	const command = cpuProfDir ? ['node', '--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`, bin] : [bin];
	const execute = ['execute', '--id', workflowId, '--rawOutput'];
	const outputFile = path.join(lineDir(line), 'execute');
	fs.mkdirSync(lineDir(line), { recursive: true });
	if (!fs.existsSync(GNU_TIME)) {
		const result = await runInGroup(command[0], [...command.slice(1), ...execute], { env, sampleRss: true, outputFile, timeoutMs });
		return { ...result, rssKb: result.peakRssKb, outputFile };
	}
	const result = await runInGroup(GNU_TIME, ['-f', 'CUBE_BENCH_MAXRSS_KB=%M', ...command, ...execute], { env, outputFile, timeoutMs });
	const rss = /CUBE_BENCH_MAXRSS_KB=(\d+)/.exec(result.stderr);
	return { ...result, rssKb: Number(rss && rss[1]), outputFile };
}

/** One run of an n8n case; `control` counts the requests the sandbox served for it. */
async function runN8nOnce(benchCase, env, line, control) {
	const result = await executeMeasured(benchCase.workflowId, env, line);
	let run;
	try {
		run = parseRun(result.stdout);
	} catch (error) {
		const saved = path.join(WORK_DIR, `${benchCase.workflowId}-p${benchCase.pageSize}.stdout`);
		fs.copyFileSync(`${result.outputFile}.stdout`, saved);
		throw new Error(`n8n execute ${benchCase.workflowId} exited ${result.code} (output in ${saved}): ${error.message.slice(0, 300)}\n${result.stderr.slice(-1500)}`);
	}
	const runError = run.data.resultData.error;
	if (result.code !== 0 || runError) {
		throw new Error(`n8n execute ${benchCase.workflowId} failed: ${runError ? `${runError.message} ${runError.description || ''}` : `exit ${result.code}`}`);
	}
	const tasks = benchCase.nodes.map((name) => {
		const task = run.data.resultData.runData[name];
		if (!task) throw new Error(`node "${name}" did not run in ${benchCase.workflowId}`);
		return task[0];
	});
	const output = tasks[tasks.length - 1].data.main[0] || [];
	const pages = (await control.requests()).length;
	return {
		ms: tasks.reduce((sum, task) => sum + task.executionTime, 0),
		perNode: tasks.map((task) => task.executionTime),
		rssKb: result.rssKb,
		pages,
		records: output.length,
		joined: output.filter((item) => item.json.customer).length,
		processMs: result.wallMs,
		executionMs: Date.parse(run.stoppedAt) - Date.parse(run.startedAt),
	};
}

module.exports = { WORK_DIR, prepareN8n, runN8nOnce, executeMeasured };
