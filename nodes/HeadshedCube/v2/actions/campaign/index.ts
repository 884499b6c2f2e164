import { getManyResource } from '../../../parameters/getManyResource';
import * as getAll from './getAll.operation';

export const campaign = getManyResource(
	'campaign',
	'Campaign',
	{
		description: 'List the campaigns, active ones or all',
		action: 'Get many campaigns',
	},
	getAll,
);
