import type {
	INodeProperties,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from "n8n-workflow";
import { NodeConnectionTypes } from "n8n-workflow";

/** The description of one version of the trigger: what every version shares, and its own parameters. */
export function describeTriggerVersion(
	baseDescription: INodeTypeBaseDescription,
	version: number,
	subtitle: string,
	properties: INodeProperties[],
): INodeTypeDescription {
	return {
		...baseDescription,
		version,
		subtitle,
		defaults: { name: "Headshed Cube Trigger" },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: "headshedCubeApi", required: true }],
		properties,
	};
}
