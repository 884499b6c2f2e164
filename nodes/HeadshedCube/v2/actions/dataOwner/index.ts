import { getManyResource } from '../../../parameters/getManyResource';
import * as getAll from './getAll.operation';

export const dataOwner = getManyResource(
	'dataOwner',
	'Data Owner',
	{
		description: 'List the data owners and their CRM types, from the campaign list',
		action: 'Get many data owners',
	},
	getAll,
);
