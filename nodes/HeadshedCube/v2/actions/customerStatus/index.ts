import { operationSelector } from '../../../actions/common.descriptions';
import type { CubeResourceModule } from '../../../actions/types';
import * as getAll from './getAll.operation';

export const customerStatus: CubeResourceModule = {
	description: [
		operationSelector('customerStatus', [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the current call-flow status of the customers of a campaign or a CRM',
				action: 'Get many customer statuses',
			},
		]),
		...getAll.description,
	],
	operations: { getAll },
};
