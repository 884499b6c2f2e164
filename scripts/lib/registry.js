// A local npm registry, so that n8n's own installer (Settings → Community Nodes) can be tested
// offline: Verdaccio from node_modules on a free loopback port, its config, storage and users in
// a temporary folder of its own, and no uplinks, so it serves only what the tests publish to it.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const { freePort, PROJECT_DIR } = require('./n8n-env');
const { run, sleep, spawnGroup, stopGroup } = require('./processes');

const VERDACCIO = path.join(PROJECT_DIR, 'node_modules', 'verdaccio', 'bin', 'verdaccio');
// a throw-away account of a throw-away registry that only listens on loopback
const PUBLISHER = { name: 'cube-e2e', password: 'cube-e2e-local-only' };

function configYaml(dir) {
	return [
		`storage: ${JSON.stringify(path.join(dir, 'storage'))}`,
		'auth:',
		'  htpasswd:',
		`    file: ${JSON.stringify(path.join(dir, 'htpasswd'))}`,
		'    max_users: 1',
		// no uplinks: nothing is fetched from another registry
		'uplinks: {}',
		'packages:',
		"  '**':",
		'    access: $all',
		'    publish: $authenticated',
		'    unpublish: $authenticated',
		'web:',
		'  enable: false',
		'log: { type: stdout, format: pretty, level: warn }',
		'',
	].join('\n');
}

async function waitForPing(url, child, deadlineMs = 60_000) {
	const deadline = Date.now() + deadlineMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`Verdaccio exited (${child.exitCode}) before answering ${url}/-/ping`);
		try {
			if ((await fetch(`${url}/-/ping`, { signal: AbortSignal.timeout(2000) })).ok) return;
		} catch {
			/* not listening yet */
		}
		await sleep(300);
	}
	throw new Error(`Verdaccio did not answer ${url}/-/ping within ${deadlineMs} ms`);
}

/** Creates the publisher's account (as `npm adduser` does) and returns its token. */
async function addPublisher(url) {
	const res = await fetch(`${url}/-/user/org.couchdb.user:${PUBLISHER.name}`, {
		method: 'PUT',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ name: PUBLISHER.name, password: PUBLISHER.password }),
	});
	const body = await res.json().catch(() => ({}));
	if (!res.ok || !body.token) throw new Error(`Verdaccio refused to create the publishing account: ${res.status} ${body.error ?? ''}`);
	return body.token;
}

/**
 * Starts the registry; resolves with its URL, `publish(folderOrTarball)` and `stop()`, which
 * also removes its folder. Its log goes to `logFile`.
 */
async function startRegistry({ logFile }) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cube-registry-'));
	fs.writeFileSync(path.join(dir, 'config.yaml'), configYaml(dir));
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child = spawnGroup(process.execPath, [VERDACCIO, '--config', path.join(dir, 'config.yaml'), '--listen', `127.0.0.1:${port}`], { cwd: dir, logFile });
	const stop = async () => {
		await stopGroup(child, 5000);
		fs.rmSync(dir, { recursive: true, force: true });
	};
	try {
		await waitForPing(url, child);
		const token = await addPublisher(url);
		// npm reads the token from a user config of its own, never from a command line
		const npmrc = path.join(dir, 'publisher.npmrc');
		fs.writeFileSync(npmrc, `registry=${url}/\n//127.0.0.1:${port}/:_authToken=${token}\n`, { mode: 0o600 });
		const publish = async (what) =>
			await run('npm', ['publish', path.resolve(what), '--userconfig', npmrc, '--registry', `${url}/`, '--ignore-scripts', '--no-provenance', '--loglevel=error'], {
				cwd: dir,
				timeoutMs: 120_000,
			});
		return { url, publish, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

/**
 * The packed tarball as the next patch version: unpacked into `workDir` with package.json's
 * version raised, ready for `publish`. Returns the folder and the new version.
 */
async function nextPatchVersion(tarball, workDir) {
	const dir = path.join(workDir, 'next-version');
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	await run('tar', ['xzf', tarball, '-C', dir, '--strip-components=1']);
	const manifestPath = path.join(dir, 'package.json');
	const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
	const [major, minor, patch] = manifest.version.split(/[.-]/).map(Number);
	manifest.version = `${major}.${minor}.${patch + 1}`;
	fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
	return { dir, version: manifest.version };
}

module.exports = { startRegistry, nextPatchVersion };
