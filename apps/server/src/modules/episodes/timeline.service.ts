import { type EpisodeOutcome, outcomeLabels } from '@hoanhap/domain/episode-types';
import { type MonitoringEventKind, monitoringEventLabels } from '@hoanhap/domain/monitoring-rules';
import { vnToday } from '@hoanhap/domain/pathway-rules';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { audit } from '../../platform/audit.ts';
import { type Actor, authorize, can, readableClasses } from '../../platform/policy.ts';
import { monitoringRepo } from '../monitoring/monitoring.repo.ts';
import {
  presentCounselling,
  presentDetermination,
  presentDrugTest,
} from '../screening/screening.presenter.ts';
import { screeningRepo } from '../screening/screening.repo.ts';
import { personInScope } from './access.ts';
import { presentContact, presentEpisode } from './episodes.presenter.ts';
import { episodesRepo } from './episodes.repo.ts';
import { syncPerson } from './person-status.ts';
import { presentTransfer } from './transfers.service.ts';

// A person's path in date order: episodes (start, decision, end, certificate) and events (tests, relapses,
// determinations, counselling, contacts, moves). Each kind is included only for roles that may read its
// class: episodes and decisions are 'legal'; screening and contacts are 'drug_use'; moves are basic.

const KINDS = [
  'decision',
  'episode_start',
  'drug_test',
  'relapse',
  'determination',
  'counselling',
  'contact',
  'transfer',
  'monitoring',
  'monitoring_event',
  'episode_end',
  'certificate',
] as const;
type Kind = (typeof KINDS)[number];

