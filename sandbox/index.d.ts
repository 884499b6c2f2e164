// Types for the CommonJS sandbox, so TypeScript tests can `import { createSandbox } from '../sandbox'`.

export declare const SANDBOX_TOKEN: 'cube-sandbox-token';
export declare const SANDBOX_USERNAME: 'integration@example.com';
export declare const SANDBOX_PASSWORD: 'sandbox-password';

export type NextLinkStyle = 'http' | 'hostile' | 'malformed' | 'repeat' | 'cursor';
export type PathMode = 'both' | 'v1' | 'legacy';
export type DateLike = Date | string | number;

export interface SandboxKnobs {
	pageSize: number;
	latencyMs: number;
	nextLinkStyle: NextLinkStyle;
	paths: PathMode;
	timeZone: string;
	/** Where 'hostile' links point; null = http://127.0.0.2:<port>. */
	hostileOrigin: string | null;
}

/** The knobs of a generation-2 sandbox only (sandbox/gen2/knobs.js). */
export interface Gen2SandboxKnobs {
	crmSegment: 'documented' | 'swapped' | 'both';
	nextLinkTarget: 'page' | 'request' | 'otherEndpoint';
	looseTypes: boolean;
}

export interface SandboxOptions extends Partial<SandboxKnobs>, Partial<Gen2SandboxKnobs> {
	/** 1 (default): the 2017 API; 2: today's API (data owners, CRMs, call outcomes). */
	generation?: 1 | 2;
	now?: DateLike;
	freezeClock?: boolean;
	seed?: number | string;
	/** Oldest log entries are dropped beyond this (default 10000). */
	requestLogLimit?: number;
}

export interface SandboxClock {
	now(): Date;
	nowMs(): number;
	isFrozen(): boolean;
	set(dateLike: DateLike): void;
	advance(ms: number): void;
	freeze(): void;
	unfreeze(): void;
}

export interface Client {
	client_id: number;
	client_name: string;
}

export interface Assignment {
	assignment_id: number;
	assignment_name: string;
	client_id: number;
	client_name: string;
}

export interface Campaign {
	campaign_id: number;
	campaign_name: string;
	start_date: string;
	end_date: string;
	assignment_id: number;
	assignment_name: string;
	client_id: number;
	client_name: string;
}

export interface CustomerRecord {
	id: number;
	customer_id: number;
	assignment_id: number;
	name: string | null;
	[field: string]: string | number | boolean | null;
}

export interface ResponseRecord {
	submitted_by: string;
	submitted_when: string;
	crm_customer_id: number;
	customer_name: string | null;
	campaign_id: number;
	type: string;
	subtype: string;
	comment: string;
}

export interface NewResponse {
	campaign_id: number;
	crm_customer_id?: number;
	type?: string;
	subtype?: string;
	comment?: string;
	submitted_by?: string;
	submitted_when?: DateLike;
	/** Only used when crm_customer_id matches no customer. */
	customer_name?: string | null;
}

export interface FaultSpec {
	status?: number;
	retryAfter?: number | string;
	times?: number;
	method?: string;
	path?: string | RegExp;
	kind?: 'malformed' | 'badShape' | 'reset' | 'hang';
	/** Replaces the JSON body of a status fault. */
	body?: unknown;
}

export interface LoggedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	pathWithQuery: string;
	status: number | null;
	authorization: 'token' | 'basic' | 'none' | 'invalid';
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
	at: string;
	clockAt: string;
	fault: 'status' | 'malformed' | 'badShape' | 'reset' | 'hang' | null;
}

export interface SandboxData {
	clients: Client[];
	assignments: Assignment[];
	campaigns: Campaign[];
	customFieldsByAssignment: Map<number, string[]>;
	customersByAssignment: Map<number, CustomerRecord[]>;
	responsesByCampaign: Map<number, ResponseRecord[]>;
}

export interface Sandbox {
	readonly url: string | null;
	readonly port: number | null;
	readonly knobs: SandboxKnobs;
	readonly requests: LoggedRequest[];
	readonly data: SandboxData;
	readonly clock: SandboxClock;
	start(port?: number, host?: string): Promise<{ url: string; port: number }>;
	stop(): Promise<void>;
	configure(changes: Partial<SandboxKnobs>): SandboxKnobs;
	addResponse(response: NewResponse): ResponseRecord;
	addFault(fault: FaultSpec): object;
	clearFaults(): void;
	clearRequests(): void;
	reset(): void;
	state(): object;
}

export declare function createSandbox(options?: SandboxOptions): Sandbox;
