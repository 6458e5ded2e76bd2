// Typed calls of the electronic-monitoring API (Law 120/2025/QH15 Art. 12).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { pathwayKeys } from './pathways-api.ts';

type Text = { vi: string; en: string };
// The response shape the API publishes (/api/openapi.json); the web does not import the server's source.
export type MonitoringEvent = {
  id: string;
  kind: string;
  label: Text;
  occurredOn: string;
  description: string | null;
  recordedAt: string;
  recordedBy: string | null;
  version: number;
};
export type Measure = {
  id: string;
  personId: string;
  episode: { id: string; type: string; label: Text };
  communeCode: string;
  decision: { number: string; date: string; signer: string | null };
  authority: { id: string; label: Text };
  regimeId: string;
  /** Legal basis of the rule in force on the decision date. */
  basis: Text[];
  startDate: string;
  plannedEnd: string;
  /** Last day of the situation the measure rests on; null while open. */
  basisEndsOn: string | null;
  actualEnd: string | null;
  means: string;
  meansLabel: Text;
  meansOther: string | null;
  status: 'active' | 'end_due' | 'ended';
  notes: string | null;
  events: MonitoringEvent[];
  version: number;
  createdAt: string;
  updatedAt: string;
};
export type MeasureBody = {
  decisionNumber: string;
  decisionDate: string;
  decisionSigner?: string;
  startDate: string;
  plannedEnd: string;
  means: string;
  meansOther?: string;
  notes?: string;
};
export type EventBody = { version: number; kind: string; occurredOn: string; description?: string };

const key = (personId: string) => ['monitoring', personId] as const;

/** A measure or event changes the person's list, timeline and the work list (its end task). */
function refresh(qc: ReturnType<typeof useQueryClient>, personId: string) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: key(personId) }),
    qc.invalidateQueries({ queryKey: pathwayKeys.timeline(personId) }),
    qc.invalidateQueries({ queryKey: ['tasks'] }),
  ]);
}

export function useMeasures(personId: string, enabled = true) {
  return useQuery({
    queryKey: key(personId),
    queryFn: () =>
      api
        .get<{ items: Measure[] }>(`/api/people/${encodeURIComponent(personId)}/monitoring`)
        .then((r) => r.items),
    enabled,
  });
}

/** Records a measure; refreshes the person's list. */
export function useMeasureCreate(personId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MeasureBody) =>
      api.post<Measure>(`/api/people/${encodeURIComponent(personId)}/monitoring`, body),
    onSuccess: () => refresh(qc, personId),
  });
}

/** Records an event of a measure read at `version` (a removal ends it); refreshes the list. */
export function useMeasureEvent(personId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: { id: string; body: EventBody }) =>
      api.post<Measure>(`/api/monitoring/${encodeURIComponent(p.id)}/events`, p.body),
    onSuccess: () => refresh(qc, personId),
  });
}
