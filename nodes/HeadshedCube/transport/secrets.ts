import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

const HIDDEN = '[hidden]';

/**
 * Every form in which the credential's secrets could come back in an answer, e.g. from a proxy
 * that echoes the Authorization header: the token, the password, and the Basic string.
 */
export function secretsOf(data: ICredentialDataDecryptedObject): string[] {
	const text = (value: unknown) => (typeof value === 'string' ? value : '');
	const token = text(data.token);
	const password = text(data.password);
	const basic = Buffer.from(`${text(data.username)}:${password}`).toString('base64');
	return [token, password, basic].filter((secret) => secret.length >= 4);
}

/** `text` with every secret replaced, longest first so that no part of one is left. */
export function hideSecrets(text: string, secrets: string[]): string {
	let hidden = text;
	for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
		hidden = hidden.split(secret).join(HIDDEN);
	}
	return hidden;
}
