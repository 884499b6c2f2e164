import type { IDataObject } from 'n8n-workflow';

import { joinFilled, prefixedFields, simplifier } from '../../helpers/simplify';

// What each kind of generation-2 record says in at most 10 fields (Output "Simplified"). The
// docs (docs/ai-agents.md) list the same fields; a change here is a change there.

const PHONES = ['crm__standard_info__phone_1', 'crm__standard_info__phone_2', 'crm__standard_info__phone_3'];

/** The customer a call outcome, status or registration is about. */
const aboutCustomer = {
	customerId: 'crm__customer_id',
	customerName: 'crm__standard_info__name',
	phone: PHONES,
};

export const simplifiedCustomer = simplifier(
	{
		customerId: 'crm__customer_id',
		name: 'crm__standard_info__name',
		phone: joinFilled(PHONES),
		email: 'crm__standard_info__email',
	},
	prefixedFields('crm__custom_info__'),
);

export const simplifiedCallOutcome = simplifier({
	...aboutCustomer,
	outcome: 'call_outcome__type',
	subtype: 'call_outcome__subtype',
	comment: 'call_outcome__comment',
	submittedBy: 'call_outcome__report_as__submitted_by',
	submittedAt: ['call_outcome__report_as__submitted_when_timestamp', 'call_outcome__report_as__submitted_when'],
	campaign: 'campaign__name',
	dataOwner: 'data_owner__name',
});

export const simplifiedCustomerStatus = simplifier({
	...aboutCustomer,
	callState: 'callflow__callstate__name',
	attempts: 'callflow__attempts_status__attempts',
	lastChangeBy: 'callflow__last_change__user',
	lastChangeAt: 'callflow__last_change__when',
	lastChangeCause: 'callflow__last_change__cause',
	lastChangeComment: 'callflow__last_change__comment',
	campaign: 'campaign__name',
});

export const simplifiedProductRegistration = simplifier({
	customerId: 'crm__customer_id',
	customerName: 'crm__standard_info__name',
	product: 'product__title',
	productCode: 'product__code',
	price: 'product__price',
	outcome: 'call_outcome__type',
	submittedBy: 'call_outcome__report_as__submitted_by',
	submittedAt: 'call_outcome__report_as__submitted_when',
	campaign: 'campaign__name',
	dataOwner: 'data_owner__name',
});

const isActive = (campaign: IDataObject) =>
	campaign.campaign__archived_date ? false : [true, 'true', 'True'].includes(campaign.campaign__is_active as string);

export const simplifiedCampaign = simplifier({
	campaignId: 'campaign__id',
	name: 'campaign__name',
	active: isActive,
	archivedDate: 'campaign__archived_date',
	crmType: 'campaign__crm_type',
	dataOwnerId: 'data_owner__id',
	dataOwner: 'data_owner__name',
	service: 'service__name',
});

export const simplifiedDataOwner = simplifier({
	dataOwnerId: 'data_owner__id',
	name: 'data_owner__name',
	crmType: 'crm_type',
});

export const simplifiedCustomField = simplifier({
	id: 'id',
	label: 'key',
	recordKey: 'lookup__id',
	type: ['type', 'data__type'],
	maxLength: 'max_length',
	hint: 'hint',
});
