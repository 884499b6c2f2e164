'use strict';

// Seed data of a generation-2 tenant: data owners, their CRMs (B2C, B2B), campaigns, CRM
// customers with custom fields, weeks of call outcomes, customer status and product registrations.

const { createRandom } = require('../seeding/prng');
const { HOUR_MS, calendarDate, zonedDayStart, addDays } = require('../time/dates');
const words = require('../seeding/norway');
const { osloMinute, osloTimestamp } = require('./osloTime');

const SEED_ZONE = 'Europe/Oslo';
const CALL_OUTCOME_WINDOW_DAYS = 21;
const MINUTES_15 = 15 * 60 * 1000;

/** The CRM with 10,000 customers, for benchmarks. */
const BENCHMARK_CRM = { dataOwnerId: 12, crmType: 'B2C' };

const DATA_OWNERS = [
	{ id: 12, name: 'Nordlys Energi AS' },
	{ id: 31, name: 'Havbris Forsikring' },
	{ id: 47, name: 'Tindetopp Telekom' },
];

// Custom field definitions per CRM, as the definitions endpoint lists them. The two "Kommentar"
// fields of 12:B2B share a label; field 999 of 12:B2C appears in records without a definition.
const CRMS = [
	{
		dataOwnerId: 12,
		crmType: 'B2C',
		customers: 10000,
		fields: [
			[64, 'Adresse gate'],
			[65, 'Postnummer'],
			[66, 'Forbruk kWh'],
			[67, 'Samtykke e-post'],
			[68, 'Rabatt %'],
			[69, 'Avtale-type'],
		],
		undefinedFields: [999],
	},
	{ dataOwnerId: 12, crmType: 'B2B', customers: 120, fields: [[71, 'Org.nr.'], [72, 'Kommentar'], [73, 'Kommentar'], [74, 'Antall ansatte']] },
	{ dataOwnerId: 31, crmType: 'B2C', customers: 180, fields: [[81, 'Fødselsår'], [82, 'Forsikring – type'], [83, 'Årlig premie']] },
	{ dataOwnerId: 31, crmType: 'B2B', customers: 60, fields: [[91, 'Org.nr.'], [92, 'Bransje / segment']] },
	{ dataOwnerId: 47, crmType: 'B2B', customers: 90, fields: [[95, 'Org.nr.'], [96, 'Antall linjer'], [97, 'Bindingstid (mnd)']] },
];

const SERVICES = [
	{ id: 3, name: 'Utgående salg' },
	{ id: 5, name: 'Kundeservice' },
];

// archived: days before today it was archived ('' = not archived).
const CAMPAIGNS = [
	{ id: 201, name: 'Strøm vinter 2026', crm: '12:B2C', service: 3, archivedDaysAgo: null },
	{ id: 202, name: 'Fastpris – vervekampanje', crm: '12:B2C', service: 3, archivedDaysAgo: null },
	{ id: 203, name: 'Bedrift strøm', crm: '12:B2B', service: 3, archivedDaysAgo: null },
	{ id: 204, name: 'Innboforsikring høst', crm: '31:B2C', service: 3, archivedDaysAgo: null },
	{ id: 205, name: 'Kundeoppfølging bedrift', crm: '31:B2B', service: 5, archivedDaysAgo: null },
	{ id: 206, name: 'Mobilabonnement bedrift', crm: '47:B2B', service: 3, archivedDaysAgo: null },
	{ id: 207, name: 'Strøm sommer 2025', crm: '12:B2C', service: 3, archivedDaysAgo: 40 },
	{ id: 208, name: 'Reiseforsikring vår', crm: '31:B2C', service: 3, archivedDaysAgo: 12 },
];

const SEGMENTS = ['Ring først', 'Tidligere kunder', 'Nye leads', 'Oppfølging'];

const PRODUCTS = [
	{ code: 'FASTPRIS12', title: 'Fastpris 12 måneder', price: '233.0' },
	{ code: 'SPOT', title: 'Spotpris med påslag', price: '49.0' },
	{ code: 'GRØNN', title: 'Grønn strøm tillegg', price: '19.9' },
];

