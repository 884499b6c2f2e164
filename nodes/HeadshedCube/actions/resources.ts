import { assignment } from './assignment';
import { campaign } from './campaign';
import { client } from './client';
import { customer } from './customer';
import { response } from './response';
import type { CubeResource, CubeResourceModule } from './types';

export const resources: Record<CubeResource, CubeResourceModule> = {
	assignment,
	campaign,
	client,
	customer,
	response,
};
