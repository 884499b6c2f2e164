/** A phone number as written, reduced to what identifies it. */
export interface PhoneNumber {
	/** Digits only: after the country code's `+` or `00` where `international`, else without leading zeros. */
	digits: string;
	/** Written with its country code (`+47 …` or `0047 …`). */
	international: boolean;
}

/** Longest country code (ITU E.164): what an international number may have in front of a national one. */
const MAX_COUNTRY_CODE_DIGITS = 3;

/** Shortest national number that is compared by its end (shorter ones only by all their digits). */
const MIN_NATIONAL_DIGITS = 6;

export function parsePhoneNumber(written: string): PhoneNumber {
	const text = written.trim();
	const digits = text.replace(/\D/g, '');
	if (text.startsWith('+')) return { digits, international: true };
	if (digits.startsWith('00')) return { digits: digits.slice(2), international: true };
	return { digits: digits.replace(/^0+/, ''), international: false };
}

/**
 * Whether two written numbers are one: the same digits once spaces, dashes, `+`/`00` and
 * leading zeros are gone, or one written with a country code (`+4795499097`, `004795499097`)
 * and the other without (`95499097`), where the first ends with the second and the extra digits
 * can be a country code (1 to 3 digits). Limit: a national number written with its country
 * code but without `+` or `00` (`4795499097`) matches only itself and the international forms.
 */
export function samePhoneNumber(a: PhoneNumber, b: PhoneNumber): boolean {
	if (!a.digits || !b.digits) return false;
	if (a.digits === b.digits) return true;
	if (a.international === b.international) return false;
	const [withCode, national] = a.international ? [a, b] : [b, a];
	const extra = withCode.digits.length - national.digits.length;
	return (
		extra >= 1 &&
		extra <= MAX_COUNTRY_CODE_DIGITS &&
		national.digits.length >= MIN_NATIONAL_DIGITS &&
		withCode.digits.endsWith(national.digits)
	);
}
