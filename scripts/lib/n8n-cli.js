// n8n's command line for one line's install (env.CUBE_N8N_LINE): imports, activation, and
// reading the run that `n8n execute --rawOutput` prints.
'use strict';
const fs = require('fs');
const path = require('path');

const { emptyFolder } = require('./folders');
const { parseJson } = require('./json');
const { linePaths } = require('./n8n-env');
const { run } = require('./processes');

/** Runs the line's n8n CLI; its `#!/usr/bin/env node` finds the line's node through env.PATH. */
function n8n(env, args, opts = {}) {
	return run(linePaths(env.CUBE_N8N_LINE).n8nBin, args, { env, ...opts });
}

/** `n8n import:credentials` of credential records (plain data; n8n encrypts it). */
async function importCredentials(env, records, workDir) {
	fs.mkdirSync(workDir, { recursive: true });
	const file = path.join(workDir, 'credentials.json');
	fs.writeFileSync(file, JSON.stringify(records, null, 2));
	await n8n(env, ['import:credentials', `--input=${file}`], { timeoutMs: 120_000 });
}

/** `n8n import:workflow` of a folder of workflow files. */
async function importWorkflows(env, dir) {
	await n8n(env, ['import:workflow', '--separate', `--input=${dir}`], { timeoutMs: 180_000 });
}

/** Writes `workflows` into `dir`, emptied first, a file each, and imports them. */
async function importWorkflowList(env, workflows, dir) {
	emptyFolder(dir);
	for (const workflow of workflows) fs.writeFileSync(path.join(dir, `${workflow.id}.json`), JSON.stringify(workflow, null, 2));
	await importWorkflows(env, dir);
}

/** Activates a workflow before `n8n start` (2.x calls it publishing; its update:workflow is deprecated). */
async function activateWorkflow(env, id) {
	const args = env.CUBE_N8N_LINE === '1' ? ['update:workflow', `--id=${id}`, '--active=true'] : ['publish:workflow', `--id=${id}`];
	await n8n(env, args, { timeoutMs: 120_000 });
}

/**
 * The run in the output of `n8n execute --rawOutput`: the whole output, or a pretty-printed
 * object between log lines, or (with N8N_LOG_FORMAT=json) the message of one JSON log entry.
 */
function parseRun(stdout) {
	const lines = stdout.split('\n');
	const candidates = [stdout];
	const start = lines.indexOf('{');
	const end = lines.lastIndexOf('}');
	if (start >= 0 && end > start) candidates.push(lines.slice(start, end + 1).join('\n'));
	for (const line of lines) {
		const entry = line.trim().startsWith('{') ? parseJson(line) : undefined;
		if (entry) candidates.push(typeof entry.message === 'string' ? entry.message : line);
	}
	for (const text of candidates) {
		const value = parseJson(text);
		if (value && value.data && value.data.resultData) return value;
	}
	throw new Error(`no run JSON in the output of n8n execute:\n${stdout.slice(0, 1500)}`);
}

module.exports = { n8n, importCredentials, importWorkflows, importWorkflowList, activateWorkflow, parseRun };
