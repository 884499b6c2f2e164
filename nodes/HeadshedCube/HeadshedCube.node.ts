import type { INodeTypeBaseDescription, IVersionedNodeType } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';

import { HeadshedCubeV1 } from './v1/HeadshedCubeV1.node';
import { HeadshedCubeV2 } from './v2/HeadshedCubeV2.node';

/**
 * Version 1 speaks Cube's generation-1 API (2017), version 2 generation 2 (2020 on); 2.1 is
 * version 2 with defaults for AI agents (Output "Simplified", a small Limit as a tool). Nodes
 * placed from the panel get 2.1; saved workflows keep the version they were built with.
 */
export class HeadshedCube extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'Headshed Cube',
			name: 'headshedCube',
			icon: { light: 'file:headshedCube.svg', dark: 'file:headshedCube.dark.svg' },
			group: ['transform'],
			description: 'Read customers, call outcomes and campaigns in Headshed Cube',
			// n8n's Docs link adds its query after the codex URL, fragment and all; this one it uses as is
			documentationUrl: 'https://github.com/Headshed/n8n-nodes-headshed-cube#readme',
			defaultVersion: 2.1,
		};
		const v2 = new HeadshedCubeV2(baseDescription);
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new HeadshedCubeV1(baseDescription),
			2: v2,
			2.1: v2,
		};
		super(nodeVersions, baseDescription);
	}
}
