'use strict';

const { createRandom } = require('../seeding/prng');
const { customerRecord } = require('./customers');
const { HOUR_MS, DAY_MS, calendarDate, zonedDayStart, addDays, formatMicros } = require('../time/dates');
const words = require('../seeding/norway');

// The service is Norwegian: seeded call times follow Oslo office hours whatever the timeZone knob says.
const SEED_ZONE = 'Europe/Oslo';
const RESPONSE_WINDOW_DAYS = 42;
const BENCHMARK_ASSIGNMENT_ID = 9;

const CLIENTS = [
	{ client_id: 1, client_name: 'Nordlys Energi AS' },
	{ client_id: 2, client_name: 'Fjordbank ASA' },
	{ client_id: 3, client_name: 'Vestland Forsikring' },
	{ client_id: 4, client_name: 'Trøndelag Telekom' },
];

// customers: a fixed count, or [min, max] drawn from the seed.
const ASSIGNMENTS = [
	{ id: 9, name: 'Kundeservice Privat', clientId: 1, business: false, customers: 10000,
		fields: ['gen info 1', 'Oppstartsdato', 'Antall år'] },
	{ id: 12, name: 'Bedrift Mersalg', clientId: 1, business: true, customers: [150, 1500],
		fields: ['Kundetype', 'Bransje / segment', 'Antall ansatte', 'Siste kjøp'] },
	{ id: 15, name: 'Boliglån Oppfølging', clientId: 2, business: false, customers: [150, 1500],
		fields: ['Kundetype', 'Lånebeløp', 'Ønsket kontakttid'] },
	{ id: 21, name: 'Skadeforsikring Fornyelse', clientId: 3, business: false, customers: [150, 1500],
		fields: ['Polisenummer', 'Fornyelsesdato', 'Ønsket kontakttid'] },
	{ id: 27, name: 'Mobil Bedrift', clientId: 4, business: true, customers: [150, 1500],
		fields: ['Bransje / segment', 'Antall abonnement'] },
	{ id: 33, name: 'Bredbånd Privat', clientId: 4, business: false, customers: [150, 1500],
		fields: ['gen info 1', 'Siste kjøp', 'Ønsket kontakttid'] },
];

// schedule: 'open' (no end date), 'ending' (ends in the future), 'new' (started inside the
// response window), 'inactive' (ended a few days before the clock's start).
const CAMPAIGNS = [
	{ id: 101, name: 'Vinterkampanje strøm', assignmentId: 9, schedule: 'open' },
	{ id: 102, name: 'Fastpris-tilbud 2 år', assignmentId: 9, schedule: 'ending' },
	{ id: 103, name: 'Grønn energi høst', assignmentId: 9, schedule: 'inactive' },
	{ id: 104, name: 'Mersalg solceller bedrift', assignmentId: 12, schedule: 'ending' },
	{ id: 105, name: 'Refinansiering vår', assignmentId: 15, schedule: 'open' },
	{ id: 106, name: 'Rentevarsel boliglån', assignmentId: 15, schedule: 'inactive' },
	{ id: 107, name: 'Fornyelse bilforsikring', assignmentId: 21, schedule: 'ending' },
	{ id: 108, name: 'Innboforsikring kryssalg', assignmentId: 21, schedule: 'new' },
	{ id: 109, name: 'Bedriftsmobil 5G', assignmentId: 27, schedule: 'open' },
	{ id: 110, name: 'Flåtebytte mobil', assignmentId: 27, schedule: 'inactive' },
	{ id: 111, name: 'Fiber oppgradering', assignmentId: 33, schedule: 'ending' },
	{ id: 112, name: 'Velkomstsamtale bredbånd', assignmentId: 33, schedule: 'open' },
];

// Day number => 'YYYY-MM-DD', shared so thousands of customers do not each allocate the same string.
const dateStrings = [];

function randomDate(rng, fromYear, toYear) {
	const first = Date.UTC(fromYear, 0, 1) / DAY_MS;
	const day = first + rng.int(0, (Date.UTC(toYear, 11, 31) - Date.UTC(fromYear, 0, 1)) / DAY_MS);
	const index = day + 25000; // dates before 1970 have negative day numbers
	return (dateStrings[index] ??= new Date(day * DAY_MS).toISOString().slice(0, 10));
}

const orNull = (rng, probability, make) => (rng.chance(probability) ? null : make());

