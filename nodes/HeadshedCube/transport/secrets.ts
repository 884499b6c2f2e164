import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

const HIDDEN = '[hidden]';

/** Secrets shorter than this are not hidden: they would hide ordinary words of a message. */
const SHORTEST_SECRET = 4;

/**
 * The ways a value can appear in text that came back: as it is, trimmed (HTTP trims header
 * values, and Cube reads a token without the spaces around it), URL-encoded (in an echoed
 * address or form), JSON-escaped (in a text answer that quotes JSON) and HTML-escaped.
 */
function formsOf(value: string): string[] {
	const forms = new Set<string>();
	for (const form of [value, value.trim()]) {
		forms.add(form);
		forms.add(encodeURIComponent(form));
		forms.add(encodeURIComponent(form).replace(/%20/g, '+'));
		forms.add(JSON.stringify(form).slice(1, -1));
		forms.add(form.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
	}
	return [...forms];
}

/**
 * Every form in which the credential's secrets could come back in an answer, e.g. from a proxy
 * that echoes the Authorization header: the token, the password, and the Basic string (in
 * base64 and decoded), each in every form of `formsOf`.
 */
export function secretsOf(data: ICredentialDataDecryptedObject): string[] {
	const text = (value: unknown) => (typeof value === 'string' ? value : '');
	const token = text(data.token);
	const password = text(data.password);
	// What the credential sends, base64 as is (HTTP cannot trim inside it).
	const basic = Buffer.from(`${text(data.username)}:${password}`).toString('base64');
	const values = [token, password, basic];
	return [...new Set(values.flatMap(formsOf))].filter((secret) => secret.trim().length >= SHORTEST_SECRET);
}

/** `text` with every secret replaced, longest first so that no part of one is left. */
export function hideSecrets(text: string, secrets: string[]): string {
	let hidden = text;
	for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
		hidden = hidden.split(secret).join(HIDDEN);
	}
	return hidden;
}
