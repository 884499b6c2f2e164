// The options of `npm run bench`, and the flag parser the other benchmarks share.
'use strict';
const path = require('path');

const USAGE = `npm run bench [-- --line 1|2] [--runs 3] [--latency 20] [--no-build]
              [--skip-transport] [--skip-n8n] [--out bench/results.md]
              [--dataset customers|responses|crmCustomers]   (only that data's rows; crmCustomers: generation 2)
              [--tarball other.tgz]   (n8n level only: bench that package build instead)
See bench/README.md.`;

/** The flags every benchmark that runs a real n8n takes: flag → [setting, how to read its value]. */
const COMMON_FLAGS = {
	'--line': ['line', String],
	'--runs': ['runs', (value) => Math.max(1, Number(value))],
	'--latency': ['latency', (value) => Math.max(0, Number(value))],
	'--out': ['out', (value) => path.resolve(value)],
	'--tarball': ['tarball', (value) => path.resolve(value)],
	'--no-build': ['build', false],
};

/**
 * `--flag value` and `--flag` arguments into a copy of `defaults`. `flags` maps each flag to
 * [setting, read]: `read` turns the value into the setting; anything else is the setting of a
 * flag that takes no value. `--help` sets `help`.
 */
function parseFlags(argv, defaults, flags, command) {
	const args = { ...defaults, help: false };
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		if (flag === '--help' || flag === '-h') {
			args.help = true;
			continue;
		}
		const spec = flags[flag];
		if (!spec) throw new Error(`unknown argument ${flag} (see ${command} -- --help)`);
		const [setting, read] = spec;
		if (typeof read !== 'function') {
			args[setting] = read;
			continue;
		}
		const value = argv[++i];
		if (value === undefined) throw new Error(`${flag} needs a value`);
		args[setting] = read(value);
	}
	if (!['1', '2'].includes(String(args.line))) throw new Error('--line must be 1 or 2');
	return args;
}

const DATASETS = ['customers', 'responses', 'crmCustomers'];

function readDataset(value) {
	if (!DATASETS.includes(value)) throw new Error(`--dataset must be one of ${DATASETS.join(', ')}`);
	return value;
}

function parseArgs(argv) {
	const defaults = { line: '1', runs: 3, latency: 20, build: true, transport: true, n8n: true, dataset: undefined, out: path.join(__dirname, 'results.md') };
	const flags = { ...COMMON_FLAGS, '--skip-transport': ['transport', false], '--skip-n8n': ['n8n', false], '--dataset': ['dataset', readDataset] };
	return parseFlags(argv, defaults, flags, 'npm run bench');
}

/** The command line that reproduces a run, for the report. */
function commandLine(argv, command = 'npm run bench') {
	return `${command}${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
}

module.exports = { USAGE, COMMON_FLAGS, parseFlags, parseArgs, commandLine };
