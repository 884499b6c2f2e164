// This package as users get it: packed as npm would publish it, installed by hand into an n8n
// user folder.
'use strict';
const fs = require('fs');
const path = require('path');

const { emptyFolder } = require('./folders');
const { PROJECT_DIR } = require('./n8n-env');
const { run } = require('./processes');

/** Builds the package and packs it as npm would publish it; returns the tarball's path. */
async function packPackage({ build = true } = {}) {
	if (build) await run('npm', ['run', 'build', '--silent'], { timeoutMs: 300_000 });
	const dest = path.join(PROJECT_DIR, '.cache', 'pack');
	fs.mkdirSync(dest, { recursive: true });
	const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dest], { timeoutMs: 120_000 });
	const [{ filename }] = JSON.parse(stdout);
	return path.join(dest, path.basename(filename));
}

/**
 * Installs the tarball the way a user would by hand: a package.json of its own in
 * <user folder>/.n8n/nodes and `npm install` there.
 */
async function installPackage(env, tarball) {
	const nodesDir = path.join(env.N8N_USER_FOLDER, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	const manifest = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(manifest)) {
		fs.writeFileSync(manifest, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
	}
	// --legacy-peer-deps: else npm also installs the peer n8n-workflow; n8n provides its own.
	await run('npm', ['install', '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', tarball], {
		env,
		cwd: nodesDir,
		timeoutMs: 180_000,
	});
	return nodesDir;
}

/** A user folder with nothing in it but the package. */
async function installIntoEmptyUserFolder(env, tarball) {
	emptyFolder(env.N8N_USER_FOLDER);
	return await installPackage(env, tarball);
}

module.exports = { packPackage, installPackage, installIntoEmptyUserFolder };
