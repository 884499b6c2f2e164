// The package as npm publishes it and as n8n's verification reads it: a fresh clone (the tracked
// files, no dist/) packed with `npm run pack`, which builds first; then what the
// tarball holds, the package.json fields n8n requires, the icons, and n8n-node's strict lint.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const PROJECT_DIR = path.resolve(__dirname, '..');
// What n8n loads (compiled node and credential files, their icons, the codex JSON) and the
// four files a package page shows.
const ALLOWED = [
	/^dist\/(nodes|credentials)\/.+\.js$/,
	/^dist\/(nodes|credentials)\/.+\.(svg|png)$/,
	/^dist\/nodes\/[^/]+\/[^/]+\.node\.json$/,
	/^(package\.json|README\.md|LICENSE|CHANGELOG\.md)$/,
];

let work;
let clone;
let files;
let unpacked;
let manifest;

/** The tracked files (and new ones not ignored) of the working tree, as a fresh clone has them. */
function copyAsFreshClone(dest) {
	const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: PROJECT_DIR, encoding: 'utf8' });
	for (const file of listed.split('\0').filter(Boolean)) {
		const from = path.join(PROJECT_DIR, file);
		if (!fs.existsSync(from)) continue; // deleted in the working tree, not yet committed
		fs.mkdirSync(path.dirname(path.join(dest, file)), { recursive: true });
		fs.copyFileSync(from, path.join(dest, file));
	}
	// the dependencies a clone would install; sharing them keeps the test quick
	fs.symlinkSync(path.join(PROJECT_DIR, 'node_modules'), path.join(dest, 'node_modules'), 'dir');
}

