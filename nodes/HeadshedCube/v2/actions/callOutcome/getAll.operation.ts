import { datedScopedList } from '../scopedList';

export const { description, execute } = datedScopedList({
	resource: 'callOutcome',
	endpoint: 'call_outcomes',
	withAll: true,
	records: 'call outcomes',
});
