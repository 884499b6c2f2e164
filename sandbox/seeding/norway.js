'use strict';

// Vocabulary for the seed data. Letters æ, ø, å are deliberate: clients must not mangle them.

const FEMALE_FIRST_NAMES = [
	'Anne', 'Inger', 'Kari', 'Marit', 'Ingrid', 'Liv', 'Eva', 'Berit', 'Astrid', 'Bjørg', 'Hilde',
	'Solveig', 'Nora', 'Emma', 'Sofie', 'Ida', 'Ingeborg', 'Silje', 'Maja', 'Thea', 'Åse', 'Randi',
	'Grethe', 'Tone', 'Marianne', 'Sigrid', 'Frida', 'Kristin', 'Hanne', 'Tuva',
];

const MALE_FIRST_NAMES = [
	'Jan', 'Per', 'Bjørn', 'Ole', 'Lars', 'Kjell', 'Knut', 'Arne', 'Svein', 'Hans', 'Geir', 'Terje',
	'Jon', 'Morten', 'Tor', 'Kåre', 'Øyvind', 'Håkon', 'Jakob', 'Emil', 'Noah', 'Filip', 'Sindre',
	'Magnus', 'Even', 'Stian', 'Eirik', 'Trond', 'Asbjørn', 'Aksel',
];

const LAST_NAMES = [
	'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen',
	'Karlsen', 'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen',
	'Jacobsen', 'Dahl', 'Jørgensen', 'Halvorsen', 'Henriksen', 'Lund', 'Sørensen', 'Jakobsen', 'Moen',
	'Gundersen', 'Iversen', 'Strand', 'Solberg', 'Svendsen', 'Eide', 'Knutsen', 'Martinsen', 'Paulsen',
	'Bakken', 'Kristoffersen', 'Mathisen', 'Lie', 'Amundsen', 'Nguyen', 'Rasmussen', 'Ali', 'Lunde',
	'Solheim', 'Berge', 'Moe', 'Nygård', 'Bakke', 'Fredriksen', 'Holm', 'Lien', 'Hauge', 'Næss', 'Vik',
	'Sæther', 'Aas', 'Myhre', 'Ahmed', 'Haugland', 'Rønning', 'Strøm', 'Ødegård', 'Bøe', 'Tveit',
	'Brekke', 'Birkeland', 'Gulbrandsen', 'Ruud', 'Aasen', 'Myklebust', 'Tangen', 'Helland', 'Aune',
];

const STREETS = [
	'Storgata', 'Kirkegata', 'Skolegata', 'Parkveien', 'Bjørkeveien', 'Granveien', 'Solbakken',
	'Fjordveien', 'Havnegata', 'Industriveien', 'Løkkeveien', 'Kongens gate', 'Dronningens gate',
	'Eikeveien', 'Furuveien', 'Åsveien', 'Bakkeveien', 'Møllergata', 'Strandveien', 'Sjøgata',
	'Tollbugata', 'Øvre Slottsgate', 'Nedre Storgate', 'Rådhusgata', 'Lyngveien', 'Skogveien',
];

const ZONE_BY_COUNTY = {
	Oslo: 'Øst', Akershus: 'Øst', Østfold: 'Øst', Buskerud: 'Øst', Vestfold: 'Øst', Telemark: 'Øst',
	Innlandet: 'Øst', Agder: 'Sør', Rogaland: 'Vest', Vestland: 'Vest', 'Møre og Romsdal': 'Vest',
	Trøndelag: 'Midt', Nordland: 'Nord', Troms: 'Nord', Finnmark: 'Nord',
};

// [zip_code, city, municipality, county]
const PLACES = [
	['0150', 'Oslo', 'Oslo', 'Oslo'],
	['0474', 'Oslo', 'Oslo', 'Oslo'],
	['0661', 'Oslo', 'Oslo', 'Oslo'],
	['1337', 'Sandvika', 'Bærum', 'Akershus'],
	['1405', 'Langhus', 'Nordre Follo', 'Akershus'],
	['2004', 'Lillestrøm', 'Lillestrøm', 'Akershus'],
	['1606', 'Fredrikstad', 'Fredrikstad', 'Østfold'],
	['1710', 'Sarpsborg', 'Sarpsborg', 'Østfold'],
	['2317', 'Hamar', 'Hamar', 'Innlandet'],
	['2615', 'Lillehammer', 'Lillehammer', 'Innlandet'],
	['2815', 'Gjøvik', 'Gjøvik', 'Innlandet'],
	['3015', 'Drammen', 'Drammen', 'Buskerud'],
	['3111', 'Tønsberg', 'Tønsberg', 'Vestfold'],
	['3717', 'Skien', 'Skien', 'Telemark'],
	['4006', 'Stavanger', 'Stavanger', 'Rogaland'],
	['4306', 'Sandnes', 'Sandnes', 'Rogaland'],
	['5527', 'Haugesund', 'Haugesund', 'Rogaland'],
	['4610', 'Kristiansand S', 'Kristiansand', 'Agder'],
	['4836', 'Arendal', 'Arendal', 'Agder'],
	['5003', 'Bergen', 'Bergen', 'Vestland'],
	['5162', 'Laksevåg', 'Bergen', 'Vestland'],
	['6856', 'Sogndal', 'Sogndal', 'Vestland'],
	['6003', 'Ålesund', 'Ålesund', 'Møre og Romsdal'],
	['6413', 'Molde', 'Molde', 'Møre og Romsdal'],
	['7011', 'Trondheim', 'Trondheim', 'Trøndelag'],
	['7600', 'Levanger', 'Levanger', 'Trøndelag'],
	['8006', 'Bodø', 'Bodø', 'Nordland'],
	['8514', 'Narvik', 'Narvik', 'Nordland'],
	['9008', 'Tromsø', 'Tromsø', 'Troms'],
	['9600', 'Hammerfest', 'Hammerfest', 'Finnmark'],
	['9900', 'Kirkenes', 'Sør-Varanger', 'Finnmark'],
];

