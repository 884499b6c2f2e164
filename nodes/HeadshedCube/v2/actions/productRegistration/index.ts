import { getManyResource } from '../../../parameters/getManyResource';
import * as getAll from './getAll.operation';

export const productRegistration = getManyResource(
	'productRegistration',
	'Product Registration',
	{
		description: 'List the products sold in calls of a campaign or a CRM between two dates (product, price, customer, agent); one item per registration',
		action: 'Get many product registrations',
	},
	getAll,
);