const CALL_STATES = ['Ny', 'Completed - Yes', 'Completed - No', 'Call back', 'Not reached'];

// Numeric custom fields, each within what a call center's CRM holds (a discount in per cent,
// a binding period in months).
const NUMBER_RANGES = [
	[/Rabatt %/, 0, 30],
	[/Bindingstid \(mnd\)/, 0, 36],
	[/kWh/, 1500, 30000],
	[/premie/, 1200, 15000],
	[/Antall ansatte/, 1, 800],
	[/Antall linjer/, 1, 250],
];

// Text custom fields: values of their kind (an agreement type, an insurance type, a line of business).
const TEXT_VALUES = [
	[/Avtale-type/, ['Fastpris', 'Spotpris', 'Innkjøpspris', 'Standard', 'Premium']],
	[/Forsikring/, ['Innbo', 'Hus', 'Bil', 'Reise', 'Innbo og hus']],
	[/Bransje/, ['Bygg og anlegg', 'Handel', 'Transport', 'IT', 'Helse og omsorg']],
	[/Kommentar/, ['Ønsker å bli ringt', 'Ring daglig leder', 'Kun kontakt på e-post', 'Fornøyd kunde']],
];

const crmKey = (dataOwnerId, crmType) => `${dataOwnerId}:${crmType}`;
const mobilePhone = (rng) => `+47 9${rng.digits(2)} ${rng.digits(2)} ${rng.digits(3)}`;

function customFieldValue(rng, label) {
	const range = NUMBER_RANGES.find(([pattern]) => pattern.test(label));
	if (range) return rng.chance(0.1) ? '' : `${rng.int(range[1], range[2])}.0`;
	if (/Samtykke/.test(label)) return rng.pick(['True', 'False']);
	if (/Postnummer/.test(label)) return rng.digits(4);
	if (/Org\.nr/.test(label)) return rng.digits(9);
	if (/Fødselsår/.test(label)) return String(rng.int(1940, 2004));
	if (/gate/.test(label)) return `${rng.pick(words.STREETS)} ${rng.int(1, 120)}`;
	const texts = TEXT_VALUES.find(([pattern]) => pattern.test(label))?.[1] ?? ['Standard', 'Premium'];
	return rng.chance(0.3) ? '' : rng.pick(texts);
}

// Leading zeros on purpose: the id is a string from the user's own CRM.
function crmCustomerId(crm, index) {
	const number = crm.dataOwnerId * 100000 + index + 1;
	return crm.crmType === 'B2B' ? `B${number}` : String(number).padStart(9, '0');
}

function customerRecord(rng, crm, index) {
	const first = rng.pick(rng.chance(0.5) ? words.FEMALE_FIRST_NAMES : words.MALE_FIRST_NAMES);
	const last = rng.pick(words.LAST_NAMES);
	const name = crm.crmType === 'B2B' ? `${last} ${rng.pick(words.COMPANY_WORDS)} AS` : `${first} ${last}`;
	const record = {
		crm__customer_id: crmCustomerId(crm, index),
		crm__standard_info__name: name,
		crm__standard_info__phone_1: mobilePhone(rng),
		crm__standard_info__phone_2: rng.chance(0.7) ? '' : mobilePhone(rng),
		crm__standard_info__phone_3: '',
		crm__standard_info__email: rng.chance(0.2) ? '' : `${first.toLowerCase()}.${index}@${rng.pick(words.EMAIL_DOMAINS)}`,
	};
	for (const [id, label] of crm.fields) record[`crm__custom_info__${id}`] = customFieldValue(rng, label);
	for (const id of crm.undefinedFields ?? []) record[`crm__custom_info__${id}`] = rng.chance(0.5) ? 'gammel verdi' : '';
	return record;
}

function definitionsOf(crm) {
	return crm.fields.map(([id, label]) => ({
		id,
		key: label,
		type: 'text',
		max_length: 255,
		hint: '',
		lookup__id: `crm__custom_info__${id}`,
	}));
}

