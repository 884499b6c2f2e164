import { operationSelector } from './common.descriptions';
import type { CubeOperation, CubeResourceModule } from '../execution/types';

/** A resource whose only operation is Get Many. */
export function getManyResource(
	resource: string,
	displayName: string,
	{ description, action }: { description: string; action: string },
	getAll: CubeOperation,
): CubeResourceModule {
	return {
		displayName,
		description: [
			operationSelector(resource, [{ name: 'Get Many', value: 'getAll', description, action }]),
			...getAll.description,
		],
		operations: { getAll },
	};
}
