// Typed calls of the declarations API (Law 120/2025/QH15: substances used and their source). The response type
// comes from the server's zod schema (type-only import), as in pathways-api.ts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeclarationOut } from '../../../../server/src/modules/declarations/declarations.presenter.ts';
import { api } from '../../api/client.ts';

export type Declaration = DeclarationOut;
export type DeclarationBody = {
  declaredOn: string;
  substances: string[];
  otherSubstance?: string;
  source: string;
  notes?: string;
};

const key = (personId: string) => ['declarations', personId] as const;

export function useDeclarations(personId: string, enabled = true) {
  return useQuery({
    queryKey: key(personId),
    queryFn: () =>
      api
        .get<{ items: Declaration[] }>(`/api/people/${encodeURIComponent(personId)}/substance-declarations`)
        .then((r) => r.items),
    enabled,
  });
}

/** Records a new declaration, or corrects one read at `version`; refreshes the person's list and timeline. */
export function useDeclarationWrite(personId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: { id?: string; version?: number; body: DeclarationBody }) =>
      p.id
        ? api.put<Declaration>(`/api/substance-declarations/${encodeURIComponent(p.id)}`, {
            ...p.body,
            version: p.version,
          })
        : api.post<Declaration>(`/api/people/${encodeURIComponent(personId)}/substance-declarations`, p.body),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(personId) }),
  });
}
