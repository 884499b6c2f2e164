import { getManyResource } from '../../../parameters/getManyResource';
import * as getAll from './getAll.operation';

export const customerStatus = getManyResource(
	'customerStatus',
	'Customer Status',
	{
		description: 'List the current call-flow status of the customers of a campaign or a CRM',
		action: 'Get many customer statuses',
	},
	getAll,
);
