import { datedScopedList } from '../scopedList';
import { simplifiedCallOutcome } from '../simplified';

export const { description, execute, simplify } = datedScopedList({
	resource: 'callOutcome',
	endpoint: 'call_outcomes',
	withAll: true,
	simplify: simplifiedCallOutcome,
	records: 'call outcomes',
});
