import { useQuery } from '@tanstack/react-query';
import { ApiError, call, client } from '../../api/client.ts';
import type { BodyOf } from '../../api/schema.ts';
import type { User } from '../../api/types.ts';

export const USERS_PAGE = 50;

export function useUsers(q: string, page: number) {
  return useQuery({
    queryKey: ['users', q, page],
    queryFn: () =>
      call(
        client.GET('/api/users', {
          params: { query: { q: q || undefined, limit: USERS_PAGE, offset: (page - 1) * USERS_PAGE } },
        }),
      ),
  });
}

/** As GET /api/facilities returns it (org module). */
export type Facility = {
  id: string;
  name: string;
  kind: string;
  provinceCode: string;
  provinceName: string | null;
  communeCode: string | null;
  communeName: string | null;
  address: string | null;
  phone: string | null;
  active: boolean;
  version: number;
};

// The kinds of facility (incl. reform school, Law 120/2025) live with the placement rules.
export { FACILITY_KINDS } from '@hoanhap/domain/placement-rules';

/** Facilities for the scope picker; null when this server has no facilities API yet. */
export function useFacilities() {
  return useQuery({
    queryKey: ['facilities'],
    queryFn: async () => {
      try {
        const res = await call(client.GET('/api/facilities', { params: { query: { limit: 500 } } }));
        return res.items;
      } catch (e) {
        if (e instanceof ApiError && (e.status === 404 || e.code === 'route_not_found')) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

/** Changes an account as read at its version (name, role, phone, unit, active); answers the account. */
export const updateUser = (user: User, change: Omit<BodyOf<'updateUser'>, 'version'>) =>
  call(
    client.PATCH('/api/users/{id}', {
      params: { path: { id: user.id } },
      body: { ...change, version: user.version },
    }),
  );
