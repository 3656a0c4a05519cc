import type { CustomerListInput, CustomerRow } from '../../../shared/contract/customers';
import { api } from '../../api/client';
import { usePagedRows } from '../../components/use-paged-rows';

type CustomerQuery = Omit<CustomerListInput, 'offset' | 'limit'>;

const fetchCustomers = (query: CustomerQuery, offset: number, limit: number) => api('customers:list', { ...query, offset, limit });

/** The customer list's rows, page by page as the virtual table scrolls. */
export function useCustomerPages(query: CustomerQuery, reloadKey: number) {
  return usePagedRows<CustomerQuery, CustomerRow>(query, reloadKey, fetchCustomers);
}
