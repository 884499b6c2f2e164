import { NodeOperationError } from 'n8n-workflow';

import { isNotFoundError } from './errors';
import { getUnpaginatedList } from './listEndpoint';
import type { CubeContext } from './types';

/** Cube's API generations: 1, the 2017 API; 2, the API every tenant has used since 2020. */
export type CubeGeneration = 1 | 2;

/**
 * Keys only a generation-1 campaign has (its assignment and client, or the 2017 names of its own
 * fields), and only a generation-2 one has (its data owner and CRM). A record with keys of both
 * tells nothing.
 */
const GENERATION_KEYS: Record<CubeGeneration, string[]> = {
	1: ['assignment_id', 'assignment__id', 'client_id', 'client__id', 'campaign_id'],
	2: ['data_owner__id', 'data_owner__name', 'campaign__crm_type'],
};

/**
 * Which generation a campaign list comes from, by its records' keys: the campaign list is the one
 * list both generations have, at the same path. Undefined where no record tells (an empty list,
 * or records of neither shape).
 */
export function generationOfCampaigns(campaigns: unknown[]): CubeGeneration | undefined {
	for (const campaign of campaigns) {
		if (!campaign || typeof campaign !== 'object') continue;
		const has = (generation: CubeGeneration) => GENERATION_KEYS[generation].some((key) => key in campaign);
		if (has(1) !== has(2)) return has(2) ? 2 : 1;
	}
	return undefined;
}

const SPEAKS: Record<CubeGeneration, string> = {
	1: "generation 1 of Cube's API (the 2017 API: assignments, customers, responses)",
	2: "generation 2 of Cube's API (since 2020: data owners, call outcomes)",
};

/** The error for a node that speaks generation `spoken` whose credential's tenant speaks `tenant`. */
export function generationMismatchError(
	context: CubeContext,
	spoken: CubeGeneration,
	tenant: CubeGeneration,
	itemIndex?: number,
): NodeOperationError {
	const node = context.getNode();
	const kind = node.type.endsWith('Trigger') ? 'Headshed Cube Trigger' : 'Headshed Cube node';
	const remedy =
		spoken === 2
			? `Use a version-1 ${kind} with this credential (the generation-1 example workflows have one to copy), or choose a credential of a generation-2 tenant (https://ACCOUNT.headshed.com).`
			: `Place a new ${kind} from the node panel (new nodes speak generation 2) and choose this credential there, or choose a credential of a generation-1 tenant here.`;
	return new NodeOperationError(
		node,
		`The credential's Cube tenant speaks ${SPEAKS[tenant]}, but this is a version-${node.typeVersion} ${kind}, which speaks ${SPEAKS[spoken]}`,
		{ itemIndex, description: remedy },
	);
}

/** Throws the mismatch error where a campaign list shows a tenant of the other generation than `spoken`. */
export function checkTenantGeneration(
	context: CubeContext,
	spoken: CubeGeneration,
	campaigns: unknown[],
	itemIndex?: number,
): void {
	const tenant = generationOfCampaigns(campaigns);
	if (tenant !== undefined && tenant !== spoken) throw generationMismatchError(context, spoken, tenant, itemIndex);
}

/** Which generation the tenant speaks, by its campaign list; undefined where that cannot be read or cannot tell. */
export async function readTenantGeneration(context: CubeContext, itemIndex?: number): Promise<CubeGeneration | undefined> {
	try {
		return generationOfCampaigns(await getUnpaginatedList<unknown>(context, 'campaigns', { itemIndex }));
	} catch {
		return undefined;
	}
}

/**
 * A tenant of the other generation answers 404 to every path of this one, as a tenant of the right
 * one does to an unknown ID. After a 404, and only then, the campaign list tells which it is
 * (`tenantGeneration` reads it): the error to show is the mismatch where the tenant speaks the
 * other generation, else `error` as it was.
 */
export async function explainNotFound(
	context: CubeContext,
	spoken: CubeGeneration,
	error: unknown,
	itemIndex?: number,
	tenantGeneration = async () => await readTenantGeneration(context, itemIndex),
): Promise<unknown> {
	if (!isNotFoundError(error)) return error;
	const tenant = await tenantGeneration();
	return tenant !== undefined && tenant !== spoken ? generationMismatchError(context, spoken, tenant, itemIndex) : error;
}
