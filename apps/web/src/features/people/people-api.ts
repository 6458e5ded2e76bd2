import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Person, PersonList } from '../../api/types.ts';

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
    queryFn: () => api.get<PersonList>('/api/people', query),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: ['people', 'one', id],
    queryFn: () => api.get<Person>(`/api/people/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}
