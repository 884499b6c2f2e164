import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { router } from '../actions/router';
import { resources } from './actions/resources';
import { listSearch } from './methods';

/**
 * Version 2: Cube's generation-2 API (2020 on): data owners and their B2C/B2B CRMs, campaigns,
 * customers, custom fields, call outcomes, customer status and product registrations. Read only:
 * generation 2 documents no writes.
 */
// Checked as an INodeType where HeadshedCube.node.ts lists it among its versions; the icon comes
// from the base description there, since n8n resolves icon files next to that file.
export class HeadshedCubeV2 {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = {
			...baseDescription,
			version: 2,
			subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
			description:
				'Read campaigns, data owners, customers, custom fields, call outcomes, customer status and product registrations in Headshed Cube',
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
						{ name: 'Call Outcome', value: 'callOutcome' },
						{ name: 'Campaign', value: 'campaign' },
						{ name: 'Custom Field', value: 'customField' },
						{ name: 'Customer', value: 'customer' },
						{ name: 'Customer Status', value: 'customerStatus' },
						{ name: 'Data Owner', value: 'dataOwner' },
						{ name: 'Product Registration', value: 'productRegistration' },
					],
					default: 'callOutcome',
				},
				...Object.values(resources).flatMap((resource) => resource.description),
			],
		};
	}

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this, resources);
	}
}
