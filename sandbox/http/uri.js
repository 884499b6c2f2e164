'use strict';

/** `text` percent-decoded, or unchanged where it is not valid percent-encoding. */
function decodeOrKeep(text) {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

module.exports = { decodeOrKeep };
