import { updateCustomer } from '../../api/customers';
import { singleWrite } from './singleWrite';

export const { description, itemsInFlight, execute } = singleWrite('update', updateCustomer);
