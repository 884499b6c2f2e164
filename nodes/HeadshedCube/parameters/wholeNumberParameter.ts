import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * A number parameter as a whole number from 1 to `max`. An expression can give anything; what is
 * not a number is refused rather than read as "no limit" or passed on as text.
 */
export function wholeNumberParameter(
	this: IExecuteFunctions,
	name: string,
	label: string,
	fallback: number,
	itemIndex: number,
	max = Number.MAX_SAFE_INTEGER,
): number {
	const value = this.getNodeParameter(name, itemIndex, fallback) as unknown;
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number)) {
		throw new NodeOperationError(this.getNode(), `${label} must be a number (got ${JSON.stringify(value)})`, {
			itemIndex,
			description: `Enter a whole number from 1 to ${max}, or an expression that gives one.`,
		});
	}
	return Math.min(max, Math.max(1, Math.floor(number)));
}
