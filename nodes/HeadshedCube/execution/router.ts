import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { shapeOutput } from '../parameters/output';
import { asNodeError } from '../transport/nodeError';
import { explainNotFound, readTenantGeneration, type CubeGeneration } from '../transport/tenantGeneration';
import { ExecutionCache } from './executionCache';
import { forEachIndex } from './itemPool';
import { checkServedVersion, runsAsTool, toolErrorAnswer } from './toolRun';
import type { CubeOperation, CubeResources } from './types';

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

function operationOf(this: IExecuteFunctions, resources: CubeResources, itemIndex: number) {
	const resource = this.getNodeParameter('resource', itemIndex) as string;
	const operation = this.getNodeParameter('operation', itemIndex) as string;
	return { resource, operation, implementation: resources[resource]?.operations[operation] };
}

/** How many items may send at once: the operation of the first item decides. */
function itemsInFlight(this: IExecuteFunctions, implementation: CubeOperation | undefined): number {
	return implementation?.itemsInFlight?.call(this, 0) ?? 1;
}

/**
 * How many items are worked on at once. With several sending, as many again read their
 * parameters meanwhile and wait for a sending slot, so that a slot that frees up is taken by an
 * item ready to send: n8n's expressions then cost no time on the way to Cube.
 */
const itemsStartedAtOnce = (sendingAtOnce: number) => (sendingAtOnce > 1 ? 2 * sendingAtOnce : 1);

/**
 * The error to show for a failed item: a 404 in the words of a generation mismatch where the
 * tenant speaks the other generation. The campaign list that tells is read once per execution,
 * however many items fail.
 */
async function explained(
	this: IExecuteFunctions,
	cache: ExecutionCache,
	generation: CubeGeneration,
	error: unknown,
	itemIndex: number,
): Promise<unknown> {
	return await explainNotFound(this, generation, error, itemIndex, async () =>
		await cache.remember('tenantGeneration', async () => await readTenantGeneration(this, itemIndex)),
	);
}

/** One input item: its output items, paired with it, or its `{ error }` item on Continue On Fail. */
async function runItem(
	this: IExecuteFunctions,
	resources: CubeResources,
	generation: CubeGeneration,
	itemIndex: number,
	cache: ExecutionCache,
): Promise<INodeExecutionData[]> {
	const { resource, operation, implementation } = operationOf.call(this, resources, itemIndex);
	try {
		if (!implementation) {
			throw new NodeOperationError(
				this.getNode(),
				`The operation "${operation}" of "${resource}" is not supported`,
				{ itemIndex },
			);
		}
		const result = await implementation.execute.call(this, itemIndex, cache);
		const records: IDataObject[] = Array.isArray(result) ? result : [result];
		const shaped = implementation.simplify
			? shapeOutput.call(this, itemIndex, records, implementation.simplify)
			: records;
		return this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(shaped), {
			itemData: { item: itemIndex },
		});
	} catch (thrown) {
		const error = await explained.call(this, cache, generation, thrown, itemIndex);
		// A model reads the failure and may try again with other input; a workflow stops.
		if (runsAsTool(this.getNode())) {
			return [{ json: toolErrorAnswer(this.getNode(), error, itemIndex), pairedItem: { item: itemIndex } }];
		}
		if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, itemIndex);
		return [{ json: { error: messageOf(error) }, pairedItem: { item: itemIndex } }];
	}
}

/**
 * Runs the chosen operation once per input item, among the `resources` of the node's version
 * (`versions`: the version numbers that code implements). Owns what every operation shares:
 * reading resource and operation per item, working on several items at once where the
 * operation allows it (outputs stay in input order), the Output option, pairing each output
 * with its input item, and "Continue On Fail", which turns a failing item into an `{ error }`
 * item and lets the others go on. Run as an AI tool, a failing item becomes an
 * `{ error, hint }` item for the model, whatever "On Error" says.
 */
export async function router(
	this: IExecuteFunctions,
	resources: CubeResources,
	versions: number[],
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	try {
		checkServedVersion.call(this, versions);
	} catch (error) {
		if (!runsAsTool(this.getNode())) throw asNodeError(this.getNode(), error);
		return [items.map((_, item) => ({ json: toolErrorAnswer(this.getNode(), error, item), pairedItem: { item } }))];
	}
	const outputs: INodeExecutionData[][] = [];
	// version 1 speaks generation 1 of Cube's API, versions 2 and 2.x generation 2
	const generation: CubeGeneration = Math.min(...versions) < 2 ? 1 : 2;
	const inFlight = items.length > 1 ? itemsInFlight.call(this, operationOf.call(this, resources, 0).implementation) : 1;
	const cache = new ExecutionCache({ sendingAtOnce: inFlight, failureEndsExecution: !this.continueOnFail() });
	await forEachIndex(items.length, itemsStartedAtOnce(inFlight), async (itemIndex) => {
		outputs[itemIndex] = await runItem.call(this, resources, generation, itemIndex, cache);
	});
	return [outputs.flat()];
}
