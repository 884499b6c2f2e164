import { getManyResource } from '../../../parameters/getManyResource';
import * as getAll from './getAll.operation';

export const callOutcome = getManyResource(
	'callOutcome',
	'Call Outcome',
	{
		description: 'List the call outcomes of a campaign, a CRM or the whole tenant in a date range',
		action: 'Get many call outcomes',
	},
	getAll,
);