/** The files a tarball holds, as paths inside its package/ folder. */
function listTarball(file) {
	return execFileSync('tar', ['tzf', file], { encoding: 'utf8' })
		.split('\n')
		.filter((line) => line && !line.endsWith('/'))
		.map((line) => ({ path: line.replace(/^package\//, '') }));
}

beforeAll(() => {
	work = fs.mkdtempSync(path.join(os.tmpdir(), 'cube-pack-'));
	clone = path.join(work, 'clone');
	copyAsFreshClone(clone);
	// `npm run pack`, as the README tells a maintainer: no build beforehand (a plain `npm pack`
	// skips prepack, since .npmrc keeps dependencies' install scripts from running)
	execFileSync('npm', ['run', '--silent', 'pack', '--', '--json', '--pack-destination', work], { cwd: clone, encoding: 'utf8', timeout: 240_000 });
	const tarball = fs.readdirSync(work).find((name) => name.endsWith('.tgz'));
	const packed = { filename: tarball, files: listTarball(path.join(work, tarball)) };
	files = packed.files.map((file) => file.path).sort();
	execFileSync('tar', ['xzf', path.join(work, packed.filename), '-C', work]);
	unpacked = path.join(work, 'package');
	manifest = JSON.parse(fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8'));
}, 300_000);

afterAll(() => {
	if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the packed package', () => {
	test('a fresh clone packs a built package: `npm run pack` builds first', () => {
		expect(fs.existsSync(path.join(clone, 'dist'))).toBe(true);
		for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) expect(files).toContain(file);
	});

	test('the tarball holds only what n8n loads, plus README, LICENSE, CHANGELOG and package.json', () => {
		const unexpected = files.filter((file) => !ALLOWED.some((pattern) => pattern.test(file)));
		expect(unexpected).toEqual([]);
		for (const file of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']) expect(files).toContain(file);
		expect(files.filter((file) => file.endsWith('.node.json')).length).toBe(manifest.n8n.nodes.length);
	});
});

describe('what n8n requires of a community package', () => {
	test('name, keyword, licence, n8n section; no runtime dependencies; n8n-workflow as peer', () => {
		expect(manifest.name).toMatch(/^(@[a-z0-9-]+\/)?n8n-nodes-/);
		expect(manifest.keywords).toContain('n8n-community-node-package');
		expect(manifest.license).toBe('MIT');
		expect(fs.readFileSync(path.join(unpacked, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
		expect(manifest.dependencies ?? {}).toEqual({});
		expect(Object.keys(manifest.peerDependencies ?? {})).toEqual(['n8n-workflow']);
		expect(manifest.n8n).toMatchObject({ n8nNodesApiVersion: 1, strict: true });
		expect(manifest.n8n.nodes.length).toBeGreaterThan(0);
		expect(manifest.n8n.credentials.length).toBeGreaterThan(0);
	});

	test('repository, homepage and issues name one public GitHub repository', () => {
		// n8n's source check compares npm's repository link with the GitHub repository, and npm
		// refuses a provenance statement whose repository differs from the package's
		const repo = /^git\+https:\/\/github\.com\/([\w.-]+\/[\w.-]+?)\.git$/.exec(manifest.repository?.url ?? '')?.[1];
		expect({ repository: manifest.repository?.url, repo }).toEqual({ repository: manifest.repository?.url, repo: expect.any(String) });
		expect(manifest.homepage).toBe(`https://github.com/${repo}#readme`);
		expect(manifest.bugs?.url).toBe(`https://github.com/${repo}/issues`);
	});

	test('every node and credential has distinct light and dark SVG icons in the package', () => {
		const entries = [
			...manifest.n8n.nodes.map((file) => [file, (instance) => instance.description.icon]),
			...manifest.n8n.credentials.map((file) => [file, (instance) => instance.icon]),
		];
		for (const [file, iconOf] of entries) {
			// loaded from the clone's build, whose node_modules resolves n8n-workflow
			const exported = require(path.join(clone, file));
			const icon = iconOf(new (Object.values(exported)[0])());
			expect({ file, light: typeof icon?.light, dark: typeof icon?.dark }).toEqual({ file, light: 'string', dark: 'string' });
			const [light, dark] = [icon.light, icon.dark].map((ref) => {
				expect(ref).toMatch(/^file:.+\.svg$/);
				const inPackage = path.join(unpacked, path.dirname(file), ref.slice('file:'.length));
				expect({ file, icon: ref, packed: fs.existsSync(inPackage) }).toEqual({ file, icon: ref, packed: true });
				return fs.readFileSync(inPackage, 'utf8');
			});
			expect(light).not.toBe(dark);
		}
	});

	test("`n8n-node lint` (n8n's default config, strict mode) finds nothing", () => {
		const template = path.join(PROJECT_DIR, 'node_modules/@n8n/node-cli/dist/template/templates/shared/default/eslint.config.mjs');
		// strict mode refuses any other config; compared here too, so the test says so plainly
		expect(fs.readFileSync(path.join(PROJECT_DIR, 'eslint.config.mjs'), 'utf8')).toBe(fs.readFileSync(template, 'utf8'));
		// jest sets NODE_ENV=test, which switches eslint-plugin-n8n-nodes-base to its own test
		// fixtures' file names; the CLI runs here as a maintainer runs it
		const env = { ...process.env };
		delete env.NODE_ENV;
		let findings = '';
		try {
			execFileSync('npx', ['n8n-node', 'lint'], { cwd: clone, env, encoding: 'utf8', timeout: 240_000, stdio: 'pipe' });
		} catch (error) {
			findings = `exit ${error.status}: ${error.stdout}${error.stderr}`;
		}
		expect(findings).toBe('');
	}, 240_000);
});

describe('publishing', () => {
	test('a plain `npm publish` on a maintainer\'s machine is refused before anything is sent', () => {
		// .npmrc skips scripts, so prepublishOnly (n8n-node prerelease) never runs there; what
		// refuses is publishConfig.provenance: only a CI's identity (publish.yml's OIDC token) can
		// sign a provenance statement. Without it npm sends the package to the registry (here a
		// closed port, so the failure would be a refused connection instead).
		const userconfig = path.join(work, 'publisher.npmrc');
		fs.writeFileSync(userconfig, '//127.0.0.1:9/:_authToken=not-a-real-token\n');
		const env = { ...process.env };
		// as on a maintainer's machine: no CI that npm would ask for an identity
		for (const name of ['CI', 'GITHUB_ACTIONS', 'GITLAB_CI']) delete env[name];
		let outcome = 'published';
		try {
			// npm first asks the registry for the package's versions; no retries at a closed port
			execFileSync('npm', ['publish', '--userconfig', userconfig, '--registry', 'http://127.0.0.1:9/', '--fetch-retries=0'], { cwd: clone, env, encoding: 'utf8', stdio: 'pipe', timeout: 120_000 });
		} catch (error) {
			outcome = `${error.stdout}${error.stderr}`;
		}
		expect(outcome).toMatch(/EUSAGE[\s\S]*provenance generation not supported/);
	}, 120_000);
});
