import type { IExecuteFunctions } from 'n8n-workflow';

/** "Return All" and "Limit" as one number, or undefined for everything. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	if (this.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return Math.max(1, Math.floor(this.getNodeParameter('limit', itemIndex, 50) as number));
}
