import { getManyResource } from '../../../parameters/getManyResource';
import * as getAll from './getAll.operation';

export const customerStatus = getManyResource(
	'customerStatus',
	'Customer Status',
	{
		description: 'List where each customer of a campaign or a CRM stands in the call flow (call state, attempts, last change); one item per customer',
		action: 'Get many customer statuses',
	},
	getAll,
);
