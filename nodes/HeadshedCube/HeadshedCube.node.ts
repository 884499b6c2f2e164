import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { operationSubtitle } from './actions/common.descriptions';
import { resources } from './actions/resources';
import { router } from './actions/router';
import { listSearch, loadOptions } from './methods';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Assignment', value: 'assignment' },
			{ name: 'Campaign', value: 'campaign' },
			{ name: 'Client', value: 'client' },
			{ name: 'Customer', value: 'customer' },
			{ name: 'Response', value: 'response' },
		],
		default: 'response',
	},
	...Object.values(resources).flatMap((resource) => resource.description),
];

export class HeadshedCube implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Headshed Cube',
		name: 'headshedCube',
		icon: { light: 'file:headshedCube.svg', dark: 'file:headshedCube.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description:
			'Read and write clients, assignments, campaigns, customers and responses in Headshed Cube',
		// n8n's Docs link adds its query after the codex URL, fragment and all; this one it uses as is
		documentationUrl: 'https://github.com/Headshed/n8n-nodes-headshed-cube#readme',
		defaults: { name: 'Headshed Cube' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'headshedCubeApi', required: true }],
		properties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
