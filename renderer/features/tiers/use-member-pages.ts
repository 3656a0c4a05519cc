import type { InputOf } from '../../../shared/contract';
import type { MemberRow } from '../../../shared/contract/segmentation';
import { api } from '../../api/client';
import { usePagedRows } from '../../components/use-paged-rows';

export type MemberQuery = Omit<InputOf<'segments:members'>, 'offset' | 'limit'>;

const fetchMembers = (query: MemberQuery, offset: number, limit: number) => api('segments:members', { ...query, offset, limit });

/** Members of a class, page by page as the virtual table scrolls (the customer list's pattern). */
export function useMemberPages(query: MemberQuery, reloadKey: string) {
  return usePagedRows<MemberQuery, MemberRow>(query, reloadKey, fetchMembers);
}
