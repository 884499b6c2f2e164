// The machine and the n8n a benchmark ran on, for the report.
'use strict';
const os = require('os');
const path = require('path');

const { linePaths } = require('../scripts/lib/n8n-env');
const { run } = require('../scripts/lib/processes');

const loadAverage = () => os.loadavg().map((v) => v.toFixed(2)).join(', ');

/** The node version the line's n8n runs on. */
async function n8nNodeVersion(paths) {
	if (!paths.nodeBinDir) return process.version;
	try {
		const { stdout } = await run(path.join(paths.nodeBinDir, 'node'), ['-v'], { timeoutMs: 10_000 });
		return stdout.trim();
	} catch {
		return `v${paths.nodeVersion}`;
	}
}

/** One line describing the machine, the Node versions and the n8n of `line`. */
async function describeMachine(line) {
	const paths = linePaths(line);
	const nproc = os.availableParallelism ? os.availableParallelism() : os.cpus().length;
	const cpu = (os.cpus()[0] || {}).model || 'unknown';
	const memory = `${Math.round(os.totalmem() / 1024 ** 3)} GB`;
	return `${nproc} CPUs (nproc), ${cpu}, ${memory} RAM; Node ${process.version} (transport level), n8n ${paths.n8nVersion} on Node ${await n8nNodeVersion(paths)} (line ${line})`;
}

module.exports = { loadAverage, describeMachine };
