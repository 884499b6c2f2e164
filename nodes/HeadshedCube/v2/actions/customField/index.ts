import { getManyResource } from '../../../parameters/getManyResource';
import * as getAll from './getAll.operation';

export const customField = getManyResource(
	'customField',
	'Custom Field',
	{
		description: 'List the custom fields a CRM defines (ID, label, the record key it fills); one item per field',
		action: 'Get many custom fields',
	},
	getAll,
);
