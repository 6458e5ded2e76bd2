import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call, client } from '../../api/client.ts';

export type PeopleQuery = {
  q?: string;
  communeCode?: string;
  status?: string;
  limit: number;
  offset: number;
};

export function usePeopleSearch(query: PeopleQuery) {
  return useQuery({
    queryKey: ['people', 'search', query],
    queryFn: () => call(client.GET('/api/people', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: ['people', 'one', id],
    queryFn: () => call(client.GET('/api/people/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}