const CUSTOM_FIELD_VALUES = {
	'gen info 1': (rng) => orNull(rng, 0.3, () => rng.pick([
		'VIP-kunde', 'Kunde siden 2012', 'Har solcellepanel', 'Flyttet nylig', 'Ønsker faktura på e-post',
		'Tidligere klage', 'Betaler med AvtaleGiro',
	])),
	Oppstartsdato: (rng) => orNull(rng, 0.1, () => randomDate(rng, 2008, 2024)),
	'Antall år': (rng) => orNull(rng, 0.1, () => rng.int(0, 17)),
	Kundetype: (rng) => rng.pick(['Privat', 'Bedrift', 'Offentlig', 'Landbruk']),
	'Bransje / segment': (rng) => orNull(rng, 0.15, () => rng.pick([
		'Bygg og anlegg', 'Helse og omsorg', 'Varehandel', 'Transport', 'Havbruk', 'IT og konsulent', 'Reiseliv',
	])),
	'Antall ansatte': (rng) => String(rng.pick([rng.int(1, 9), rng.int(10, 49), rng.int(50, 400)])),
	'Siste kjøp': (rng) => orNull(rng, 0.25, () => randomDate(rng, 2019, 2024)),
	Lånebeløp: (rng) => rng.int(40, 900) * 5000,
	'Ønsket kontakttid': (rng) => orNull(rng, 0.4, () => rng.pick(['08–12', '12–16', '16–20', 'Når som helst'])),
	Polisenummer: (rng) => `FS-${rng.digits(7)}`,
	Fornyelsesdato: (rng) => randomDate(rng, 2024, 2025),
	'Antall abonnement': (rng) => rng.int(2, 120),
};

function emailLocalPart(text) {
	return text.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a').replace(/[^a-z0-9]+/g, '.');
}

const mobilePhone = (rng) => `+47 9${rng.digits(2)} ${rng.digits(2)} ${rng.digits(3)}`;
const landlinePhone = (rng) => `+47 ${rng.int(2, 7)}${rng.digits(1)} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)}`;
const companyName = (rng) => `${rng.pick(words.LAST_NAMES)} ${rng.pick(words.COMPANY_WORDS)} AS`;

function customerValues(rng, assignment) {
	const female = rng.chance(0.5);
	const firstName = rng.pick(female ? words.FEMALE_FIRST_NAMES : words.MALE_FIRST_NAMES);
	const lastName = rng.pick(words.LAST_NAMES);
	const [zip, city, municipality, county] = rng.pick(words.PLACES);
	const company = assignment.business || rng.chance(0.04) ? companyName(rng) : null;
	const values = {
		name: `${firstName} ${lastName}`,
		gender: orNull(rng, 0.08, () => (female ? 'Kvinne' : 'Mann')),
		birth_date: orNull(rng, 0.15, () => randomDate(rng, 1938, 2004)),
		need_to_know: rng.chance(0.06) ? rng.pick(words.NEED_TO_KNOW_NOTES) : null,
		care_of_name: rng.chance(0.03) ? `c/o ${rng.pick(words.LAST_NAMES)}` : null,
		zone_name: orNull(rng, 0.1, () => words.ZONE_BY_COUNTY[county]),
		address_street: rng.pick(words.STREETS),
		address_street_no: String(rng.int(1, 180)),
		address_entrance: rng.chance(0.12) ? rng.pick(['A', 'B', 'C']) : null,
		zip_code: zip,
		city,
		municipality,
		county,
		country: 'Norge',
		phone_1: orNull(rng, 0.03, () => mobilePhone(rng)),
		phone_2: rng.chance(0.2) ? (rng.chance(0.5) ? mobilePhone(rng) : landlinePhone(rng)) : null,
		phone_3: rng.chance(0.04) ? mobilePhone(rng) : null,
		email: rng.chance(assignment.business ? 0.75 : 0.45)
			? `${emailLocalPart(firstName)}.${emailLocalPart(lastName)}${rng.chance(0.3) ? rng.int(1, 99) : ''}@${rng.pick(words.EMAIL_DOMAINS)}`
			: null,
		company,
	};
	for (const field of assignment.fields) values[field] = CUSTOM_FIELD_VALUES[field](rng);
	return values;
}

function generateCustomers(rng, nextIdRef) {
	const customersByAssignment = new Map();
	for (const assignment of ASSIGNMENTS) {
		const count = Array.isArray(assignment.customers) ? rng.int(...assignment.customers) : assignment.customers;
		const customers = new Array(count);
		let crmNumber = 0;
		for (let i = 0; i < count; i++) {
			// Gaps in both id series, as after deletions in a real system.
			nextIdRef.value += rng.chance(0.03) ? rng.int(2, 6) : 1;
			crmNumber += rng.chance(0.02) ? rng.int(2, 9) : 1;
			customers[i] = customerRecord(
				{ id: nextIdRef.value, customerId: 100000 + crmNumber, assignmentId: assignment.id, customFields: assignment.fields },
				customerValues(rng, assignment),
			);
		}
		customersByAssignment.set(assignment.id, customers);
	}
	return customersByAssignment;
}

function campaignDates(rng, schedule, today) {
	switch (schedule) {
		case 'inactive':
			return { start: addDays(today, -rng.int(150, 300)), end: addDays(today, -rng.int(2, 20)) };
		case 'ending':
			return { start: addDays(today, -rng.int(60, 200)), end: addDays(today, rng.int(10, 120)) };
		case 'new':
			return { start: addDays(today, -rng.int(14, 25)), end: addDays(today, rng.int(30, 90)) };
		default:
			return { start: addDays(today, -rng.int(60, 400)), end: '' };
	}
}

