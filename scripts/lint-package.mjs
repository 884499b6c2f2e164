// `n8n-node lint` (strict mode, n8n's default eslint.config.mjs) over the package's own files.
//
// The CLI lints `.` and its default config ignores only dist/, so in this folder it would also
// parse the work folders of `npm start` and the tests (.n8n-data/ holds copies of n8n's editor
// bundle: over a thousand files, minutes of linting). So the package's files, and only those,
// are staged in a temporary folder laid out as n8n's node template is, and the CLI runs there.
// With --fix, the files it fixed are copied back.
//
//   node scripts/lint-package.mjs [--fix]
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_DIR = fileURLToPath(new URL('..', import.meta.url));
const PACKAGE_FOLDERS = ['nodes', 'credentials'];
const PACKAGE_FILES = ['package.json', 'eslint.config.mjs', 'tsconfig.json'];
const fix = process.argv.includes('--fix');

function filesUnder(dir) {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name));
}

const stage = mkdtempSync(join(tmpdir(), 'cube-lint-'));
try {
	for (const name of [...PACKAGE_FOLDERS, ...PACKAGE_FILES]) cpSync(join(PROJECT_DIR, name), join(stage, name), { recursive: true });
	symlinkSync(join(PROJECT_DIR, 'node_modules'), join(stage, 'node_modules'), 'dir');
	let status = 0;
	try {
		execFileSync(join(PROJECT_DIR, 'node_modules', '.bin', 'n8n-node'), ['lint', ...(fix ? ['--fix'] : [])], { cwd: stage, stdio: 'inherit' });
	} catch (error) {
		status = error.status ?? 1;
	}
	if (fix) {
		for (const staged of PACKAGE_FOLDERS.flatMap((folder) => filesUnder(join(stage, folder)))) {
			const original = join(PROJECT_DIR, relative(stage, staged));
			const content = readFileSync(staged);
			if (!content.equals(readFileSync(original))) writeFileSync(original, content);
		}
	}
	process.exitCode = status;
} finally {
	rmSync(stage, { recursive: true, force: true });
}
