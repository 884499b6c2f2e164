'use strict';

const { toMs } = require('../time/dates');
const { generateGen2SeedData, crmKey } = require('./seed');
const { osloMinute, osloTimestamp } = require('./osloTime');

function refill(target, source) {
	if (target instanceof Map) {
		target.clear();
		for (const [key, value] of source) target.set(key, value);
	} else {
		target.length = 0;
		target.push(...source);
	}
}

/** The records of `entries` ({ ms, record }) submitted in [fromMs, untilMs) and not after `nowMs`. */
function within(entries, fromMs, untilMs, nowMs) {
	return entries.filter(({ ms }) => ms >= fromMs && ms < untilMs && ms <= nowMs);
}

/** The data of a generation-2 tenant and the questions its routes ask of it. */
function createGen2Store({ seed, anchorMs }) {
	const data = {
		dataOwners: [],
		campaigns: [],
		customersByCrm: new Map(),
		definitionsByCrm: new Map(),
		callOutcomesByCampaign: new Map(),
		registrationsByCampaign: new Map(),
		statusByCampaign: new Map(),
	};

	function reset() {
		const fresh = generateGen2SeedData({ seed, anchorMs });
		for (const key of Object.keys(data)) refill(data[key], fresh[key]);
	}
	reset();

	const findCampaign = (campaignId) => data.campaigns.find((campaign) => campaign.campaign__id === campaignId);
	const hasCrm = (dataOwnerId, crmType) => data.customersByCrm.has(crmKey(dataOwnerId, crmType));
	const campaignsOfCrm = (dataOwnerId, crmType) =>
		data.campaigns.filter((c) => c.data_owner__id === dataOwnerId && c.campaign__crm_type === crmType);

	/** The campaigns a scope covers: one campaign, the campaigns of one CRM, or all; undefined when unknown. */
	function campaignsOf(scope) {
		if (scope.campaignId !== undefined) {
			const campaign = findCampaign(scope.campaignId);
			return campaign ? [campaign] : undefined;
		}
		if (scope.dataOwnerId !== undefined) {
			return hasCrm(scope.dataOwnerId, scope.crmType) ? campaignsOfCrm(scope.dataOwnerId, scope.crmType) : undefined;
		}
		return data.campaigns;
	}

	/** Entries of every campaign in scope, merged in submission order. */
	function timed(byCampaign, scope, fromMs, untilMs, nowMs) {
		const campaigns = campaignsOf(scope);
		if (!campaigns) return undefined;
		const entries = campaigns.flatMap((campaign) => within(byCampaign.get(campaign.campaign__id) ?? [], fromMs, untilMs, nowMs));
		return entries.sort((a, b) => a.ms - b.ms).map((entry) => entry.record);
	}

	function customerStatus(scope, callState) {
		const campaigns = campaignsOf(scope);
		if (!campaigns) return undefined;
		const records = campaigns.flatMap((campaign) => data.statusByCampaign.get(campaign.campaign__id) ?? []);
		return callState === null ? records : records.filter((record) => record.callflow__callstate__name === callState);
	}

	/** Adds a call outcome (the control API's "response"): campaign__id, crm__customer_id, submitted_when (an instant), type, subtype, comment. */
	function addResponse(input, nowMs) {
		if (input === null || typeof input !== 'object') throw new TypeError('addResponse expects an object');
		const campaign = findCampaign(Number(input.campaign__id ?? input.campaign_id));
		if (!campaign) throw new RangeError(`Unknown campaign__id: ${input.campaign__id ?? input.campaign_id}`);
		const customers = data.customersByCrm.get(crmKey(campaign.data_owner__id, campaign.campaign__crm_type));
		const customer = input.crm__customer_id === undefined
			? customers[0]
			: customers.find((candidate) => candidate.crm__customer_id === String(input.crm__customer_id));
		if (!customer) throw new RangeError(`Unknown crm__customer_id: ${input.crm__customer_id}`);
		const ms = input.submitted_when === undefined ? nowMs : toMs(input.submitted_when, 'submitted_when');
		const record = {
			...customer,
			call_outcome__type: input.type ?? 'Completed - Yes',
			call_outcome__subtype: input.subtype ?? 'Sale',
			call_outcome__comment: input.comment ?? '',
			call_outcome__report_as__submitted_by: input.submitted_by ?? 'sandbox.agent@kontaktsenter.no',
			call_outcome__report_as__submitted_in_team: 'Team Nord',
			call_outcome__report_as__submitted_when: osloMinute(ms),
			call_outcome__report_as__submitted_when_timestamp: osloTimestamp(ms),
			campaign__name: campaign.campaign__name,
			campaign__crm_type: campaign.campaign__crm_type,
			data_owner__name: campaign.data_owner__name,
			segment__name: 'Ring først',
		};
		data.callOutcomesByCampaign.get(campaign.campaign__id).push({ ms, record });
		return record;
	}

	function counts() {
		const total = (map) => [...map.values()].reduce((sum, list) => sum + list.length, 0);
		return {
			dataOwners: data.dataOwners.length,
			campaigns: data.campaigns.length,
			customers: total(data.customersByCrm),
			callOutcomes: total(data.callOutcomesByCampaign),
			productRegistrations: total(data.registrationsByCampaign),
		};
	}

	return {
		data,
		reset,
		counts,
		addResponse,
		findCampaign,
		hasCrm,
		customersOf: (dataOwnerId, crmType) => data.customersByCrm.get(crmKey(dataOwnerId, crmType)),
		definitionsOf: (dataOwnerId, crmType) => data.definitionsByCrm.get(crmKey(dataOwnerId, crmType)),
		callOutcomes: (scope, fromMs, untilMs, nowMs) => timed(data.callOutcomesByCampaign, scope, fromMs, untilMs, nowMs),
		productRegistrations: (scope, fromMs, untilMs, nowMs) => timed(data.registrationsByCampaign, scope, fromMs, untilMs, nowMs),
		customerStatus,
	};
}

module.exports = { createGen2Store };
