// The node as n8n runs it under an AI Agent or an MCP Server Trigger: its tool variant, a node
// type named after it with "Tool" appended (what n8n's `@tool` display condition and the node's
// own check look at), run by n8n's engine like any node.
const { CUBE_NODE_TYPE, cubeNode } = require('./cubeWorkflow');
const { loadPackage, PackageNodeTypes, runWorkflow } = require('./engine');

const CUBE_TOOL_TYPE = `${CUBE_NODE_TYPE}Tool`;

/**
 * This package's node types plus their tool variants, made as n8n makes them (a clone of the
 * version's node type whose description is renamed). `cacheByName`: keep one tool variant per
 * node type, whichever version asked first, as n8n 1.x does; else one per version, as 2.x does.
 */
class ToolNodeTypes extends PackageNodeTypes {
	constructor(loader, { cacheByName = false } = {}) {
		super(loader);
		this.cacheByName = cacheByName;
		this.tools = new Map();
	}

	getByNameAndVersion(type, version) {
		if (!type.endsWith('Tool')) return super.getByNameAndVersion(type, version);
		const key = this.cacheByName ? type : `${type}@${version}`;
		if (!this.tools.has(key)) {
			const base = super.getByNameAndVersion(type.replace(/Tool$/, ''), version);
			const description = Object.create(base.description, { name: { value: `${base.description.name}Tool` } });
			this.tools.set(key, Object.create(base, { description: { value: description } }));
		}
		return this.tools.get(key);
	}
}

/**
 * Runs the Cube node's tool variant once with `parameters`; `nodeTypes` (a ToolNodeTypes) may be
 * shared between runs, as one n8n process shares them.
 */
async function runCubeTool(parameters, { credential, typeVersion, nodeTypes, items } = {}) {
	const node = { ...cubeNode(parameters, { typeVersion, name: 'Cube Tool' }), type: CUBE_TOOL_TYPE };
	const { outputs, error } = await runWorkflow({
		nodes: [node],
		items: items ?? [{ json: {} }],
		credentials: { 'cube-sandbox': credential },
		nodeTypes: nodeTypes ?? new ToolNodeTypes(await loadPackage()),
	});
	return { json: (outputs[node.name] ?? []).map((item) => item.json), error };
}

module.exports = { CUBE_TOOL_TYPE, ToolNodeTypes, runCubeTool };
