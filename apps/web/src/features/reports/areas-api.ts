import { useQuery } from '@tanstack/react-query';
import { call, client } from '../../api/client.ts';

// The areas API (server: modules/areas): a province's named sets of communes, reported on as units 'area:<id>'.

export type AreaView = {
  id: string;
  unit: string;
  provinceCode: string;
  name: string;
  legacyDistrict: string | null;
  notes: string | null;
  communes: { code: string; name: string }[];
  version: number;
  updatedAt: string;
};

export type LegacyDistrict = {
  name: string;
  oldProvinceName: string;
  communes: { code: string; name: string; shared: boolean }[];
};

/** Areas the viewer may read (a province officer's own province; a national officer's, all). */
export function useAreas(enabled = true) {
  return useQuery({
    queryKey: ['areas'],
    queryFn: () => call(client.GET('/api/areas')),
    select: (d) => d.items,
    enabled,
    staleTime: 60_000,
  });
}

export function useLegacyDistricts(enabled: boolean) {
  return useQuery({
    queryKey: ['areas', 'legacy-districts'],
    queryFn: () => call(client.GET('/api/areas/legacy-districts')),
    select: (d) => d.items,
    enabled,
    staleTime: 60 * 60_000,
  });
}
