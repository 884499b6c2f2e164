import type { INodeTypeBaseDescription, IVersionedNodeType } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';

import { HeadshedCubeTriggerV1 } from './v1/HeadshedCubeTriggerV1.node';
import { HeadshedCubeTriggerV2 } from './v2/HeadshedCubeTriggerV2.node';

/**
 * Version 1 watches generation-1 campaigns (Cube's 2017 API), version 2 generation 2 (2020 on).
 * Triggers placed from the panel get version 2; saved workflows keep theirs, and its state.
 */
export class HeadshedCubeTrigger extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'Headshed Cube Trigger',
			name: 'headshedCubeTrigger',
			icon: { light: 'file:headshedCube.svg', dark: 'file:headshedCube.dark.svg' },
			group: ['trigger'],
			// n8n's node panel lists this trigger and the Headshed Cube node as one entry and shows the
			// trigger's description for both, above the node's actions too: it has to speak for both.
			description:
				'Read customers, call outcomes and campaigns in Headshed Cube, or start a workflow for every new call outcome',
			// n8n's Docs link adds its query after the codex URL, fragment and all; this one it uses as is
			documentationUrl: 'https://github.com/Headshed/n8n-nodes-headshed-cube#headshed-cube-trigger',
			defaultVersion: 2,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new HeadshedCubeTriggerV1(baseDescription),
			2: new HeadshedCubeTriggerV2(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