const EMAIL_DOMAINS = ['gmail.com', 'online.no', 'hotmail.com', 'outlook.com', 'icloud.com', 'live.no'];

const COMPANY_WORDS = [
	'Bygg', 'Transport', 'Regnskap', 'Eiendom', 'Elektro', 'Rør', 'Consulting', 'Maskin', 'Handel',
	'Fisk', 'Tannlegesenter', 'Frisør', 'Bilverksted', 'Catering',
];

const NEED_TO_KNOW_NOTES = [
	'Ønsker ikke å bli ringt før kl. 10',
	'Hørselshemmet, snakk tydelig',
	'Foretrekker kontakt på e-post',
	'Har reservert seg mot telefonsalg tidligere, sjekk før ring',
	'Snakker engelsk',
	'Kontaktperson er daglig leder',
];

const AGENTS = [
	'kari.hansen', 'ola.nordmann', 'ingrid.berg', 'sindre.lie', 'maria.johansen', 'thomas.haugen',
	'silje.dahl', 'jonas.strand', 'amina.ali', 'henrik.moe', 'nora.solberg', 'eirik.bakke',
];
const AGENT_DOMAIN = 'kontaktsenter.no';

// type => possible subtypes
const RESPONSE_TYPES = [
	['Completed - Yes', ['Sale', 'Upgrade', 'Renewal', 'Meeting booked'], 0.22],
	['Completed - No', ['Not interested', 'Has competitor', 'Too expensive', 'Deceased', 'Wrong number'], 0.28],
	['Not reached', ['No answer', 'Busy', 'Voicemail'], 0.35],
	['Call back', ['Customer asked', 'Bad timing', 'Decision maker absent'], 0.15],
];

// What an agent notes under each outcome subtype, so that a comment never contradicts the
// outcome it is filed with ("Fornøyd med dagens avtale" under a sale, say).
const COMMENTS_BY_SUBTYPE = {
	Sale: ['Bestilte på telefon, bekreftelse sendt', 'Takket ja, avtalen sendt på e-post'],
	Upgrade: ['Oppgraderte til større pakke, bekreftelse sendt'],
	Renewal: ['Fornyet avtalen for 12 måneder'],
	'Meeting booked': ['Møte avtalt, invitasjon sendt på e-post'],
	'Not interested': ['Fornøyd med dagens avtale', 'Ba om å bli slettet fra ringelisten'],
	'Has competitor': ['Har allerede avtale med konkurrent'],
	'Too expensive': ['Synes prisen er for høy'],
	Deceased: ['Pårørende opplyste at kunden er død'],
	'Wrong number': ['Feil nummer, tilhører en annen'],
	'No answer': ['Svarer ikke'],
	Busy: ['Opptatt, prøver igjen senere'],
	Voicemail: ['Svarer ikke, lagt igjen beskjed'],
	'Customer asked': ['Ring tilbake etter kl. 16', 'Ønsker tilbud på e-post først'],
	'Bad timing': ['Vil tenke på det til neste uke', 'Flytter i sommer, ta kontakt etter flytting'],
	'Decision maker absent': ['Ektefelle tar avgjørelsen'],
};

/**
 * The comments an agent may write under an outcome type and subtype; without a subtype (or for
 * a call state such as "Ny" that is no outcome), those of every subtype of the type, or none.
 */
function commentsFor(type, subtype) {
	if (subtype) return COMMENTS_BY_SUBTYPE[subtype];
	const subtypes = RESPONSE_TYPES.find(([name]) => name === type)?.[1] ?? [];
	const comments = subtypes.flatMap((name) => COMMENTS_BY_SUBTYPE[name]);
	return comments.length > 0 ? comments : [''];
}

module.exports = {
	FEMALE_FIRST_NAMES,
	MALE_FIRST_NAMES,
	LAST_NAMES,
	STREETS,
	ZONE_BY_COUNTY,
	PLACES,
	EMAIL_DOMAINS,
	COMPANY_WORDS,
	NEED_TO_KNOW_NOTES,
	AGENTS,
	AGENT_DOMAIN,
	RESPONSE_TYPES,
	commentsFor,
};
