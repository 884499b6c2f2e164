// A credential's connection test as n8n runs it for a credential type whose `test` is a request
// (n8n's CredentialsTester): a declarative node type made up on the spot, with the credential
// and one property routed to the test request, run by n8n-core's RoutingNode. The request's
// expressions see `$credentials`, and the credential type's own `authenticate` signs it.
const { RoutingNode } = require('n8n-core');
const { loadPackage, runWorkflow } = require('./engine');

const TEST_NODE_TYPE = 'credentialTest';
const CREDENTIAL_ID = 'credential-under-test';

function credentialTestNodeType(credentialTypeName, testRequest) {
	const nodeType = {
		description: {
			displayName: 'Credential test',
			name: TEST_NODE_TYPE,
			group: ['input'],
			version: 1,
			description: '',
			defaults: { name: 'Credential test' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialTypeName, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: testRequest } }],
		},
		// as n8n's NodeTypes gives a declarative node its execute()
		async execute() {
			return (await new RoutingNode(this, nodeType).runNode()) ?? [];
		},
	};
	return nodeType;
}

/** Runs the connection test of `credentialTypeName` with `data`; resolves to the run's error, if any. */
async function testCredential(credentialTypeName, data) {
	const loader = await loadPackage();
	const { request } = loader.credentialTypes[credentialTypeName].type.test;
	const nodeType = credentialTestNodeType(credentialTypeName, request);
	const nodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const node = {
		id: 'credential-test',
		name: 'Credential test',
		type: TEST_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credentialTypeName]: { id: CREDENTIAL_ID, name: 'Credential under test' } },
	};
	const { error } = await runWorkflow({ nodes: [node], nodeTypes, credentials: { [CREDENTIAL_ID]: data } });
	return { error };
}

module.exports = { testCredential };
