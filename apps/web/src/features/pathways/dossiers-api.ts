// Typed calls of /api/dossiers (compulsory-rehab dossiers) and of the legal settings (/api/legal, /api/calendar).
// Response types come from the API contract's generated types (api/schema.ts).
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, call, client } from '../../api/client.ts';
import type { operations, ResponseOf, Schemas } from '../../api/schema.ts';
import { meKey } from '../../api/session.ts';
import type { Me } from '../../api/types.ts';
import { currentLang } from '../../i18n/i18n.ts';

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

/**
 * A request the JSON client does not make (multipart upload, DELETE): same CSRF header, same problem+json
 * errors as api/client.ts.
 */
async function raw<T>(qc: QueryClient, method: string, path: string, body?: BodyInit, json = false) {
  const me = qc.getQueryData<Me | null>(meKey);
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLang(),
  };
  if (me?.csrfToken) headers['x-csrf-token'] = me.csrfToken;
  if (json) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, {
      code: 'network_error',
      detail:
        currentLang() === 'vi'
          ? 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.'
          : 'Cannot reach the server. Check the network and try again.',
    });
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = { detail: text };
    }
  }
  if (!res.ok) throw new ApiError(res.status, (data ?? {}) as Record<string, unknown>);
  return data as T;
}

/** A write on a dossier: afterwards the dossier, the lists, the people and the work list reload. */
export function useDossierWrite<I, O>(call: (input: I, qc: QueryClient) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => call(input, qc),
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
  removePerson: (qc: QueryClient, id: string, personId: string, version: number) =>
    raw<Dossier>(qc, 'DELETE', `/api/dossiers/${enc(id)}/persons/${enc(personId)}?version=${version}`),
  upload: (qc: QueryClient, id: string, personId: string, kind: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return raw(
      qc,
      'POST',
      `/api/dossiers/${enc(id)}/documents?personId=${enc(personId)}&kind=${enc(kind)}`,
      form,
    );
  },
  removeDocument: (qc: QueryClient, id: string, documentId: string) =>
    raw<Dossier>(qc, 'DELETE', `/api/dossiers/${enc(id)}/documents/${enc(documentId)}`),
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

export function useLegalWrite<I, O>(call: (input: I, qc: QueryClient) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => call(input, qc),
    onSuccess: () => qc.invalidateQueries({ queryKey: legalKeys.all }),
  });
}

export const legalApi = {
  addOverride: (body: unknown) => api.post<Override>('/api/legal/overrides', body),
  revokeOverride: (id: string, body: unknown) =>
    api.post<Override>(`/api/legal/overrides/${enc(id)}/revoke`, body),
  addAdjustment: (body: unknown) => api.post<Adjustment>('/api/calendar/adjustments', body),
  removeAdjustment: (qc: QueryClient, id: string, reason?: string) =>
    raw(qc, 'DELETE', `/api/calendar/adjustments/${enc(id)}`, JSON.stringify(reason ? { reason } : {}), true),
};
