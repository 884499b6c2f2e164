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
import { router } from './router';
import type { CubeResources } from './types';

export interface VersionSpec {
	version: number;
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
	{ version, description, defaultResource, resources }: VersionSpec,
): INodeTypeDescription {
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resourceOptions(resources),
			default: defaultResource,
		},
		...Object.values(resources).flatMap((resource) => resource.description),
	];
	return {
		...baseDescription,
		version,
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

/** The `execute` of a version: the shared router over that version's resources. */
export function executeWith(
	resources: CubeResources,
): (this: IExecuteFunctions) => Promise<INodeExecutionData[][]> {
	return async function (this: IExecuteFunctions) {
		return await router.call(this, resources);
	};
}
