import { operationSelector } from '../../../actions/common.descriptions';
import type { CubeResourceModule } from '../../../actions/types';
import * as getAll from './getAll.operation';

export const callOutcome: CubeResourceModule = {
	description: [
		operationSelector('callOutcome', [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the call outcomes of a campaign, a CRM or the whole tenant in a date range',
				action: 'Get many call outcomes',
			},
		]),
		...getAll.description,
	],
	operations: { getAll },
};
