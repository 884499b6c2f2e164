import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

/** Every n8n context the package calls Cube from. */
export type CubeContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions;

export type CubeMethod = 'GET' | 'POST' | 'PUT';

export interface CubeRequest {
	method: CubeMethod;
	/** A path below the base URL, starting with `/`; it may carry a query string. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** The input item the request serves, so that errors point at it. */
	itemIndex?: number;
	/** What is wrong with a successful answer's body, or undefined where it has the right shape. */
	expect?: (body: unknown) => string | undefined;
	/** A 404 is an answer the caller acts on (a customer to create, a page past the end), not an error. */
	notFoundIsAnswer?: boolean;
}

/** What Cube answered, after retries. */
export interface CubeResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

/** The shape of every paginated list. */
export interface CubePage<T> {
	count: number;
	next: string | null;
	previous: string | null;
	results: T[];
}
