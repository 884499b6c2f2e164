import { getManyResource } from '../../../parameters/getManyResource';
import * as getAll from './getAll.operation';

export const assignment = getManyResource(
	'assignment',
	'Assignment',
	{ description: 'List the assignments the credential can see', action: 'Get many assignments' },
	getAll,
);