const text = z.object({ vi: z.string(), en: z.string() });
export const timelineOut = z
  .object({
    personId: z.string(),
    status: z.string(),
    items: z.array(
      z.object({
        date: z.string(),
        kind: z.enum(KINDS),
        id: z.string(),
        episodeId: z.string().nullable(),
        title: text,
        data: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .meta({ id: 'Timeline' });
type Item = z.infer<typeof timelineOut>['items'][number];

const TITLES: Record<Kind, { vi: string; en: string }> = {
  decision: { vi: 'Quyết định', en: 'Decision' },
  episode_start: { vi: 'Bắt đầu', en: 'Start' },
  drug_test: { vi: 'Xét nghiệm chất ma túy', en: 'Drug test' },
  relapse: { vi: 'Tái sử dụng ma túy', en: 'Relapse' },
  determination: { vi: 'Xác định tình trạng nghiện', en: 'Addiction determination' },
  counselling: { vi: 'Tư vấn', en: 'Counselling' },
  contact: { vi: 'Gặp gỡ, tiếp xúc', en: 'Contact' },
  transfer: { vi: 'Chuyển nơi cư trú', en: 'Moved to another commune' },
  monitoring: { vi: 'Giám sát điện tử', en: 'Electronic monitoring' },
  monitoring_event: { vi: 'Giám sát điện tử', en: 'Electronic monitoring' },
  episode_end: { vi: 'Kết thúc', en: 'End' },
  certificate: { vi: 'Giấy chứng nhận hoàn thành (Mẫu 54)', en: 'Completion certificate (Form 54)' },
};

export async function getTimeline(deps: AppDeps, actor: Actor, personId: string) {
  authorize(actor, 'episodes.read');
  const now = deps.now();
  const today = vnToday(now);
  const classes = readableClasses(actor);
  return deps.database.db.transaction().execute(async (trx) => {
    await personInScope(trx, actor, personId);
    // Statuses move with time alone (a management year runs out): refresh the stored one on reading.
    const status = await syncPerson(trx, personId, now);
    const items: Item[] = [];
    const add = (
      kind: Kind,
      date: string | null,
      id: string,
      episodeId: string | null,
      data: object,
      title = TITLES[kind],
    ) => {
      if (date) items.push({ date, kind, id, episodeId, title, data: data as Record<string, unknown> });
    };
    if (classes.has('legal')) {
      for (const r of await episodesRepo.forPerson(trx, personId)) {
        const e = presentEpisode(r, today);
        if (e.decision?.date)
          add(
            'decision',
            e.decision.date,
            `${r.id}:decision`,
            r.id,
            { ...e.decision, authority: e.authorityLabel },
            {
              vi: `Quyết định: ${e.typeLabel.vi}`,
              en: `Decision: ${e.typeLabel.en}`,
            },
          );
        add('episode_start', e.startDate, `${r.id}:start`, r.id, e, e.typeLabel);
        if (e.certificate) add('certificate', e.certificate.date, `${r.id}:certificate`, r.id, e.certificate);
        else if (e.actualEnd)
          add(
            'episode_end',
            e.actualEnd,
            `${r.id}:end`,
            r.id,
            { outcome: e.outcome, reason: e.outcomeReason },
            {
              vi: `${e.typeLabel.vi}: ${outcomeLabels.vi[e.outcome as EpisodeOutcome] ?? ''}`,
              en: `${e.typeLabel.en}: ${outcomeLabels.en[e.outcome as EpisodeOutcome] ?? ''}`,
            },
          );
      }
    }
    // Electronic monitoring (Law 120/2025): its decision and events, for those who may read measures ('legal').
    if (classes.has('legal') && can(actor, 'monitoring.read')) {
      const measures = await monitoringRepo.forPerson(trx, personId);
      for (const m of measures)
        add(
          'monitoring',
          m.decision_date,
          `${m.id}:decision`,
          m.episode_id,
          { measureId: m.id, number: m.decision_number, startDate: m.start_date, plannedEnd: m.planned_end },
          {
            vi: `Quyết định áp dụng giám sát điện tử số ${m.decision_number}`,
            en: `Electronic monitoring decision no. ${m.decision_number}`,
          },
        );
      const episodeOf = new Map(measures.map((m) => [m.id, m.episode_id]));
      for (const ev of await monitoringRepo.eventsOf(
        trx,
        measures.map((m) => m.id),
      )) {
        const label = monitoringEventLabels;
        const kind = ev.kind as MonitoringEventKind;
        add(
          'monitoring_event',
          ev.occurred_on,
          ev.id,
          episodeOf.get(ev.measure_id) ?? null,
          { measureId: ev.measure_id, kind: ev.kind, description: ev.description },
          {
            vi: `Giám sát điện tử: ${label.vi[kind] ?? ev.kind}`,
            en: `Electronic monitoring: ${label.en[kind] ?? ev.kind}`,
          },
        );
      }
    }
    if (classes.has('drug_use')) {
      for (const t of await screeningRepo.testsForPerson(trx, personId)) {
        const out = presentDrugTest(t, classes);
        add('drug_test', t.tested_on, t.id, t.during_episode_id, out);
        if (t.relapse)
          add('relapse', t.tested_on, `${t.id}:relapse`, t.during_episode_id, {
            testId: t.id,
            duringEpisodeType: t.during_episode_type,
            ...(classes.has('legal')
              ? { criminalWindow: !!t.criminal_window, criminalCase: out.criminalCase ?? null }
              : {}),
          });
      }
      for (const d of await screeningRepo.determinationsForPerson(trx, personId))
        add('determination', d.assessed_on, d.id, null, presentDetermination(d, classes));
      const sessions = await screeningRepo.counsellingForPerson(trx, personId);
      const counts = await screeningRepo.participantCounts(
        trx,
        sessions.map((s) => s.id),
      );
      for (const s of sessions)
        add('counselling', s.held_on, s.id, null, presentCounselling(s, counts.get(s.id) ?? 1));
      for (const c of await episodesRepo.contactsForPerson(trx, personId))
        add('contact', c.contact_date, c.id, c.episode_id, presentContact(c));
    }
    for (const t of await episodesRepo.transfersForPerson(trx, personId))
      add('transfer', t.moved_on, t.id, null, presentTransfer(t));
    const order = (k: Kind) => KINDS.indexOf(k);
    items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : order(a.kind) - order(b.kind)));
    await audit(trx, actor, { action: 'person.timeline', entityType: 'person', entityId: personId });
    return { personId, status, items };
  });
}
