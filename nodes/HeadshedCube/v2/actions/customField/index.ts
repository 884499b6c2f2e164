import { getManyResource } from '../../../parameters/getManyResource';
import * as getAll from './getAll.operation';

export const customField = getManyResource(
	'customField',
	'Custom Field',
	{
		description: 'List the custom field definitions of a CRM',
		action: 'Get many custom fields',
	},
	getAll,
);
