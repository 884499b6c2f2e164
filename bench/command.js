// Runs a benchmark's main function as a command: whatever it started is stopped on a signal or
// a failure, and the exit code says how it went.
'use strict';
const { stopAll } = require('../scripts/lib/processes');

async function shutdown(code) {
	await stopAll();
	process.exit(code);
}

function runCommand(main) {
	process.once('SIGINT', () => shutdown(130));
	process.once('SIGTERM', () => shutdown(143));
	main().then(
		() => process.exit(0),
		async (error) => {
			console.error(`[bench] ${error.stack || error.message}`);
			await shutdown(1);
		},
	);
}

module.exports = { runCommand };
