// Invariants of the versioned trigger as n8n's loader reads it: version 2 by default, version 1
// as it was, version 2's contract names and defaults, and its campaign list from the API.
const { NodeHelpers } = require('n8n-workflow');
const { loadPackage } = require('./support/engine');

let versioned;
beforeAll(async () => {
	const loader = await loadPackage();
	versioned = loader.nodeTypes.headshedCubeTrigger.type;
});

const describedAs = (version) => NodeHelpers.getVersionedNodeType(versioned, version).description;
const property = (version, name) => describedAs(version).properties.filter((p) => p.name === name);
const valuesOf = (parameter) => parameter.options.map((option) => option.value);

test('one trigger type with versions 1 and 2; new triggers get version 2', () => {
	expect(versioned.description).toEqual(expect.objectContaining({ name: 'headshedCubeTrigger', defaultVersion: 2, group: ['trigger'] }));
	expect(Object.keys(versioned.nodeVersions).map(Number).sort()).toEqual([1, 2]);
	expect(NodeHelpers.getVersionedNodeType(versioned).description.version).toBe(2);
	for (const version of [1, 2]) {
		expect(describedAs(version)).toEqual(expect.objectContaining({ version, polling: true, inputs: [] }));
		expect(describedAs(version).credentials).toEqual([{ name: 'headshedCubeApi', required: true }]);
	}
});

test('version 1 keeps its parameters: event newResponse and the campaigns to watch; options.fullReadMinutes adds the full read\'s interval', () => {
	// n8n's loader adds the poll times to every polling trigger.
	const own = describedAs(1).properties.filter((p) => p.name !== 'pollTimes');
	expect(own.map((p) => [p.name, p.type, p.default])).toEqual([
		['event', 'options', 'newResponse'],
		['campaignIds', 'multiOptions', []],
		['options', 'collection', {}],
	]);
	expect(property(1, 'options')[0].options).toEqual([expect.objectContaining({ name: 'fullReadMinutes', type: 'number', default: 60 })]);
	expect(valuesOf(property(1, 'event')[0])).toEqual(['newResponse']);
});

test("version 2's contract names: event, scope per event, campaigns, the CRM, options.customFieldLabels and options.fullReadMinutes", () => {
	const [event] = property(2, 'event');
	expect(valuesOf(event)).toEqual(['newCallOutcome', 'newProductRegistration']);
	expect(event.default).toBe('newCallOutcome');
	const scopes = Object.fromEntries(property(2, 'scope').map((p) => [p.displayOptions.show.event[0], p]));
	expect(valuesOf(scopes.newCallOutcome)).toEqual(['campaigns', 'crm', 'all']);
	expect(valuesOf(scopes.newProductRegistration)).toEqual(['campaigns', 'crm']);
	expect(Object.values(scopes).map((p) => p.default)).toEqual(['campaigns', 'campaigns']);
	const [campaignIds] = property(2, 'campaignIds');
	expect(campaignIds).toEqual(expect.objectContaining({ type: 'multiOptions', default: [], displayOptions: { show: { scope: ['campaigns'] } } }));
	expect(campaignIds.typeOptions.loadOptionsMethod).toBe('getActiveCampaigns');
	for (const name of ['dataOwnerId', 'crmType']) expect(property(2, name)[0].displayOptions).toEqual({ show: { scope: ['crm'] } });
	expect(property(2, 'crmType')[0].options.map((o) => o.value).sort()).toEqual(['B2B', 'B2C']);
	const [options] = property(2, 'options');
	expect(options.options).toEqual([
		expect.objectContaining({ name: 'customFieldLabels', type: 'boolean', default: true }),
		expect.objectContaining({ name: 'fullReadMinutes', type: 'number', default: 60 }),
	]);
	// shown in the editor, where it can be turned off: an option left out of the value reads "No properties"
	expect(options.default).toEqual({ customFieldLabels: true });
	const version2 = NodeHelpers.getVersionedNodeType(versioned, 2);
	expect(typeof version2.methods.loadOptions.getActiveCampaigns).toBe('function');
	expect(typeof version2.methods.listSearch.searchDataOwners).toBe('function');
});
