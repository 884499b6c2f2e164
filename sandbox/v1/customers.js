'use strict';

const { parseIsoDate } = require('../time/dates');

const STANDARD_FIELDS = [
	'name', 'gender', 'birth_date', 'need_to_know', 'care_of_name', 'zone_name', 'address_street',
	'address_street_no', 'address_entrance', 'zip_code', 'city', 'municipality', 'county', 'country',
	'phone_1', 'phone_2', 'phone_3', 'email', 'company',
];
const ID_FIELDS = ['assignment_id', 'customer_id'];

const BIRTH_DATE_FORMAT = 'Date has wrong format. Use one of these formats instead: YYYY-MM-DD.';

/** A record in the API's key order: ids, standard fields, then the assignment's custom fields. */
function customerRecord({ id, customerId, assignmentId, customFields }, values = {}) {
	// One literal rather than a loop: V8 builds it from a single shape, which keeps seeding fast.
	const record = {
		id,
		customer_id: customerId,
		assignment_id: assignmentId,
		name: values.name ?? null,
		gender: values.gender ?? null,
		birth_date: values.birth_date ?? null,
		need_to_know: values.need_to_know ?? null,
		care_of_name: values.care_of_name ?? null,
		zone_name: values.zone_name ?? null,
		address_street: values.address_street ?? null,
		address_street_no: values.address_street_no ?? null,
		address_entrance: values.address_entrance ?? null,
		zip_code: values.zip_code ?? null,
		city: values.city ?? null,
		municipality: values.municipality ?? null,
		county: values.county ?? null,
		country: values.country ?? null,
		phone_1: values.phone_1 ?? null,
		phone_2: values.phone_2 ?? null,
		phone_3: values.phone_3 ?? null,
		email: values.email ?? null,
		company: values.company ?? null,
	};
	for (const field of customFields) record[field] = values[field] ?? null;
	return record;
}

// Python type names, because the messages imitate Django REST Framework.
function pythonTypeName(value) {
	if (value === null) return 'NoneType';
	if (Array.isArray(value)) return 'list';
	if (typeof value === 'string') return 'str';
	if (typeof value === 'boolean') return 'bool';
	if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
	return 'dict';
}

function integerValue(value) {
	if (typeof value === 'number' && Number.isInteger(value)) return value;
	if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
	return null;
}

function checkIdField(body, field, expected, errors) {
	if (!(field in body)) errors[field] = ['This field is required.'];
	else if (body[field] === null) errors[field] = ['This field may not be null.'];
	else if (integerValue(body[field]) === null) errors[field] = ['A valid integer is required.'];
	else if (integerValue(body[field]) !== expected) errors[field] = ['Does not match the URL.'];
}

function stringValue(value) {
	if (value === null || typeof value === 'string') return { value };
	if (typeof value === 'number' || typeof value === 'boolean') return { value: String(value) };
	return { error: 'Not a valid string.' };
}

function standardValue(field, value) {
	if (field === 'birth_date') {
		if (value === null || value === '') return { value: null };
		return typeof value === 'string' && parseIsoDate(value) ? { value } : { error: BIRTH_DATE_FORMAT };
	}
	if (field === 'name') {
		if (value === null) return { error: 'This field may not be null.' };
		if (typeof value === 'string' && value.trim() === '') return { error: 'This field may not be blank.' };
	}
	return stringValue(value);
}

// Custom fields hold whatever the assignment's import put there: strings, numbers, dates as text.
function customValue(value) {
	if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return { value };
	return { error: 'Not a valid string.' };
}

/**
 * Checks a PUT/POST body against the rules of the customer endpoints.
 * Returns { errors } (DRF-style field => messages) or { changes } (normalized values to store).
 */
function validateCustomerBody(body, { assignmentId, customerId, customFields, creating }) {
	if (body === null || typeof body !== 'object' || Array.isArray(body)) {
		return { errors: { non_field_errors: [`Invalid data. Expected a dictionary, but got ${pythonTypeName(body)}.`] } };
	}
	const errors = {};
	checkIdField(body, 'assignment_id', assignmentId, errors);
	checkIdField(body, 'customer_id', customerId, errors);
	if (creating && !('name' in body)) errors.name = ['This field is required.'];
	const changes = {};
	for (const [field, raw] of Object.entries(body)) {
		if (field === 'id' || ID_FIELDS.includes(field)) continue;
		let result;
		if (STANDARD_FIELDS.includes(field)) result = standardValue(field, raw);
		else if (customFields.includes(field)) result = customValue(raw);
		else result = { error: 'Unknown field.' };
		if (result.error) errors[field] = [result.error];
		else changes[field] = result.value;
	}
	return Object.keys(errors).length > 0 ? { errors } : { changes };
}

module.exports = { STANDARD_FIELDS, customerRecord, validateCustomerBody };
