import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeTypeBaseDescription,
	INodeTypeDescription,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { operationSubtitle } from '../parameters/common.descriptions';
import { outputParameters } from '../parameters/output';
import { withToolLimit } from '../parameters/toolLimit';
import { router } from './router';
import type { CubeResources } from './types';

export interface VersionSpec {
	/** The version numbers this description and its code serve. */
	versions: number[];
	/**
	 * From this version on, new nodes are set up for people and AI agents alike: Output
	 * defaults to Simplified and, used as a tool, Limit to a small number. Saved nodes of the
	 * versions before keep returning what they always did. Not given: never.
	 */
	agentDefaultsFrom?: number;
	description: string;
	defaultResource: string;
	resources: CubeResources;
}

/** The Resource dropdown: each resource by its display name, sorted by name. */
function resourceOptions(resources: CubeResources): INodePropertyOptions[] {
	return Object.entries(resources)
		.map(([value, resource]) => ({ name: resource.displayName, value }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The description of one version of the node: what every version shares, and its resources. */
export function describeVersion(
	baseDescription: INodeTypeBaseDescription,
	{ versions, agentDefaultsFrom, description, defaultResource, resources }: VersionSpec,
): INodeTypeDescription {
	const described: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resourceOptions(resources),
			default: defaultResource,
		},
		...Object.entries(resources).flatMap(([name, resource]) => [
			...resource.description,
			...Object.entries(resource.operations)
				.filter(([, operation]) => operation.simplify)
				.flatMap(([operation]) => outputParameters(name, operation, agentDefaultsFrom)),
		]),
	];
	const properties = agentDefaultsFrom === undefined ? described : withToolLimit(described, agentDefaultsFrom);
	return {
		...baseDescription,
		version: versions.length === 1 ? versions[0] : versions,
		subtitle: operationSubtitle(properties),
		description,
		defaults: { name: 'Headshed Cube' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'headshedCubeApi', required: true }],
		properties,
	};
}

/** The `execute` of a version (`versions`: the numbers it serves): the shared router over its resources. */
export function executeWith(
	resources: CubeResources,
	versions: number[],
): (this: IExecuteFunctions) => Promise<INodeExecutionData[][]> {
	return async function (this: IExecuteFunctions) {
		return await router.call(this, resources, versions);
	};
}
