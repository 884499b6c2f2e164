/** Why an answer's body could not be read to its end. */
export type AnswerFailureCode = 'ECUTSHORT' | 'ETOOLARGE' | 'EDEADLINE';

export class AnswerFailure extends Error {
	constructor(readonly code: AnswerFailureCode) {
		super(code);
	}
}

interface BodyStream {
	on(event: string, listener: (...args: unknown[]) => void): unknown;
	destroy(): unknown;
}

function isBodyStream(body: unknown): body is BodyStream {
	return (
		!!body &&
		typeof (body as BodyStream).on === 'function' &&
		typeof (body as BodyStream).destroy === 'function'
	);
}

/**
 * Reads an answer's body to its end, as text. Stops at `maxBytes` and when `signal` aborts,
 * and tells a body cut short by the connection apart from a complete one.
 */
export async function readAnswerText(body: unknown, signal: AbortSignal, maxBytes: number): Promise<string> {
	if (!isBodyStream(body)) return typeof body === 'string' ? body : '';
	return await new Promise<string>((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let settled = false;
		const settle = (failure?: AnswerFailureCode) => {
			if (settled) return;
			settled = true;
			signal.removeEventListener('abort', onAbort);
			if (failure) {
				body.destroy();
				reject(new AnswerFailure(failure));
			} else resolve(Buffer.concat(chunks).toString('utf8'));
		};
		const onAbort = () => settle('EDEADLINE');
		if (signal.aborted) return onAbort();
		signal.addEventListener('abort', onAbort);
		body.on('data', (chunk) => {
			const bytes = chunk as Buffer;
			size += bytes.length;
			if (size > maxBytes) return settle('ETOOLARGE');
			chunks.push(bytes);
		});
		body.on('end', () => settle());
		body.on('error', () => settle('ECUTSHORT'));
		body.on('close', () => settle('ECUTSHORT'));
	});
}

/** JSON where the text is JSON; the text itself otherwise (an HTML page, a plain message). */
export function parseAnswer(text: string): unknown {
	if (text.trim() === '') return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}
