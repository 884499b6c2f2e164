// Child processes of the harness: commands run to completion, long-running ones in process
// groups of their own (stopping one stops its children, such as n8n's task runner), and one
// place that stops them all when this process gets a signal. Every wait has a deadline.
'use strict';
const { spawn, execFile } = require('child_process');
const fs = require('fs');
const path = require('path');

const { PROJECT_DIR } = require('./n8n-env');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Every child still running, so that a signal to this process can stop them all; those that
// lead a process group of their own are stopped with their group.
const live = new Set();
const groupLeaders = new WeakSet();

function track(child, { group = false } = {}) {
	live.add(child);
	if (group) groupLeaders.add(child);
	child.once('exit', () => live.delete(child));
	return child;
}

function signalGroup(child, signal) {
	try {
		process.kill(-child.pid, signal);
	} catch {
		/* already gone */
	}
}

/** Stops every child started here (process groups included); for signal handlers. */
async function stopAll() {
	await Promise.all([...live].map((child) => (groupLeaders.has(child) ? stopGroup(child, 5000) : child.kill('SIGKILL'))));
}

/** Runs a command to completion; rejects with its output on a non-zero exit or a timeout. */
function run(cmd, args, { env = process.env, cwd = PROJECT_DIR, timeoutMs = 120_000, user = {} } = {}) {
	return new Promise((resolve, reject) => {
		const child = execFile(cmd, args, { env, cwd, ...user, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
			if (error) {
				error.stdout = stdout;
				error.stderr = stderr;
				error.message = `${cmd} ${args.join(' ')}: ${error.killed ? `timed out after ${timeoutMs} ms` : `exit ${error.code}`}\n${stderr || stdout}`.slice(0, 4000);
				reject(error);
			} else resolve({ stdout, stderr });
		});
		track(child);
	});
}

/** Spawns a long-running child in a process group of its own, so stopping it stops its children. */
function spawnGroup(cmd, args, { env = process.env, cwd = PROJECT_DIR, logFile, user = {} } = {}) {
	const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
	const child = spawn(cmd, args, { env, cwd, ...user, detached: true, stdio: ['ignore', out, out] });
	if (typeof out === 'number') fs.closeSync(out);
	return track(child, { group: true });
}

/** SIGTERM to the child's process group, SIGKILL after a grace period. */
async function stopGroup(child, graceMs = 10_000) {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	signalGroup(child, 'SIGTERM');
	const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
	signalGroup(child, 'SIGKILL'); // stragglers of the group, such as a task runner
}

/** The peak RSS (VmHWM) of a running process, sampled from /proc every 20 ms. */
function samplePeakRss(pid) {
	let peakKb = 0;
	const timer = setInterval(() => {
		try {
			const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
			if (match) peakKb = Math.max(peakKb, Number(match[1]));
		} catch {
			/* exited */
		}
	}, 20);
	return { stop: () => (clearInterval(timer), peakKb) };
}

/**
 * Runs a command to completion in a process group of its own and resolves with its exit code
 * (or the signal that ended it), output and wall time whatever the code; rejects only on a timeout. With `outputFile`, stdout
 * and stderr go to `<outputFile>.stdout` and `.stderr` (a process that exits right after a large
 * write can lose its tail in a pipe, never in a file). With `sampleRss`, also the peak RSS.
 */
function runInGroup(cmd, args, { env = process.env, cwd = PROJECT_DIR, timeoutMs = 180_000, sampleRss = false, outputFile } = {}) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const files = outputFile ? [fs.openSync(`${outputFile}.stdout`, 'w'), fs.openSync(`${outputFile}.stderr`, 'w')] : undefined;
		const child = spawn(cmd, args, { env, cwd, detached: true, stdio: ['ignore', ...(files || ['pipe', 'pipe'])] });
		if (files) files.forEach((fd) => fs.closeSync(fd));
		track(child, { group: true });
		const out = [];
		const err = [];
		if (!files) {
			child.stdout.on('data', (chunk) => out.push(chunk));
			child.stderr.on('data', (chunk) => err.push(chunk));
		}
		const rss = sampleRss ? samplePeakRss(child.pid) : undefined;
		const timer = setTimeout(() => {
			signalGroup(child, 'SIGKILL');
			reject(new Error(`${path.basename(cmd)} ${args.slice(0, 4).join(' ')} timed out after ${timeoutMs} ms`));
		}, timeoutMs);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			const peakRssKb = rss ? rss.stop() : 0;
			signalGroup(child, 'SIGKILL'); // stragglers, such as n8n's task runner
			resolve({
				code,
				signal,
				stdout: files ? fs.readFileSync(`${outputFile}.stdout`, 'utf8') : Buffer.concat(out).toString('utf8'),
				stderr: files ? fs.readFileSync(`${outputFile}.stderr`, 'utf8') : Buffer.concat(err).toString('utf8'),
				wallMs: Date.now() - started,
				peakRssKb,
			});
		});
	});
}

module.exports = { sleep, run, spawnGroup, stopGroup, stopAll, runInGroup, track };