function campaignRecord(campaign, today) {
	const [dataOwnerId, crmType] = campaign.crm.split(':');
	const owner = DATA_OWNERS.find((candidate) => candidate.id === Number(dataOwnerId));
	const service = SERVICES.find((candidate) => candidate.id === campaign.service);
	const archived = campaign.archivedDaysAgo === null ? '' : addDays(today, -campaign.archivedDaysAgo);
	return {
		campaign__id: campaign.id,
		campaign__name: campaign.name,
		campaign__archived_date: archived,
		campaign__is_active: archived === '' ? true : '',
		campaign__crm_type: crmType,
		campaign__start_date: '',
		campaign__end_date: '',
		service__id: service.id,
		service__name: service.name,
		data_owner__id: owner.id,
		data_owner__name: owner.name,
	};
}

/** Instants of one day: office hours, a few near Oslo's midnight, and pairs sharing a minute. */
function instantsOfDay(rng, day) {
	const dayStart = zonedDayStart(day, SEED_ZONE);
	const open = dayStart + 8 * HOUR_MS;
	const close = dayStart + 21 * HOUR_MS;
	const instants = [];
	const count = rng.int(4, 18);
	for (let i = 0; i < count; i++) instants.push(open + rng.int(0, close - open - 1));
	if (rng.chance(0.4)) instants.push(dayStart + rng.int(-MINUTES_15, MINUTES_15));
	if (rng.chance(0.3)) {
		const base = instants[rng.int(0, count - 1)];
		const minute = base - (base % 60000);
		instants.push(minute + rng.int(0, 59999));
	}
	return instants.sort((a, b) => a - b);
}

function pickOutcome(rng) {
	let roll = rng.next();
	for (const [type, subtypes, weight] of words.RESPONSE_TYPES) {
		roll -= weight;
		if (roll < 0) return [type, rng.pick(subtypes)];
	}
	return ['Not reached', 'No answer'];
}

function callOutcomeRecord(rng, { campaign, customer, ms, segment }) {
	const [type, subtype] = pickOutcome(rng);
	const record = {
		...customer,
		crm__change_log__updated: calendarDate(ms - rng.int(1, 30) * 24 * HOUR_MS, SEED_ZONE),
		crm__change_log__updated_by: rng.pick(['import', 'api', `${rng.pick(words.AGENTS)}@${words.AGENT_DOMAIN}`]),
		crm__change_log__update_method: rng.pick(['Import', 'Manual', 'API']),
		call_outcome__type: type,
		call_outcome__subtype: subtype,
		call_outcome__comment: rng.chance(0.5) ? '' : rng.pick(words.commentsFor(type, subtype)),
		call_outcome__report_as__submitted_by: `${rng.pick(words.AGENTS)}@${words.AGENT_DOMAIN}`,
		call_outcome__report_as__submitted_in_team: rng.pick(['Team Nord', 'Team Sør', 'Kveldsteam']),
		call_outcome__report_as__submitted_when: osloMinute(ms),
		call_outcome__report_as__submitted_when_timestamp: osloTimestamp(ms),
		'call_outcome__extra__Ønsket oppstart': type === 'Completed - Yes' ? addDays(calendarDate(ms, SEED_ZONE), 14) : '',
		'call_outcome__extra__Beløp (kr)': type === 'Completed - Yes' ? `${rng.int(100, 5000)}.0` : '',
		campaign__name: campaign.campaign__name,
		campaign__crm_type: campaign.campaign__crm_type,
		data_owner__name: campaign.data_owner__name,
		segment__name: segment,
	};
	return record;
}

/** The parts of a call outcome a product registration repeats: no timestamp (as documented). */
function registrationRecord(rng, outcome, anonymised) {
	const product = rng.pick(PRODUCTS);
	const record = {};
	for (const [key, value] of Object.entries(outcome)) {
		if (key === 'call_outcome__report_as__submitted_when_timestamp' || key.startsWith('call_outcome__extra__')) continue;
		record[key] = anonymised && key.startsWith('crm__') ? '' : value;
	}
	if (anonymised) record.crm__standard_info__name = 'Anonymized';
	Object.assign(record, {
		product__code: product.code,
		product__title: product.title,
		product__price: product.price,
		'product__extra__Antall måneder': String(rng.int(1, 36)),
	});
	return record;
}

