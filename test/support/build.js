// The suites load the package from dist/, as n8n loads it. jest's global setup (below) builds
// dist/ first when it is missing or older than the sources, so that `npx jest` on a fresh clone,
// or after an edit, tests what the sources say; with a fresh dist/ it costs nothing.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const PROJECT_DIR = path.resolve(__dirname, '..', '..');
// what `npm run build` compiles or copies into dist/
const SOURCES = ['nodes', 'credentials', 'tsconfig.json'];

function filesUnder(target) {
	if (!fs.existsSync(target)) return [];
	if (fs.statSync(target).isFile()) return [target];
	return fs
		.readdirSync(target, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * Why dist/ of `projectDir` needs a build, in words, or null when it is up to date: a file that
 * package.json's n8n section names is missing, or a source changed after the build (whose time
 * is that of the oldest compiled file: tsc writes every one, gulp keeps the icons' own times).
 */
function whyBuild(projectDir = PROJECT_DIR) {
	const { n8n } = JSON.parse(fs.readFileSync(path.join(projectDir, 'package.json'), 'utf8'));
	const missing = [...n8n.nodes, ...n8n.credentials].find((file) => !fs.existsSync(path.join(projectDir, file)));
	if (missing) return `${missing} is missing`;
	const compiled = filesUnder(path.join(projectDir, 'dist')).filter((file) => file.endsWith('.js'));
	const builtAt = Math.min(...compiled.map((file) => fs.statSync(file).mtimeMs));
	const sources = SOURCES.flatMap((name) => filesUnder(path.join(projectDir, name)));
	const changed = sources.find((file) => fs.statSync(file).mtimeMs > builtAt);
	return changed ? `${path.relative(projectDir, changed)} changed after the last build` : null;
}

/** jest's globalSetup: `npm run build` when dist/ needs it, or a failure that says what to do. */
module.exports = async function buildIfNeeded() {
	// another build of the package under test (bench/trigger.js --package) is the caller's
	if (process.env.CUBE_PACKAGE_DIR) return;
	const reason = whyBuild();
	if (!reason) return;
	process.stdout.write(`\njest: ${reason}; building dist/ first (npm run build), since the tests load the built package\n`);
	try {
		execFileSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_DIR, stdio: 'inherit' });
	} catch {
		throw new Error('`npm run build` failed (see above): fix that, then run jest again (or `npm test`, which builds first).');
	}
};

module.exports.whyBuild = whyBuild;
