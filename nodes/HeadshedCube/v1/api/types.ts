import type { IDataObject } from 'n8n-workflow';

/** Generation 1 names fields with one underscore; later versions of Cube with two. */
export interface CubeCampaign extends IDataObject {
	campaign_id?: number;
	campaign_name?: string;
	assignment_id?: number;
	assignment_name?: string;
	client_id?: number;
	client_name?: string;
	campaign__id?: number;
	campaign__name?: string;
	assignment__id?: number;
	client__id?: number;
	client__short_name?: string;
}

export interface CubeAssignment extends IDataObject {
	assignment_id?: number;
	assignment_name?: string;
	client_id?: number;
	client_name?: string;
	assignment__id?: number;
	assignment__name?: string;
	client__id?: number;
	client__short_name?: string;
}

export interface CubeCustomer extends IDataObject {
	id?: number;
	customer_id?: number | string;
	assignment_id?: number;
}

export interface CubeResponseRecord extends IDataObject {
	submitted_by?: string;
	submitted_when?: string;
	crm_customer_id?: number | string;
	customer_name?: string;
	campaign_id?: number;
	type?: string;
	subtype?: string;
	comment?: string;
}

export function campaignIdOf(campaign: CubeCampaign): number | undefined {
	return campaign.campaign_id ?? campaign.campaign__id;
}

export function campaignNameOf(campaign: CubeCampaign): string {
	return String(campaign.campaign_name ?? campaign.campaign__name ?? campaignIdOf(campaign) ?? '');
}

export function campaignAssignmentIdOf(campaign: CubeCampaign): number | undefined {
	return campaign.assignment_id ?? campaign.assignment__id;
}

export function assignmentIdOf(assignment: CubeAssignment): number | undefined {
	return assignment.assignment_id ?? assignment.assignment__id;
}

export function assignmentNameOf(assignment: CubeAssignment): string {
	return String(
		assignment.assignment_name ?? assignment.assignment__name ?? assignmentIdOf(assignment) ?? '',
	);
}

export function clientOf(record: CubeAssignment | CubeCampaign): {
	client_id: number | undefined;
	client_name: string | undefined;
} {
	return {
		client_id: record.client_id ?? record.client__id,
		client_name: record.client_name ?? record.client__short_name,
	};
}
