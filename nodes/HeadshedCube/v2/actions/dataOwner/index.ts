import { getManyResource } from '../../../parameters/getManyResource';
import * as getAll from './getAll.operation';

export const dataOwner = getManyResource(
	'dataOwner',
	'Data Owner',
	{
		description: 'List the data owners and their CRM types (B2C, B2B): the IDs that customer and CRM operations ask for',
		action: 'Get many data owners',
	},
	getAll,
);
