// Typed calls of /api/dossiers (compulsory-rehab dossiers) and of the legal settings (/api/legal, /api/calendar).
// Response types come from the API contract's generated types (api/schema.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, client, withQuery } from '../../api/client.ts';
import type { BodyOf, operations, ResponseOf, Schemas } from '../../api/schema.ts';
import type { Draft } from '../../components/form-kit.tsx';

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

/** The steps of a dossier's procedure (POST /api/dossiers/{id}/<step>), each with its own body. */
export type DossierStepBodies = {
  notify: BodyOf<'notifyDossier'>;
  'close-reading': BodyOf<'closeDossierReading'>;
  submit: BodyOf<'submitDossier'>;
  accept: BodyOf<'acceptDossier'>;
  hearing: BodyOf<'setDossierHearing'>;
  decision: BodyOf<'recordDossierDecision'>;
  execute: BodyOf<'executeDossier'>;
};
export type DossierStep = keyof DossierStepBodies;
/**
 * One step to send: its path and its body without the version (the dossier's, added on sending), as the form
 * builds it before its checks pass (see Draft); a step is sent once they have.
 */
export type DossierStepCall = {
  [S in DossierStep]: { path: S; body: Draft<Omit<DossierStepBodies[S], 'version'>> };
}[DossierStep];

export const dossierApi = {
  create: (body: BodyOf<'createDossier'>) => call(client.POST('/api/dossiers', { body })),
  // Every step's path has the same parameters and answer (the dossier); its body is checked by DossierStepCall.
  step: (id: string, version: number, s: DossierStepCall) =>
    call(
      client.POST(`/api/dossiers/{id}/${s.path}` as '/api/dossiers/{id}/notify', {
        params: { path: { id } },
        body: { version, ...s.body } as BodyOf<'notifyDossier'>,
      }),
    ),
  addPerson: (id: string, body: BodyOf<'addDossierPerson'>) =>
    call(client.POST('/api/dossiers/{id}/persons', { params: { path: { id } }, body })),
  removePerson: (id: string, personId: string, version: number) =>
    call(
      client.DELETE('/api/dossiers/{id}/persons/{personId}', {
        params: { path: { id, personId }, query: { version } },
      }),
    ),
  upload: (id: string, personId: string, kind: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    // A multipart file upload: sent raw (the typed client sends JSON bodies).
    return api.upload<Schemas['DossierDocument']>(
      withQuery(`/api/dossiers/${enc(id)}/documents`, { personId, kind }),
      form,
    );
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
  addOverride: (body: BodyOf<'createRuleOverride'>) => call(client.POST('/api/legal/overrides', { body })),
  revokeOverride: (id: string, body: BodyOf<'revokeRuleOverride'>) =>
    call(client.POST('/api/legal/overrides/{id}/revoke', { params: { path: { id } }, body })),
  addAdjustment: (body: BodyOf<'createCalendarAdjustment'>) =>
    call(client.POST('/api/calendar/adjustments', { body })),
  removeAdjustment: (id: string, reason?: string) =>
    call(
      client.DELETE('/api/calendar/adjustments/{id}', {
        params: { path: { id } },
        body: reason ? { reason } : {},
      }),
    ),
};