function statusRecord(rng, campaign, customer, nowMs) {
	const state = rng.pick(CALL_STATES);
	const record = {
		...customer,
		callflow__attempts_status__attempts: String(state === 'Ny' ? 0 : rng.int(1, 6)),
		callflow__callstate__name: state,
		callflow__last_change__user: state === 'Ny' ? '' : `${rng.pick(words.AGENTS)}@${words.AGENT_DOMAIN}`,
		callflow__last_change__when: state === 'Ny' ? '' : osloMinute(nowMs - rng.int(1, 20 * 24) * HOUR_MS),
		callflow__last_change__cause: state === 'Ny' ? '' : rng.pick(['Call outcome', 'Manual', 'Import']),
		callflow__last_change__alternative: '',
		callflow__last_change__comment: rng.chance(0.7) ? '' : rng.pick(words.commentsFor(state)),
		campaign__name: campaign.campaign__name,
		data_owner__name: campaign.data_owner__name,
		segment__name: rng.pick(SEGMENTS),
	};
	for (const product of PRODUCTS) record[`product__${product.code}`] = state === 'Completed - Yes' && rng.chance(0.4) ? '1' : '0';
	return record;
}

/**
 * Per campaign, in submission order: call outcomes `{ ms, record }`, product registrations
 * `{ ms, record }` (sales; one in five anonymised) and the status of the campaign's customers.
 */
function generateActivity(rng, campaigns, customersByCrm, anchorMs, today) {
	const callOutcomesByCampaign = new Map();
	const registrationsByCampaign = new Map();
	const statusByCampaign = new Map();
	for (const campaign of campaigns) {
		const customers = customersByCrm.get(crmKey(campaign.data_owner__id, campaign.campaign__crm_type));
		const pool = customers.slice(0, Math.min(customers.length, 400));
		const last = campaign.campaign__archived_date === '' ? today : campaign.campaign__archived_date;
		const outcomes = [];
		const registrations = [];
		for (let day = addDays(last, -CALL_OUTCOME_WINDOW_DAYS); day <= last; day = addDays(day, 1)) {
			for (const ms of instantsOfDay(rng, day)) {
				if (ms >= anchorMs) continue;
				const record = callOutcomeRecord(rng, { campaign, customer: rng.pick(pool), ms, segment: rng.pick(SEGMENTS) });
				outcomes.push({ ms, record });
				if (record.call_outcome__type === 'Completed - Yes') {
					registrations.push({ ms, record: registrationRecord(rng, record, rng.chance(0.2)) });
				}
			}
		}
		callOutcomesByCampaign.set(campaign.campaign__id, outcomes);
		registrationsByCampaign.set(campaign.campaign__id, registrations);
		statusByCampaign.set(
			campaign.campaign__id,
			pool.slice(0, 80).map((customer) => statusRecord(rng, campaign, customer, anchorMs)),
		);
	}
	return { callOutcomesByCampaign, registrationsByCampaign, statusByCampaign };
}

/** The generation-2 tenant's initial data; activity depends on `anchorMs`, the clock's start. */
function generateGen2SeedData({ seed, anchorMs }) {
	const customersByCrm = new Map();
	const definitionsByCrm = new Map();
	const customerRng = createRandom(`${seed}:gen2:customers`);
	for (const crm of CRMS) {
		const key = crmKey(crm.dataOwnerId, crm.crmType);
		definitionsByCrm.set(key, definitionsOf(crm));
		customersByCrm.set(key, Array.from({ length: crm.customers }, (_, index) => customerRecord(customerRng, crm, index)));
	}
	const today = calendarDate(anchorMs, SEED_ZONE);
	const campaigns = CAMPAIGNS.map((campaign) => campaignRecord(campaign, today));
	const activity = generateActivity(createRandom(`${seed}:gen2:activity`), campaigns, customersByCrm, anchorMs, today);
	return {
		dataOwners: DATA_OWNERS.map((owner) => ({ ...owner })),
		campaigns,
		customersByCrm,
		definitionsByCrm,
		...activity,
	};
}

module.exports = { generateGen2SeedData, crmKey, BENCHMARK_CRM, CALL_STATES };
