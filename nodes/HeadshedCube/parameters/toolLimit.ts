import type { INodeProperties } from 'n8n-workflow';

import { sinceVersion, untilVersion } from './versionConditions';

/** Limit's default when the node runs as an AI tool: a model reads every record it is given. */
export const TOOL_DEFAULT_LIMIT = 10;

function showing(property: INodeProperties, condition: object): INodeProperties['displayOptions'] {
	return { ...property.displayOptions, show: { ...property.displayOptions?.show, ...condition } };
}

/**
 * Every Limit parameter in three variants, so that only nodes placed from version `from` on and
 * used as a tool (n8n's `@tool` condition: the tool variant of the node type) default to
 * TOOL_DEFAULT_LIMIT; saved nodes and nodes in an ordinary workflow keep the usual default.
 */
export function withToolLimit(properties: INodeProperties[], from: number): INodeProperties[] {
	return properties.flatMap((property) =>
		property.name !== 'limit'
			? [property]
			: [
					{ ...property, displayOptions: showing(property, untilVersion(from)) },
					{ ...property, displayOptions: showing(property, { ...sinceVersion(from), '@tool': [false] }) },
					{
						...property,
						default: TOOL_DEFAULT_LIMIT,
						description: `Max number of results to return. Kept small for an AI model (default ${TOOL_DEFAULT_LIMIT}); raise it when the question needs more.`,
						displayOptions: showing(property, { ...sinceVersion(from), '@tool': [true] }),
					},
				],
	);
}
