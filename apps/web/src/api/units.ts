import { useQuery } from '@tanstack/react-query';
import { call, client } from './client.ts';

const DAY = 24 * 60 * 60 * 1000;

/** All provinces (34); they change rarely, so they are cached for the session. */
export function useProvinces() {
  return useQuery({
    queryKey: ['units', 'province'],
    queryFn: () => call(client.GET('/api/units', { params: { query: { level: 'province', limit: 200 } } })),
    select: (d) => d.items,
    staleTime: DAY,
  });
}

/** Every current commune of one province (at most a few hundred), filtered in the browser. */
export function useCommunes(provinceCode: string | null | undefined) {
  return useQuery({
    queryKey: ['units', 'commune', provinceCode],
    queryFn: () =>
      call(
        client.GET('/api/units', {
          params: { query: { level: 'commune', provinceCode: provinceCode!, limit: 5000 } },
        }),
      ),
    select: (d) => d.items,
    enabled: !!provinceCode,
    staleTime: DAY,
  });
}

/** Finds the province of a commune known only by code and name (e.g. the user's own scope). */
export function useCommuneProvince(code: string | null | undefined, name: string | null | undefined) {
  return useQuery({
    queryKey: ['units', 'commune-province', code],
    queryFn: async () => {
      const { items } = await call(
        client.GET('/api/units', {
          params: { query: { level: 'commune', q: name ?? undefined, limit: 200 } },
        }),
      );
      return items.find((u) => u.code === code)?.provinceCode ?? null;
    },
    enabled: !!code && !!name,
    staleTime: DAY,
  });
}
