import { assignment } from './assignment';
import { campaign } from './campaign';
import { client } from './client';
import { customer } from './customer';
import { response } from './response';
import type { CubeResources } from '../../execution/types';

/** Version 1's resources: what Cube's generation-1 API offers. */
export const resources: CubeResources = {
	assignment,
	campaign,
	client,
	customer,
	response,
};
