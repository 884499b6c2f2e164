/** The standard fields of every Cube customer card, as the API names them. */
export const STANDARD_CUSTOMER_FIELDS = [
	'address_entrance',
	'address_street',
	'address_street_no',
	'birth_date',
	'care_of_name',
	'city',
	'company',
	'country',
	'county',
	'email',
	'gender',
	'municipality',
	'name',
	'need_to_know',
	'phone_1',
	'phone_2',
	'phone_3',
	'zip_code',
	'zone_name',
] as const;

export type StandardCustomerField = (typeof STANDARD_CUSTOMER_FIELDS)[number];

/** Keys of a customer record that are not custom fields: its ids and the standard fields. */
const RESERVED_CUSTOMER_KEYS: ReadonlySet<string> = new Set([
	'id',
	'customer_id',
	'assignment_id',
	...STANDARD_CUSTOMER_FIELDS,
]);

/** Whether a key of a customer record is one of the assignment's own fields. */
export function isCustomFieldKey(key: string): boolean {
	return !RESERVED_CUSTOMER_KEYS.has(key);
}
