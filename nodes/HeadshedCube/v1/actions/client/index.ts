import { getManyResource } from '../../../parameters/getManyResource';
import * as getAll from './getAll.operation';

export const client = getManyResource(
	'client',
	'Client',
	{ description: 'List the clients that own assignments', action: 'Get many clients' },
	getAll,
);
