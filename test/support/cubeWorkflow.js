// Builds one-node workflows around the Headshed Cube node and runs them in n8n's engine.
const { NODE_TYPE: CUBE_NODE_TYPE, byId: idLocator, cubeNode: workflowCubeNode } = require('../../scripts/lib/workflows');
const { runWorkflow } = require('./engine');

const CREDENTIAL_ID = 'cube-sandbox';

function cubeNode(parameters, { name = 'Headshed Cube', continueOnFail = false, position = [0, 0], typeVersion = 1 } = {}) {
	return {
		...workflowCubeNode({ id: name, name, parameters, position, typeVersion, credentialId: CREDENTIAL_ID }),
		...(continueOnFail ? { onError: 'continueRegularOutput' } : {}),
	};
}

/**
 * Runs the Cube node once with `parameters` over `items`, against the credential data given.
 * Returns its output items (json only, plus pairing) and the run's error.
 */
async function runCube(parameters, { credential, items, timezone, continueOnFail, typeVersion } = {}) {
	const node = cubeNode(parameters, { continueOnFail, typeVersion });
	const { outputs, error, run } = await runWorkflow({
		nodes: [node],
		settings: timezone ? { timezone } : {},
		items: items ?? [{ json: {} }],
		credentials: { [CREDENTIAL_ID]: credential },
	});
	const output = outputs[node.name] ?? [];
	return {
		json: output.map((item) => item.json),
		paired: output.map((item) => item.pairedItem),
		error,
		run,
	};
}

module.exports = { CUBE_NODE_TYPE, cubeNode, idLocator, runCube };
