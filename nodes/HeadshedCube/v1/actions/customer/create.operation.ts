import { createCustomer } from '../../api/customers';
import { singleWrite } from './singleWrite';

export const { description, itemsInFlight, execute } = singleWrite('create', createCustomer);
