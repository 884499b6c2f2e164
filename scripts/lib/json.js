'use strict';

/** The value `text` holds as JSON, or undefined where it is empty or not JSON. */
function parseJson(text) {
	try {
		return text ? JSON.parse(text) : undefined;
	} catch {
		return undefined;
	}
}

module.exports = { parseJson };
