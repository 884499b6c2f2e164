// Folders the harness owns and starts afresh.
'use strict';
const fs = require('fs');

/** Makes `dir` an empty folder, whatever was there before; returns it. */
function emptyFolder(dir) {
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	return dir;
}

module.exports = { emptyFolder };
