// Typed calls of /api/dossiers (compulsory-rehab dossiers) and of the legal settings (/api/legal, /api/calendar).
// Response types come from the API contract's generated types (api/schema.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, client, withQuery } from '../../api/client.ts';
import type { operations, ResponseOf, Schemas } from '../../api/schema.ts';

export type Dossier = Schemas['Dossier'];
type DossierQuery = NonNullable<operations['listDossiers']['parameters']['query']>;
export type DossierStatus = NonNullable<DossierQuery['status']>;
export type DossierList = ResponseOf<'listDossiers'>;
export type DossierSummary = DossierList['items'][number];
export type DossierPerson = Dossier['persons'][number];
export type RulesInForce = ResponseOf<'getLegalRules'>;
export type RuleInForce = RulesInForce['rules'][number];
export type Regimes = ResponseOf<'listLegalRegimes'>;
export type Override = Schemas['RuleOverride'];
export type Holidays = ResponseOf<'listHolidays'>;
export type Adjustment = Schemas['CalendarAdjustment'];

export const dossierKeys = {
  all: ['dossiers'] as const,
  list: (q: Record<string, unknown>) => ['dossiers', 'list', q] as const,
  one: (id: string) => ['dossiers', 'one', id] as const,
};

const enc = encodeURIComponent;

export function useDossiers(
  query: Omit<NonNullable<operations['listDossiers']['parameters']['query']>, 'limit'>,
) {
  return useQuery({
    queryKey: dossierKeys.list(query),
    queryFn: () => call(client.GET('/api/dossiers', { params: { query: { ...query, limit: 20 } } })),
  });
}

export function useDossier(id: string) {
  return useQuery({
    queryKey: dossierKeys.one(id),
    queryFn: () => call(client.GET('/api/dossiers/{id}', { params: { path: { id } } })),
  });
}

/** A write on a dossier: afterwards the dossier, the lists, the people and the work list reload. */
export function useDossierWrite<I, O>(write: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: dossierKeys.all }),
        qc.invalidateQueries({ queryKey: ['people'] }),
        qc.invalidateQueries({ queryKey: ['pathways'] }),
        qc.invalidateQueries({ queryKey: ['tasks'] }),
      ]);
    },
  });
}

export const dossierApi = {
  create: (body: unknown) => api.post<Dossier>('/api/dossiers', body),
  step: (id: string, step: string, body: unknown) =>
    api.post<Dossier>(`/api/dossiers/${enc(id)}/${step}`, body),
  addPerson: (id: string, body: unknown) => api.post<Dossier>(`/api/dossiers/${enc(id)}/persons`, body),
  removePerson: (id: string, personId: string, version: number) =>
    call(
      client.DELETE('/api/dossiers/{id}/persons/{personId}', {
        params: { path: { id, personId }, query: { version } },
      }),
    ),
  upload: (id: string, personId: string, kind: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload(withQuery(`/api/dossiers/${enc(id)}/documents`, { personId, kind }), form);
  },
  removeDocument: (id: string, documentId: string) =>
    call(
      client.DELETE('/api/dossiers/{id}/documents/{documentId}', { params: { path: { id, documentId } } }),
    ),
};

export const documentHref = (id: string, documentId: string) =>
  `/api/dossiers/${enc(id)}/documents/${enc(documentId)}`;
export const coverListHref = (id: string, format: 'docx' | 'pdf') =>
  `/api/dossiers/${enc(id)}/cover-list.${format}`;

// ---- legal settings ----

export const legalKeys = {
  all: ['legal'] as const,
  rules: (date: string) => ['legal', 'rules', date] as const,
  overrides: ['legal', 'overrides'] as const,
  holidays: (year: number) => ['legal', 'holidays', year] as const,
};

export function useRulesInForce(date: string) {
  return useQuery({
    queryKey: legalKeys.rules(date),
    queryFn: () => call(client.GET('/api/legal/rules', { params: { query: { date } } })),
  });
}

export function useRegimes() {
  return useQuery({ queryKey: ['legal', 'regimes'], queryFn: () => call(client.GET('/api/legal/regimes')) });
}

export function useOverrides() {
  return useQuery({
    queryKey: legalKeys.overrides,
    queryFn: () => call(client.GET('/api/legal/overrides')).then((r) => r.items),
  });
}

export function useHolidays(year: number) {
  return useQuery({
    queryKey: legalKeys.holidays(year),
    queryFn: () => call(client.GET('/api/calendar/holidays', { params: { query: { year } } })),
  });
}

export function useLegalWrite<I, O>(write: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => qc.invalidateQueries({ queryKey: legalKeys.all }),
  });
}

export const legalApi = {
  addOverride: (body: unknown) => api.post<Override>('/api/legal/overrides', body),
  revokeOverride: (id: string, body: unknown) =>
    api.post<Override>(`/api/legal/overrides/${enc(id)}/revoke`, body),
  addAdjustment: (body: unknown) => api.post<Adjustment>('/api/calendar/adjustments', body),
  removeAdjustment: (id: string, reason?: string) =>
    call(
      client.DELETE('/api/calendar/adjustments/{id}', {
        params: { path: { id } },
        body: reason ? { reason } : {},
      }),
    ),
};
