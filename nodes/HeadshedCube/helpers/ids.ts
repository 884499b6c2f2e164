import type { IExecuteFunctions, ILoadOptionsFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Cube's ids are positive integers. Expressions often deliver them as strings ("42"), which is
 * fine; "42a", 4.5 or an empty value would reach the API as a different path: not an id.
 */
export function parseCubeId(value: unknown): number | undefined {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	const id = Number(text);
	return /^\d+$/.test(text) && id > 0 && Number.isSafeInteger(id) ? id : undefined;
}

/** A Cube id, or an error naming `label` that is thrown before any request. */
export function toCubeId(node: INode, value: unknown, label: string, itemIndex: number): number {
	const id = parseCubeId(value);
	if (id === undefined) {
		const shown = value === undefined || value === '' ? 'empty' : JSON.stringify(value);
		throw new NodeOperationError(node, `${label} must be a positive whole number (got ${shown})`, {
			itemIndex,
			description: `Enter the ${label} as a positive integer, or map it from a field that holds one.`,
		});
	}
	return id;
}

/** An item's Cube id from a parameter: a resource locator in whichever mode, or a number. */
export function readCubeId(this: IExecuteFunctions, parameter: string, label: string, itemIndex: number): number {
	const value = this.getNodeParameter(parameter, itemIndex, undefined, { extractValue: true });
	return toCubeId(this.getNode(), value, label, itemIndex);
}

export function readAssignmentId(this: IExecuteFunctions, itemIndex: number): number {
	return readCubeId.call(this, 'assignmentId', 'Assignment ID', itemIndex);
}

export function readCampaignId(this: IExecuteFunctions, itemIndex: number): number {
	return readCubeId.call(this, 'campaignId', 'Campaign ID', itemIndex);
}

/** The customer's id in the user's own CRM (Cube's customer_id). */
export function readCustomerId(this: IExecuteFunctions, itemIndex: number): number {
	return readCubeId.call(this, 'customerId', 'Customer ID', itemIndex);
}

/** The assignment chosen so far, while the editor fills a dropdown; undefined until it is an id. */
export function currentAssignmentId(this: ILoadOptionsFunctions): number | undefined {
	return parseCubeId(this.getCurrentNodeParameter('assignmentId', { extractValue: true }));
}