function pickResponseType(rng) {
	let roll = rng.next();
	for (const [type, subtypes, weight] of words.RESPONSE_TYPES) {
		roll -= weight;
		if (roll < 0) return [type, subtypes];
	}
	const last = words.RESPONSE_TYPES[words.RESPONSE_TYPES.length - 1];
	return [last[0], last[1]];
}

function responseRecord(rng, campaignId, customer, micros) {
	const [type, subtypes] = pickResponseType(rng);
	// the random draws in the order the record's fields always took them
	const submittedBy = `${rng.pick(words.AGENTS)}@${words.AGENT_DOMAIN}`;
	const subtype = type === 'Not reached' && rng.chance(0.3) ? '' : rng.pick(subtypes);
	return {
		submitted_by: submittedBy,
		submitted_when: formatMicros(micros),
		crm_customer_id: customer.customer_id,
		customer_name: customer.name,
		campaign_id: campaignId,
		type,
		subtype,
		comment: rng.chance(0.45) ? '' : rng.pick(words.commentsFor(type, subtype)),
	};
}

const MINUTES_15 = 15 * 60 * 1000;

/** Instants (ms) of one campaign day: office hours, plus the midnight and same-second edge cases. */
function responseInstantsOfDay(rng, day) {
	const dayStart = zonedDayStart(day, SEED_ZONE);
	const open = dayStart + 8 * HOUR_MS;
	const close = dayStart + 21 * HOUR_MS;
	const instants = [];
	const count = rng.int(5, 40);
	for (let i = 0; i < count; i++) instants.push([open + rng.int(0, close - open - 1), rng.int(0, 999)]);
	const [year, month, date] = day.split('-').map(Number);
	if (rng.chance(0.35)) instants.push([Date.UTC(year, month - 1, date) + rng.int(-MINUTES_15, MINUTES_15), rng.int(0, 999)]);
	if (rng.chance(0.35)) instants.push([dayStart + rng.int(-MINUTES_15, MINUTES_15), rng.int(0, 999)]);
	if (rng.chance(0.12)) {
		const [ms, extra] = instants[rng.int(0, count - 1)];
		const sameSecond = ms - (ms % 1000) + rng.int(0, 999);
		instants.push([sameSecond, sameSecond === ms ? (extra + 1) % 1000 : extra]);
	}
	return instants;
}

function generateResponses(rng, campaigns, customersByAssignment, anchorMs, today) {
	const responsesByCampaign = new Map();
	const windowStart = addDays(today, -RESPONSE_WINDOW_DAYS);
	for (const campaign of campaigns) {
		const customers = customersByAssignment.get(campaign.assignment_id);
		const first = campaign.start_date > windowStart ? campaign.start_date : windowStart;
		const last = campaign.end_date !== '' && campaign.end_date < today ? campaign.end_date : today;
		const micros = [];
		for (let day = first; day <= last; day = addDays(day, 1)) {
			for (const [ms, extra] of responseInstantsOfDay(rng, day)) {
				if (ms < anchorMs) micros.push(ms * 1000 + extra);
			}
		}
		micros.sort((a, b) => a - b);
		responsesByCampaign.set(
			campaign.campaign_id,
			micros.map((instant) => responseRecord(rng, campaign.campaign_id, rng.pick(customers), instant)),
		);
	}
	return responsesByCampaign;
}

/**
 * The sandbox's initial data. Customers depend on `seed` only; campaign dates and responses
 * also on `anchorMs` (the clock's start), so that "the last six weeks" are always populated.
 */
function generateSeedData({ seed, anchorMs }) {
	const clientsById = new Map(CLIENTS.map((client) => [client.client_id, client]));
	const assignments = ASSIGNMENTS.map((assignment) => ({
		assignment_id: assignment.id,
		assignment_name: assignment.name,
		client_id: assignment.clientId,
		client_name: clientsById.get(assignment.clientId).client_name,
	}));
	const assignmentsById = new Map(assignments.map((assignment) => [assignment.assignment_id, assignment]));
	const customersByAssignment = generateCustomers(createRandom(`${seed}:customers`), { value: 20000 });

	const rng = createRandom(`${seed}:campaigns`);
	const today = calendarDate(anchorMs, SEED_ZONE);
	const campaigns = CAMPAIGNS.map((campaign) => {
		const assignment = assignmentsById.get(campaign.assignmentId);
		const { start, end } = campaignDates(rng, campaign.schedule, today);
		return {
			campaign_id: campaign.id,
			campaign_name: campaign.name,
			start_date: start,
			end_date: end,
			assignment_id: assignment.assignment_id,
			assignment_name: assignment.assignment_name,
			client_id: assignment.client_id,
			client_name: assignment.client_name,
		};
	});

	return {
		clients: CLIENTS.map((client) => ({ ...client })),
		assignments,
		campaigns,
		customFieldsByAssignment: new Map(ASSIGNMENTS.map((assignment) => [assignment.id, [...assignment.fields]])),
		customersByAssignment,
		responsesByCampaign: generateResponses(rng, campaigns, customersByAssignment, anchorMs, today),
	};
}

module.exports = { generateSeedData, BENCHMARK_ASSIGNMENT_ID };
