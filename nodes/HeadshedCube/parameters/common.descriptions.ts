import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** A searchable list of `searchMethod`, or an id typed by hand. */
export function idLocator(
	name: string,
	displayName: string,
	searchMethod: string,
	placeholder: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: searchMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder,
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'Enter a whole number' },
					},
				],
			},
		],
	};
}

export const assignmentLocator = idLocator('assignmentId', 'Assignment', 'searchAssignments', 'e.g. 9');

export const campaignLocator: INodeProperties = {
	...idLocator('campaignId', 'Campaign', 'searchCampaigns', 'e.g. 101'),
	description: 'The campaign: its ID, a whole number, as Campaign → Get Many lists it',
};

export const returnAllAndLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** The operation dropdown of one resource. */
export function operationSelector(
	resource: string,
	options: INodePropertyOptions[],
	defaultOperation = options[0].value,
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
}

/**
 * The canvas subtitle: the picked operation and resource by the names the user chose them by
 * ("Create or Update: Customer"), not their values. The editor evaluates the subtitle as an
 * expression, so the names go in as a lookup table keyed "resource:operation".
 */
export function operationSubtitle(properties: INodeProperties[]): string {
	const names: Record<string, string> = {};
	const resource = properties.find((property) => property.name === 'resource');
	for (const option of (resource?.options ?? []) as INodePropertyOptions[]) {
		const selector = properties.find(
			(property) =>
				property.name === 'operation' && property.displayOptions?.show?.resource?.includes(option.value),
		);
		for (const operation of (selector?.options ?? []) as INodePropertyOptions[]) {
			names[`${option.value}:${operation.value}`] = `${operation.name}: ${option.name}`;
		}
	}
	// A flat table holds no "}}", which would end the expression early.
	return `={{ (${JSON.stringify(names)})[$parameter["resource"] + ":" + $parameter["operation"]] ?? $parameter["operation"] + ": " + $parameter["resource"] }}`;
}
