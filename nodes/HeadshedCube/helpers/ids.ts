import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Cube's ids are positive integers. Expressions often deliver them as strings ("42"), which is
 * fine; "42a", 4.5 or an empty value would reach the API as a different path, so they are
 * refused before any request.
 */
export function toCubeId(node: INode, value: unknown, label: string, itemIndex: number): number {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!/^\d+$/.test(text) || Number(text) <= 0 || !Number.isSafeInteger(Number(text))) {
		const shown = value === undefined || value === '' ? 'empty' : JSON.stringify(value);
		throw new NodeOperationError(node, `${label} must be a positive whole number (got ${shown})`, {
			itemIndex,
			description: `Enter the ${label} as a positive integer, or map it from a field that holds one.`,
		});
	}
	return Number(text);
}
