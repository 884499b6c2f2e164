// Reading a node description as the editor does: which parameters an operation shows.

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

module.exports = { parametersOf };
