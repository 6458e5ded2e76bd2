// Typed calls of the declarations API (Law 120/2025/QH15: substances used and their source). The response shape
// is the one the API publishes (docs/openapi.json, SubstanceDeclaration); the web does not import the server's source.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../../api/client.ts';
import type { BodyOf, Schemas } from '../../api/schema.ts';

export type Declaration = Schemas['SubstanceDeclaration'];
export type DeclarationBody = BodyOf<'createSubstanceDeclaration'>;

const key = (personId: string) => ['declarations', personId] as const;

export function useDeclarations(personId: string, enabled = true) {
  return useQuery({
    queryKey: key(personId),
    queryFn: () =>
      call(
        client.GET('/api/people/{id}/substance-declarations', { params: { path: { id: personId } } }),
      ).then((r) => r.items),
    enabled,
  });
}

/** Records a new declaration, or corrects one read at `version`; refreshes the person's list and timeline. */
export function useDeclarationWrite(personId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: { id?: string; version?: number; body: DeclarationBody }) =>
      p.id && p.version !== undefined
        ? call(
            client.PUT('/api/substance-declarations/{id}', {
              params: { path: { id: p.id } },
              body: { ...p.body, version: p.version },
            }),
          )
        : call(
            client.POST('/api/people/{id}/substance-declarations', {
              params: { path: { id: personId } },
              body: p.body,
            }),
          ),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(personId) }),
  });
}
