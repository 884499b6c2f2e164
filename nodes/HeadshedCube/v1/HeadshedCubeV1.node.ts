import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resources } from '../actions/resources';
import { router } from '../actions/router';
import { listSearch, loadOptions } from '../methods';

/** Version 1: Cube's generation-1 API (2017): clients, assignments, campaigns, customers, responses. */
// Checked as an INodeType where HeadshedCube.node.ts lists it among its versions; the icon comes
// from the base description there, since n8n resolves icon files next to that file.
export class HeadshedCubeV1 {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = {
			...baseDescription,
			version: 1,
			subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
			description:
				'Read and write clients, assignments, campaigns, customers and responses in Headshed Cube',
			defaults: { name: 'Headshed Cube' },
			usableAsTool: true,
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: 'headshedCubeApi', required: true }],
			properties: [
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
			],
		};
	}

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this, resources);
	}
}
