// Postgres and Redis for n8n's queue mode, as ordinary processes that the run owns: Debian's
// packages (installed here where missing), loopback ports that are free now, and data in a
// temporary folder that is removed when they stop.
'use strict';
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const harness = require('./harness');
const { freePort } = require('./n8n-env');

const PG_ROOT = '/usr/lib/postgresql';
const DATABASE = 'n8n';
const DB_USER = 'n8n';
// Not a secret: it guards a throw-away database that listens on loopback only.
const DB_PASSWORD = 'cube-queue-local-only';

const say = (message) => console.error(`[services] ${message}`);

/** The bin folder of the newest Postgres that Debian's packages installed, or null. */
function postgresBinDir() {
	if (!fs.existsSync(PG_ROOT)) return null;
	const versions = fs
		.readdirSync(PG_ROOT)
		.filter((v) => fs.existsSync(path.join(PG_ROOT, v, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(PG_ROOT, versions[0], 'bin') : null;
}

function onPath(command) {
	return (process.env.PATH || '').split(path.delimiter).some((dir) => fs.existsSync(path.join(dir, command)));
}

/** Installs Debian's postgresql and redis-server where missing (needs root, as in CI). */
async function ensureInstalled() {
	const missing = [];
	if (!postgresBinDir()) missing.push('postgresql');
	if (!onPath('redis-server')) missing.push('redis-server');
	if (missing.length === 0) return;
	if (process.getuid() !== 0) {
		throw new Error(`missing ${missing.join(' and ')}: run \`sudo apt-get install ${missing.join(' ')}\` and try again`);
	}
	say(`apt-get install ${missing.join(' ')}`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	// another apt-get (a neighbouring job's) may hold the lock for a while: wait for it
	const apt = (...args) => harness.run('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], { env, timeoutMs: 900_000 });
	await apt('update', '-qq');
	await apt('install', '-y', '-qq', '--no-install-recommends', ...missing);
	if (!postgresBinDir() || !onPath('redis-server')) throw new Error(`apt-get install ${missing.join(' ')} left them missing`);
}

/** Postgres refuses to run as root: as root, run it as the `postgres` user of Debian's package. */
async function postgresUser() {
	if (process.getuid() !== 0) return {};
	const id = async (flag) => Number((await harness.run('id', [flag, 'postgres'])).stdout.trim());
	return { uid: await id('-u'), gid: await id('-g') };
}

async function waitUntil(what, probe, { timeoutMs = 60_000, child } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await probe()) return;
		if (child && child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
		if (Date.now() > deadline) throw new Error(`${what} not ready within ${timeoutMs / 1000} s`);
		await harness.sleep(250);
	}
}

/** Answers true once the server on `port` answers `request` with a reply matching `expected`. */
function answers(port, request, expected) {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		let seen = '';
		const done = (ok) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(1000, () => done(false));
		socket.on('error', () => done(false));
		socket.on('connect', () => socket.write(request));
		socket.on('data', (chunk) => {
			seen += chunk;
			if (expected.test(seen)) done(true);
		});
	});
}

/** A Postgres cluster in `dir` on a free loopback port, with database and user `n8n`. */
async function startPostgres(dir) {
	const bin = postgresBinDir();
	const user = await postgresUser();
	const dataDir = path.join(dir, 'data');
	fs.mkdirSync(dir, { recursive: true });
	if (user.uid !== undefined) fs.chownSync(dir, user.uid, user.gid);
	const asOwner = { user, cwd: dir, timeoutMs: 120_000 };
	// local (socket) connections trust the cluster's owner; n8n comes over TCP with a password
	await harness.run(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--no-sync'], asOwner);
	const port = await freePort();
	const child = harness.spawnGroup(
		path.join(bin, 'postgres'),
		['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dir}`, '-c', 'fsync=off'],
		{ cwd: dir, user, logFile: path.join(dir, 'postgres.log') },
	);
	const psql = (sql) => harness.run(path.join(bin, 'psql'), ['-h', dir, '-p', String(port), '-U', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qc', sql], asOwner);
	await waitUntil('postgres', async () => await psql('SELECT 1').then(() => true, () => false), { child });
	await psql(`CREATE ROLE ${DB_USER} LOGIN PASSWORD '${DB_PASSWORD}'`);
	await psql(`CREATE DATABASE ${DATABASE} OWNER ${DB_USER}`);
	return { port, child, log: path.join(dir, 'postgres.log') };
}

/** A Redis on a free loopback port that keeps nothing on disk. */
async function startRedis(dir) {
	fs.mkdirSync(dir, { recursive: true });
	const port = await freePort();
	const child = harness.spawnGroup('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], {
		cwd: dir,
		logFile: path.join(dir, 'redis.log'),
	});
	await waitUntil('redis-server', () => answers(port, 'PING\r\n', /\+PONG/), { child });
	return { port, child, log: path.join(dir, 'redis.log') };
}

/**
 * Installs what is missing, then starts Postgres and Redis in a new temporary folder.
 * Returns their ports, the n8n environment variables that point at them, and stop().
 */
async function startServices() {
	await ensureInstalled();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cube-queue-'));
	fs.chmodSync(dir, 0o755);
	// also when a signal handler ends the run before stop() (stopAll kills the processes)
	process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
	const started = [];
	const stop = async () => {
		// Postgres' SIGTERM waits for clients; its SIGINT (fast shutdown) does not
		for (const service of [...started].reverse()) {
			if (service === postgres && service.child.exitCode === null) process.kill(-service.child.pid, 'SIGINT');
			await harness.stopGroup(service.child, 15_000);
		}
		fs.rmSync(dir, { recursive: true, force: true });
	};
	let postgres;
	try {
		postgres = await startPostgres(path.join(dir, 'postgres'));
		started.push(postgres);
		started.push(await startRedis(path.join(dir, 'redis')));
	} catch (error) {
		await stop();
		throw error;
	}
	const [, redis] = started;
	return {
		dir,
		postgres,
		redis,
		env: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: DATABASE,
			DB_POSTGRESDB_USER: DB_USER,
			DB_POSTGRESDB_PASSWORD: DB_PASSWORD,
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
		},
		stop,
	};
}

module.exports = { ensureInstalled, startServices };
