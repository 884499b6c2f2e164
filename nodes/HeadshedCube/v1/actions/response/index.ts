import { getManyResource } from '../../../parameters/getManyResource';
import * as getAll from './getAll.operation';

export const response = getManyResource(
	'response',
	'Response',
	{ description: "List a campaign's responses (call outcomes) in a date range", action: 'Get many responses' },
	getAll,
);
