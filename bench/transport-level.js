// Level 1, no n8n server: each measured run is a child process of its own
// (bench/transport-case.js), so that its peak RSS is its own.
'use strict';
const path = require('path');

const { emptyFolder } = require('../scripts/lib/folders');
const { ENCRYPTION_KEY, PROJECT_DIR } = require('../scripts/lib/n8n-env');
const { runInGroup } = require('../scripts/lib/processes');

const TIME_ZONE = 'Europe/Oslo';
const USER_FOLDER = path.join(PROJECT_DIR, '.n8n-data', 'bench-transport');

/** A fresh user folder for n8n-core's settings in the transport runs. */
function prepareTransport() {
	emptyFolder(USER_FOLDER);
}

/** One run of a transport case; `control` counts the requests the sandbox served for it. */
async function runTransportOnce(benchCase, sandboxUrl, control) {
	const spec = { kind: benchCase.kind, dataset: benchCase.dataset, concurrency: benchCase.concurrency, baseUrl: sandboxUrl, timeZone: TIME_ZONE, fromDate: benchCase.fromDate, toDate: benchCase.toDate };
	const env = { ...process.env, N8N_USER_FOLDER: USER_FOLDER, N8N_ENCRYPTION_KEY: ENCRYPTION_KEY, N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false' };
	const result = await runInGroup(process.execPath, [path.join(__dirname, 'transport-case.js'), JSON.stringify(spec)], { env });
	const lastLine = result.stdout.trim().split('\n').pop() || '';
	if (result.code !== 0 || !lastLine.startsWith('{')) {
		throw new Error(`transport case ${benchCase.kind}/${benchCase.dataset}/${benchCase.concurrency} failed (exit ${result.code}):\n${(result.stderr || result.stdout).slice(-2000)}`);
	}
	const measured = JSON.parse(lastLine);
	const pages = (await control.requests()).length;
	return { ms: measured.ms, rssKb: measured.maxRssKb, pages, records: measured.records, joined: measured.joined };
}

module.exports = { TIME_ZONE, prepareTransport, runTransportOnce };
