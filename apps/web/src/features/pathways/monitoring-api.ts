// Typed calls of the electronic-monitoring API (Law 120/2025/QH15 Art. 12).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../../api/client.ts';
import type { BodyOf, Schemas } from '../../api/schema.ts';
import { pathwayKeys } from './pathways-api.ts';

// The shapes the API publishes (docs/openapi.json, MonitoringMeasure); the web does not import the server's source.
export type Measure = Schemas['MonitoringMeasure'];
export type MonitoringEvent = Measure['events'][number];
export type MeasureBody = BodyOf<'createMonitoring'>;
export type EventBody = BodyOf<'recordMonitoringEvent'>;

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
      call(client.GET('/api/people/{id}/monitoring', { params: { path: { id: personId } } })).then(
        (r) => r.items,
      ),
    enabled,
  });
}

/** Records a measure; refreshes the person's list. */
export function useMeasureCreate(personId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MeasureBody) =>
      call(client.POST('/api/people/{id}/monitoring', { params: { path: { id: personId } }, body })),
    onSuccess: () => refresh(qc, personId),
  });
}

/** Records an event of a measure read at `version` (a removal ends it); refreshes the list. */
export function useMeasureEvent(personId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: { id: string; body: EventBody }) =>
      call(client.POST('/api/monitoring/{id}/events', { params: { path: { id: p.id } }, body: p.body })),
    onSuccess: () => refresh(qc, personId),
  });
}
