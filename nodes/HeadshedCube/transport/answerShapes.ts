/** Checks of what Cube's answers must look like; each gives what is wrong, or undefined. */

const isRecord = (value: unknown) => !!value && typeof value === 'object' && !Array.isArray(value);

function notJson(body: unknown): string | undefined {
	if (typeof body === 'string') return 'the answer is not JSON';
	if (body === undefined) return 'the answer is empty';
	return undefined;
}

/** One record, e.g. a customer card. */
export function recordProblem(body: unknown): string | undefined {
	return notJson(body) ?? (isRecord(body) ? undefined : 'the answer is not a JSON object');
}

/** A list of records, bare or wrapped in a page as a server with pagination on sends it. */
export function listProblem(body: unknown): string | undefined {
	const problem = notJson(body);
	if (problem) return problem;
	const list = isRecord(body) ? (body as { results?: unknown }).results : body;
	if (!Array.isArray(list)) return 'the answer is not a list';
	return list.every(isRecord) ? undefined : 'the list holds something that is not a record';
}

/** The records of an answer that passed `listProblem`. */
export function listOf<T>(body: unknown): T[] {
	return (Array.isArray(body) ? body : (body as { results: T[] }).results) as T[];
}
