import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listCustomFieldDefinitions } from '../../api/customers';
import { crmParameters, readCrm } from '../parameters';
import { simplifiedCustomField } from '../simplified';

export const description = updateDisplayOptions(
	{ show: { resource: ['customField'], operation: ['getAll'] } },
	crmParameters,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await listCustomFieldDefinitions(this, readCrm.call(this, itemIndex), itemIndex);
}

export const simplify = simplifiedCustomField;
