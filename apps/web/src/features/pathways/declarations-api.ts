// Typed calls of the declarations API (Law 120/2025/QH15: substances used and their source). The response shape
// is the one the API publishes (/api/openapi.json, DeclarationOut); the web does not import the server's source.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

type Text = { vi: string; en: string };
type Who = { id: string | null; name: string | null };
export type Declaration = {
  id: string;
  personId: string;
  declaredOn: string;
  substances: string[];
  otherSubstance: string | null;
  source: string;
  notes: string | null;
  regimeId: string | null;
  /** Whether the law required the declaration on its date. */
  required: boolean;
  /** Legal basis cited (empty before the rule was in force). */
  basis: Text[];
  unit: { kind: string; code: string };
  recordedBy: Who;
  recordedAt: string;
  updatedBy: Who;
  updatedAt: string;
  version: number;
};
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
