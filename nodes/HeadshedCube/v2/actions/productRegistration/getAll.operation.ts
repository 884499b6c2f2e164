import { datedScopedList } from '../scopedList';

export const { description, execute } = datedScopedList({
	resource: 'productRegistration',
	endpoint: 'product_registrations',
	withAll: false,
	records: 'product registrations',
});
