// What the e2e checks need to read Cube's dates; the sandbox itself is read with cubeReader
// (scripts/lib/sandbox-client.js), re-exported here as cubeClient.
'use strict';
const { cubeReader: cubeClient } = require('../../scripts/lib/sandbox-client');

/** YYYYMMDD of an instant in a time zone. */
function cubeDate(date, timeZone = 'Europe/Oslo') {
	return new Intl.DateTimeFormat('en-CA', { timeZone }).format(date).replace(/-/g, '');
}

module.exports = { cubeClient, cubeDate };
