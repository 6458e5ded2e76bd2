import { useQuery } from '@tanstack/react-query';
import { call, client, pathId } from '../../api/client.ts';
import type { BodyOf, ResponseOf, Schemas } from '../../api/schema.ts';

// The areas API (server: modules/areas): a province's named sets of communes, reported on as units 'area:<id>'.

export type AreaView = Schemas['Area'];
export type LegacyDistrict = ResponseOf<'listLegacyDistricts'>['items'][number];

/** The writes of the areas API (bodies and answers typed by the contract). */
export const areasApi = {
  create: (body: BodyOf<'createArea'>) => call(client.POST('/api/areas', { body })),
  update: (id: string, body: BodyOf<'updateArea'>) =>
    call(client.PUT('/api/areas/{id}', { ...pathId(id), body })),
  delete: (id: string, body: BodyOf<'deleteArea'>) =>
    call(client.DELETE('/api/areas/{id}', { ...pathId(id), body })),
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
