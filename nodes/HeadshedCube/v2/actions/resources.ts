import type { CubeResources } from '../../execution/types';
import { callOutcome } from './callOutcome';
import { campaign } from './campaign';
import { customer } from './customer';
import { customerStatus } from './customerStatus';
import { customField } from './customField';
import { dataOwner } from './dataOwner';
import { productRegistration } from './productRegistration';

/** Version 2's resources: what Cube's generation-2 API offers. */
export const resources: CubeResources = {
	callOutcome,
	campaign,
	customer,
	customerStatus,
	customField,
	dataOwner,
	productRegistration,
};
