import type { IDataObject } from 'n8n-workflow';

import { parsePhoneNumber, samePhoneNumber } from '../../../helpers/phoneNumbers';

export type SearchBy = 'phone' | 'email' | 'name' | 'customerId';

export const SEARCH_BY: readonly SearchBy[] = ['phone', 'email', 'name', 'customerId'];

const PHONE_KEYS = ['crm__standard_info__phone_1', 'crm__standard_info__phone_2', 'crm__standard_info__phone_3'];

/** Text compared without regard to case, Unicode form or runs of white space. */
const folded = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number'
		? String(value).normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase()
		: '';

/** Whether `value` can be searched for by `searchBy`: undefined where it can, else why not. */
export function searchValueProblem(searchBy: SearchBy, value: string): string | undefined {
	if (value.trim() === '') return 'Search Value is empty';
	if (searchBy === 'phone' && parsePhoneNumber(value).digits === '') {
		return `Search Value "${value}" holds no digits, so it is no phone number`;
	}
	return undefined;
}

/**
 * Which customers `value` finds: `phone`, any of the three numbers is the same number
 * (samePhoneNumber); `email`, the whole address, case-insensitive; `name`, the name contains
 * it, case-insensitive; `customerId`, the CRM id exactly.
 */
export function customerMatcher(searchBy: SearchBy, value: string): (customer: IDataObject) => boolean {
	switch (searchBy) {
		case 'phone': {
			const wanted = parsePhoneNumber(value);
			return (customer) =>
				PHONE_KEYS.some((key) => {
					const phone = customer[key];
					return typeof phone === 'string' && samePhoneNumber(wanted, parsePhoneNumber(phone));
				});
		}
		case 'email': {
			const wanted = folded(value);
			return (customer) => folded(customer.crm__standard_info__email) === wanted;
		}
		case 'name': {
			const wanted = folded(value);
			return (customer) => folded(customer.crm__standard_info__name).includes(wanted);
		}
		case 'customerId':
			return (customer) => String(customer.crm__customer_id) === value;
	}
}
