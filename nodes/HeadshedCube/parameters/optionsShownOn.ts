import type { INodeParameters, INodeProperties } from 'n8n-workflow';

/**
 * The default of an Options collection: every option of `options` that is on by default. n8n
 * shows a collection's options only once they are in its value, so an option that is on but
 * absent reads "No properties" and cannot be seen, nor turned off, without knowing it is there.
 */
export function optionsShownOn(options: INodeProperties[]): INodeParameters {
	return Object.fromEntries(options.filter((option) => option.default === true).map((option) => [option.name, true]));
}
