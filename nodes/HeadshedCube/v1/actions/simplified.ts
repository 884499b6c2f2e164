import type { IDataObject } from 'n8n-workflow';

import { joinFilled, simplifier } from '../../helpers/simplify';

// What each kind of generation-1 record says in at most 10 fields (Output "Simplified"). Later
// versions of the service name list fields with double underscores, so both names are read.
// The docs (docs/ai-agents.md) list the same fields; a change here is a change there.

export const simplifiedClient = simplifier({
	clientId: ['client_id', 'client__id'],
	name: ['client_name', 'client__short_name'],
});

export const simplifiedAssignment = simplifier({
	assignmentId: ['assignment_id', 'assignment__id'],
	name: ['assignment_name', 'assignment__name'],
	clientId: ['client_id', 'client__id'],
	client: ['client_name', 'client__short_name'],
});

export const simplifiedCampaign = simplifier({
	campaignId: ['campaign_id', 'campaign__id'],
	name: ['campaign_name', 'campaign__name'],
	startDate: ['start_date', 'campaign__start_date'],
	endDate: ['end_date', 'campaign__end_date'],
	active: 'campaign__is_active',
	assignmentId: ['assignment_id', 'assignment__id'],
	assignment: ['assignment_name', 'assignment__name'],
	client: ['client_name', 'client__short_name'],
});

const PHONES = ['phone_1', 'phone_2', 'phone_3'];

export const simplifiedCustomer = simplifier({
	customerId: 'customer_id',
	name: 'name',
	phone: joinFilled(PHONES),
	email: 'email',
	company: 'company',
	address: joinFilled(['address_street', 'address_street_no', 'address_entrance'], ' '),
	zipCode: 'zip_code',
	city: 'city',
	birthDate: 'birth_date',
	needToKnow: 'need_to_know',
});

/** The phone of a response's customer card, where Include Customer added one. */
const cardPhone = (response: IDataObject) => {
	const card = response.customer;
	return card && typeof card === 'object' && !Array.isArray(card) ? joinFilled(PHONES)(card as IDataObject) : '';
};

export const simplifiedResponse = simplifier({
	customerId: 'crm_customer_id',
	customerName: 'customer_name',
	phone: cardPhone,
	outcome: 'type',
	subtype: 'subtype',
	comment: 'comment',
	submittedBy: 'submitted_by',
	submittedAt: 'submitted_when',
	campaignId: 'campaign_id',
});
