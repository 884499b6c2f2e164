// The options of `npm run bench`.
'use strict';
const path = require('path');

const USAGE = `npm run bench [-- --line 1|2] [--runs 3] [--latency 20] [--no-build]
              [--skip-transport] [--skip-n8n] [--out bench/results.md]
              [--tarball other.tgz]   (n8n level only: bench that package build instead)
See bench/README.md.`;

function parseArgs(argv) {
	const args = { line: '1', runs: 3, latency: 20, build: true, transport: true, n8n: true, out: path.join(__dirname, 'results.md'), help: false };
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = () => {
			const next = argv[++i];
			if (next === undefined) throw new Error(`${flag} needs a value`);
			return next;
		};
		if (flag === '--line') args.line = value();
		else if (flag === '--runs') args.runs = Math.max(1, Number(value()));
		else if (flag === '--latency') args.latency = Math.max(0, Number(value()));
		else if (flag === '--out') args.out = path.resolve(value());
		else if (flag === '--tarball') args.tarball = path.resolve(value());
		else if (flag === '--no-build') args.build = false;
		else if (flag === '--skip-transport') args.transport = false;
		else if (flag === '--skip-n8n') args.n8n = false;
		else if (flag === '--help' || flag === '-h') args.help = true;
		else throw new Error(`unknown argument ${flag} (see npm run bench -- --help)`);
	}
	if (!['1', '2'].includes(String(args.line))) throw new Error('--line must be 1 or 2');
	return args;
}

/** The command line that reproduces a run, for the report. */
function commandLine(argv) {
	return `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
}

module.exports = { USAGE, parseArgs, commandLine };
