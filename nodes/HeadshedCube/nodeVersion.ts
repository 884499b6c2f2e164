import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeTypeBaseDescription,
	INodeTypeDescription,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { operationSubtitle } from './actions/common.descriptions';
import { router } from './actions/router';
import type { CubeResourceModule } from './actions/types';

export interface VersionSpec {
	version: number;
	description: string;
	/** The resource dropdown, sorted by name. */
	resourceOptions: INodePropertyOptions[];
	defaultResource: string;
	resources: Record<string, CubeResourceModule>;
}

/** The description of one version of the node: what every version shares, and its resources. */
export function describeVersion(
	baseDescription: INodeTypeBaseDescription,
	{ version, description, resourceOptions, defaultResource, resources }: VersionSpec,
): INodeTypeDescription {
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resourceOptions,
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
	resources: Record<string, CubeResourceModule>,
): (this: IExecuteFunctions) => Promise<INodeExecutionData[][]> {
	return async function (this: IExecuteFunctions) {
		return await router.call(this, resources);
	};
}
