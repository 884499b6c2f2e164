import { getManyResource } from '../../../parameters/getManyResource';
import * as getAll from './getAll.operation';

export const campaign = getManyResource(
	'campaign',
	'Campaign',
	{
		description: 'List the campaigns with their IDs, data owner and CRM type; one item per campaign',
		action: 'Get many campaigns',
	},
	getAll,
);
