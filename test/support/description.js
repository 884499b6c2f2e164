// Reading a node description as the editor does, and the invariants every version of the node keeps.

function shownFor(property, resource, operation) {
	const show = property.displayOptions?.show ?? {};
	return (!show.resource || show.resource.includes(resource)) && (!show.operation || show.operation.includes(operation));
}

/** The parameters `node` shows for one operation, besides resource and operation. */
function parametersOf(node, resource, operation) {
	return node.description.properties.filter(
		(p) => !['resource', 'operation'].includes(p.name) && shownFor(p, resource, operation) && p.displayOptions?.show?.operation,
	);
}

/** Fails unless a parameter's default is one it can take, and its dropdown method exists, down into collections. */
function expectValidDefault(node, property) {
	if (property.type === 'options' && property.typeOptions?.loadOptionsMethod) expect(property.default).toBe('');
	else if (property.type === 'options') expect(property.options.map((o) => o.value)).toContain(property.default);
	if (property.type === 'boolean') expect(typeof property.default).toBe('boolean');
	if (property.type === 'number') expect(typeof property.default).toBe('number');
	if (property.type === 'collection') (property.options ?? []).forEach((option) => expectValidDefault(node, option));
	if (property.type === 'fixedCollection') property.options.forEach((o) => o.values.forEach((value) => expectValidDefault(node, value)));
	if (property.typeOptions?.loadOptionsMethod) expect(typeof node.methods.loadOptions[property.typeOptions.loadOptionsMethod]).toBe('function');
}

/**
 * The tests every version of the node passes against its table of public names
 * ({ resource: { operation: [parameter names] } }): saved workflows refer to those names.
 * `nodeOf()` gives the version's node once it is loaded; `resources` its resource map.
 */
function describePublicNames(nodeOf, publicParameters, resources) {
	test('every resource and operation of the table is offered and implemented, nothing else', () => {
		const { properties } = nodeOf().description;
		const resourceOption = properties.find((p) => p.name === 'resource');
		expect(resourceOption.options.map((o) => o.value).sort()).toEqual(Object.keys(publicParameters).sort());
		for (const [resource, operations] of Object.entries(publicParameters)) {
			const selectors = properties.filter((p) => p.name === 'operation' && p.displayOptions.show.resource.includes(resource));
			expect(selectors).toHaveLength(1);
			expect(selectors[0].options.map((o) => o.value).sort()).toEqual(Object.keys(operations).sort());
			expect(Object.keys(operations)).toContain(selectors[0].default);
			for (const operation of Object.keys(operations)) expect(typeof resources[resource].operations[operation].execute).toBe('function');
		}
	});

	const rows = Object.entries(publicParameters).flatMap(([r, ops]) => Object.entries(ops).map(([o, names]) => [r, o, names]));
	test.each(rows)('%s %s has exactly its public parameters', (resource, operation, names) => {
		// A parameter may come in variants of one name (defaults by version, or for AI tools).
		const shown = new Set(parametersOf(nodeOf(), resource, operation).map((p) => p.name));
		expect([...shown].sort()).toEqual([...names].sort());
	});

	test('defaults are valid, locators offer a list backed by a real method and an id, nothing is unscoped', () => {
		const node = nodeOf();
		for (const property of node.description.properties) {
			expectValidDefault(node, property);
			if (property.name !== 'resource') expect(property.displayOptions?.show?.resource?.length).toBeGreaterThan(0);
			if (property.type === 'resourceLocator') {
				expect(property.modes.map((m) => m.name)).toEqual(['list', 'id']);
				expect(typeof node.methods.listSearch[property.modes[0].typeOptions.searchListMethod]).toBe('function');
			}
		}
	});
}

module.exports = { describePublicNames, expectValidDefault, parametersOf };
