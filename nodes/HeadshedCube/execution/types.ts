import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Simplifier } from '../helpers/simplify';
import type { ExecutionCache } from './executionCache';

/** One operation of one resource: its parameters, and what it does for one input item. */
export interface CubeOperation {
	description: INodeProperties[];
	execute(
		this: IExecuteFunctions,
		itemIndex: number,
		cache: ExecutionCache,
	): Promise<IDataObject | IDataObject[]>;
	/**
	 * How many input items may send to Cube at once; without it, one after another. An operation
	 * that has it sends through `cache.sending`, which holds that bound.
	 */
	itemsInFlight?(this: IExecuteFunctions, itemIndex: number): number;
	/**
	 * The operation's simplified record (Output "Simplified"); an operation that has it offers
	 * the Output option, applied by the router to whatever `execute` returns.
	 */
	simplify?: Simplifier;
}

export interface CubeResourceModule {
	/** Its name in the Resource dropdown. */
	displayName: string;
	description: INodeProperties[];
	operations: Record<string, CubeOperation>;
}

/** The resources of one version of the node, by the value the Resource parameter takes. */
export type CubeResources = Record<string, CubeResourceModule>;
