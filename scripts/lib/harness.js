// Driving a real n8n and the Cube sandbox as separate processes, for the e2e runner, the
// benchmark and scripts/start.sh. Each part has a module of its own in this folder; this one
// gathers them for callers that want them all. Loopback only; every wait has a deadline.
'use strict';
const { credentialRecords, sandboxCredentialRecords, CREDENTIAL_ID, CREDENTIAL_NAME, GEN2_CREDENTIAL_ID, GEN2_CREDENTIAL_NAME } = require('./workflows');
const { emptyFolder } = require('./folders');
const { n8n, importCredentials, importWorkflows, importWorkflowList, activateWorkflow, parseRun } = require('./n8n-cli');
const { OWNER, waitForN8n, startN8n, N8nRest } = require('./n8n-server');
const { packPackage, installPackage, installIntoEmptyUserFolder } = require('./package');
const { sleep, run, stopAll, spawnGroup, stopGroup, runInGroup } = require('./processes');
const { SANDBOX_TOKEN, sandboxControl, cubeReader, startSandbox, todayAtNoonUtc } = require('./sandbox-client');

module.exports = {
	SANDBOX_TOKEN,
	CREDENTIAL_ID,
	CREDENTIAL_NAME,
	GEN2_CREDENTIAL_ID,
	GEN2_CREDENTIAL_NAME,
	sandboxCredentialRecords,
	OWNER,
	sleep,
	run,
	stopAll,
	spawnGroup,
	stopGroup,
	runInGroup,
	startSandbox,
	sandboxControl,
	cubeReader,
	todayAtNoonUtc,
	packPackage,
	installPackage,
	installIntoEmptyUserFolder,
	emptyFolder,
	credentialRecords,
	n8n,
	importCredentials,
	importWorkflows,
	importWorkflowList,
	activateWorkflow,
	parseRun,
	waitForN8n,
	startN8n,
	N8nRest,
};
