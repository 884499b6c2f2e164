import { operationSelector } from '../common.descriptions';
import type { CubeResourceModule } from '../types';
import * as getAll from './getAll.operation';

export const response: CubeResourceModule = {
	description: [
		operationSelector('response', [
			{
				name: 'Get Many',
				value: 'getAll',
				description: "List a campaign's responses (call outcomes) in a date range",
				action: 'Get many responses',
			},
		]),
		...getAll.description,
	],
	operations: { getAll },
};
