import { getManyResource } from '../../../parameters/getManyResource';
import * as getAll from './getAll.operation';

export const productRegistration = getManyResource(
	'productRegistration',
	'Product Registration',
	{
		description: 'List the products registered in a campaign or a CRM in a date range',
		action: 'Get many product registrations',
	},
	getAll,
);
