import { getManyResource } from '../../../parameters/getManyResource';
import * as getAll from './getAll.operation';

export const callOutcome = getManyResource(
	'callOutcome',
	'Call Outcome',
	{
		description: 'List the call outcomes (customer, outcome, comment, agent, time) of a campaign, a CRM or the whole tenant between two dates; one item per call',
		action: 'Get many call outcomes',
	},
	getAll,
);
