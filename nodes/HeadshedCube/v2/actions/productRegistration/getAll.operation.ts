import { datedScopedList } from '../scopedList';
import { simplifiedProductRegistration } from '../simplified';

export const { description, execute, simplify } = datedScopedList({
	resource: 'productRegistration',
	endpoint: 'product_registrations',
	withAll: false,
	simplify: simplifiedProductRegistration,
	records: 'product registrations',
});
