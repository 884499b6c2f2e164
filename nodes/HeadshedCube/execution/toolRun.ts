import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../transport/nodeError';

/**
 * Whether the node runs as an AI tool (under an AI Agent or an MCP Server Trigger). n8n runs
 * the tool variant of a node type, named after it with "Tool" appended, on every line since
 * 1.x; the same test is n8n's own `@tool` display condition.
 */
export function runsAsTool(node: INode): boolean {
	return node.type.endsWith('Tool');
}

/**
 * A failure as an answer a model can act on: what failed and what to do. n8n 1.x stops an
 * agent's run (Agent v3) or hands the model an empty message (Agent v2.2) when a tool throws.
 */
export function toolErrorAnswer(node: INode, error: unknown, itemIndex: number): IDataObject {
	const nodeError = asNodeError(node, error, itemIndex);
	const hint = typeof nodeError.description === 'string' ? nodeError.description.trim() : '';
	return { error: nodeError.message, ...(hint ? { hint } : {}) };
}

/**
 * Refuses to run a node of a version that this code does not implement. n8n 1.x makes one
 * tool variant per node type, from whichever version a process loads first, and serves it for
 * every version after that; a tool of the other version would then run with parameters read
 * by the wrong version's description.
 */
export function checkServedVersion(this: IExecuteFunctions, versions: number[]): void {
	const node = this.getNode();
	if (versions.includes(node.typeVersion)) return;
	const served = versions.join(' and ');
	throw new NodeOperationError(
		node,
		`This Headshed Cube node is version ${node.typeVersion}, but n8n ran it with the code of version ${served}`,
		{
			description: runsAsTool(node)
				? `n8n 1.x builds one Headshed Cube Tool per process, from whichever version it meets first, and uses it for every version. Use one version for every Headshed Cube tool on this n8n instance (replace the version-${node.typeVersion} tools with new ones), then restart n8n; n8n 2.x keeps the versions apart.`
				: 'Restart n8n; if it persists, report it to the package maintainers.',
		},
	);
}
