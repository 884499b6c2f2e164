import type { INodeTypeBaseDescription, INodeTypeDescription } from 'n8n-workflow';

import { describeVersion, executeWith } from '../execution/nodeVersion';
import { resources } from './actions/resources';
import * as listSearch from './methods/listSearch';

/**
 * 2.1 changes no name and no meaning of a saved node: new nodes get Output "Simplified" and, used
 * as an AI tool, a small Limit; nodes saved as 2 keep their raw records and Limit 50.
 */
export const V2_VERSIONS = [2, 2.1];

// Checked as an INodeType where HeadshedCube.node.ts lists it among its versions; the icon comes
// from the base description there, since n8n resolves icon files next to that file.
/**
 * Version 2: Cube's generation-2 API (2020 on): data owners and their B2C/B2B CRMs, campaigns,
 * customers, custom fields, call outcomes, customer status and product registrations. Read only:
 * generation 2 documents no writes.
 */
export class HeadshedCubeV2 {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = describeVersion(baseDescription, {
			versions: V2_VERSIONS,
			agentDefaultsFrom: 2.1,
			description:
				'Read campaigns, data owners, customers, custom fields, call outcomes, customer status and product registrations in Headshed Cube',
			defaultResource: 'callOutcome',
			resources,
		});
	}

	methods = { listSearch };

	execute = executeWith(resources, V2_VERSIONS);
}
