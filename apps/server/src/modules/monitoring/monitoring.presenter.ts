import { FAR_FUTURE } from '@hoanhap/domain/episode-terms';
import { episodeTypeLabels } from '@hoanhap/domain/episode-types';
import {
  type MonitoringEpisode,
  monitoringEventLabels,
  monitoringLimit,
  monitoringMeansLabels,
} from '@hoanhap/domain/monitoring-rules';
import { authorityLabels } from '@hoanhap/domain/pathway-rules';
import { labelOf } from '@hoanhap/domain/vocabulary';
import { z } from 'zod';
import { bilingual, strOrNull } from '../../platform/http/schemas.ts';
import type { MeasureRow, MonitoringEventRow } from './monitoring.repo.ts';

// A measure is of class 'legal' as a whole: the service refuses roles that may not read it. The presented
// status: 'active' while it runs, 'end_due' once it should have ended without the removal recorded (its planned
// end passed, or the situation it rests on — the qualifying episode — ended first), 'ended' once the removal is
// recorded.

export const monitoringEventOut = z
  .object({
    id: z.string(),
    kind: z.string(),
    label: bilingual,
    occurredOn: z.string(),
    description: strOrNull,
    recordedAt: z.string(),
    recordedBy: strOrNull,
    version: z.number(),
  })
  .meta({ id: 'MonitoringEvent' });

export const measureOut = z
  .object({
    id: z.string(),
    personId: z.string(),
    episode: z.object({ id: z.string(), type: z.string(), label: bilingual }),
    communeCode: z.string(),
    decision: z.object({ number: z.string(), date: z.string(), signer: z.string().nullable() }),
    authority: z.object({ id: z.string(), label: bilingual }),
    regimeId: z.string(),
    basis: z.array(bilingual).describe('Legal basis of the rule in force on the decision date'),
    startDate: z.string(),
    plannedEnd: z.string(),
    basisEndsOn: z
      .string()
      .nullable()
      .describe('Last day of the situation the measure rests on (the qualifying episode); null while open'),
    actualEnd: strOrNull,
    means: z.string(),
    meansLabel: bilingual,
    meansOther: strOrNull,
    status: z.enum(['active', 'end_due', 'ended']),
    notes: strOrNull,
    events: z.array(monitoringEventOut),
    version: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'MonitoringMeasure' });
export type MeasureOut = z.infer<typeof measureOut>;

export function presentEvent(e: MonitoringEventRow) {
  return {
    id: e.id,
    kind: e.kind,
    label: labelOf(monitoringEventLabels, e.kind),
    occurredOn: e.occurred_on,
    description: e.description,
    recordedAt: e.recorded_at,
    recordedBy: e.recorded_by,
    version: e.version,
  };
}

export function presentMeasure(
  r: MeasureRow,
  episode: MonitoringEpisode | undefined,
  events: MonitoringEventRow[],
  today: string,
): MeasureOut {
  const episodeType = episode?.type ?? '';
  const limit = episode ? monitoringLimit(episode) : FAR_FUTURE;
  const basisEndsOn = limit === FAR_FUTURE ? null : limit;
  const endsOn = basisEndsOn && basisEndsOn < r.planned_end ? basisEndsOn : r.planned_end;
  return {
    id: r.id,
    personId: r.person_id,
    episode: {
      id: r.episode_id,
      type: episodeType,
      label: labelOf(episodeTypeLabels, episodeType),
    },
    communeCode: r.commune_code,
    decision: { number: r.decision_number, date: r.decision_date, signer: r.decision_signer },
    authority: {
      id: r.authority,
      label: labelOf(authorityLabels, r.authority),
    },
    regimeId: r.regime_id,
    basis: JSON.parse(r.basis),
    startDate: r.start_date,
    plannedEnd: r.planned_end,
    basisEndsOn,
    actualEnd: r.actual_end,
    means: r.means,
    meansLabel: labelOf(monitoringMeansLabels, r.means),
    meansOther: r.means_other,
    status: r.actual_end ? 'ended' : endsOn < today ? 'end_due' : 'active',
    notes: r.notes,
    events: events.map(presentEvent),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
