import type { INodeTypeBaseDescription, INodeTypeDescription } from 'n8n-workflow';

import { resources } from './actions/resources';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';
import { describeVersion, executeWith } from '../execution/nodeVersion';

// Checked as an INodeType where HeadshedCube.node.ts lists it among its versions; the icon comes
// from the base description there, since n8n resolves icon files next to that file.
/** Version 1: Cube's generation-1 API (2017): clients, assignments, campaigns, customers, responses. */
export class HeadshedCubeV1 {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = describeVersion(baseDescription, {
			versions: [1],
			description:
				'Read and write clients, assignments, campaigns, customers and responses in Headshed Cube',
			defaultResource: 'response',
			resources,
		});
	}

	methods = { listSearch, loadOptions };

	execute = executeWith(resources, [1]);
}
