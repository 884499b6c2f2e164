import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../transport';
import { ExecutionCache } from './executionCache';
import type { CubeResourceModule } from './types';

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * Runs the chosen operation once per input item, among the `resources` of the node's version.
 * Owns what every operation shares: reading resource and operation per item, pairing each
 * output with its input item, and "Continue On Fail", which turns a failing item into an
 * `{ error }` item and lets the others go on.
 */
export async function router(
	this: IExecuteFunctions,
	resources: Record<string, CubeResourceModule>,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const cache = new ExecutionCache();
	const output: INodeExecutionData[] = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const resource = this.getNodeParameter('resource', itemIndex) as string;
		const operation = this.getNodeParameter('operation', itemIndex) as string;
		const implementation = resources[resource]?.operations[operation];
		try {
			if (!implementation) {
				throw new NodeOperationError(
					this.getNode(),
					`The operation "${operation}" of "${resource}" is not supported`,
					{ itemIndex },
				);
			}
			const result = await implementation.execute.call(this, itemIndex, cache);
			output.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
					itemData: { item: itemIndex },
				}),
			);
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, itemIndex);
			output.push({ json: { error: messageOf(error) }, pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}
