import { BLOCK_BY_ID } from '@hoanhap/domain/indicators';
import { vnToday } from '@hoanhap/domain/pathway-rules';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/policy.ts';
import { blocksRepo } from '../reports/blocks.repo.ts';
import { termOf } from './facility.presenter.ts';
import { facilityRepo } from './facility.repo.ts';
import { facilityFor, fieldError } from './facility-access.ts';

// Counts computed from the recorded events, never typed in: the facility dashboard for a period and the
// yearly figures of the source articles (received, reintegrated, term reductions, health checks, HIV tests,
// classes and learners, handovers). Counts only: no identities, so province and nation may read them, and
// health counts are given to non-medical staff without any detail.

const counter = (rows: { kind: string; subkind: string | null; n: number }[]) => ({
  total: (kind: string, subkinds?: string[]) =>
    rows
      .filter((r) => r.kind === kind && (!subkinds || subkinds.includes(r.subkind ?? '')))
      .reduce((s, r) => s + r.n, 0),
  by: (kind: string) =>
    Object.fromEntries(rows.filter((r) => r.kind === kind).map((r) => [r.subkind ?? 'other', r.n])) as Record<
      string,
      number
    >,
});

/**
 * A catalogue block's figure for the facility (reports/blocks.repo.ts): the figures that are also indicators
 * (learners, term reductions, periodic checks, overseas-labour counselling) are read from the very blocks the
 * dashboard, reports and exports use, so they cannot differ.
 */
async function blockFigure(
  db: Kysely<DB>,
  facilityId: string,
  block: string,
  from: string,
  to: string,
  params: Record<string, string> = {},
) {
  const measure = BLOCK_BY_ID.get(block)!.measure;
  const rows = await blocksRepo.aggregate(
    db,
    block,
    params,
    { from, to },
    { kind: 'facility', id: facilityId },
    measure,
  );
  return rows[0]?.value ?? 0;
}

/** The figures shared with the indicator catalogue, for a period. */
async function catalogueFigures(db: Kysely<DB>, facilityId: string, from: string, to: string) {
  const f = (block: string, kind?: string) =>
    blockFigure(db, facilityId, block, from, to, kind ? { kind } : {});
  return {
    learners: await f('facility_learners'),
    enrolments: await f('facility_enrolments'),
    termReductions: await f('facility_event_people', 'term_reduction'),
    termReductionDecisions: await f('facility_events', 'term_reduction'),
    healthCheckCount: await f('facility_events', 'health_check'),
    healthCheckPeople: await f('facility_event_people', 'health_check'),
    overseasLabourCounselled: await f('facility_event_people', 'overseas_labour'),
    handovers: await f('facility_event_people', 'handover'),
    classes: await f('facility_classes'),
  };
}

const byCount = z.record(z.string(), z.number());
export const dashboardOut = z.object({
  facilityId: z.string(),
  facilityName: z.string(),
  from: z.string(),
  to: z.string(),
  residents: z.number(),
  residentsByStage: byCount,
  residentsByBasis: byCount,
  absent: z.number(),
  admissions: z.number(),
  releases: z.number(),
  departures: byCount,
  /** Classes that started in the period (indicator facility_classes). */
  classes: z.number(),
  /** Distinct residents enrolled in a class that started in the period (indicator facility_learners). */
  learners: z.number(),
  /** Enrolments in classes that started in the period (indicator facility_enrolments). */
  enrolments: z.number(),
  /** Distinct residents granted a term reduction or early release, and the decisions (events). */
  termReductionPeople: z.number(),
  termReductionDecisions: z.number(),
  /** Distinct residents counselled for overseas labour (support kind overseas_labour_counselling). */
  overseasLabourCounselled: z.number(),
  health: z.object({
    entryChecks: z.number(),
    periodicChecks: z.number(),
    /** Distinct residents given a periodic check (periodicChecks counts the visits). */
    periodicCheckPeople: z.number(),
    treatments: z.number(),
    referrals: z.number(),
    infectiousTests: z.number(),
  }),
  incidents: byCount,
  rewards: z.number(),
  visits: byCount,
  sessions: z.number(),
  labourHours: z.number(),
  termChanges: byCount,
});

export async function dashboard(
  deps: AppDeps,
  actor: Actor,
  facilityId: string,
  q: { from?: string; to?: string },
) {
  const today = vnToday(deps.now());
  const from = q.from ?? `${today.slice(0, 4)}-01-01`;
  const to = q.to ?? today;
  if (to < from)
    throw fieldError(
      'to',
      'after_from',
      'Ngày kết thúc trước ngày bắt đầu',
      'The period ends before it starts',
    );
  return deps.database.db.transaction().execute(async (trx) => {
    const f = await facilityFor(trx, actor, facilityId, 'facility.figures');
    const open = await facilityRepo.openAdmissions(trx, facilityId);
    const byStage: Record<string, number> = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
    const byBasis: Record<string, number> = { voluntary: 0, compulsory_pending: 0, compulsory: 0 };
    for (const a of open) {
      byStage[String(a.stage)]++;
      byBasis[(await termOf(trx, a)).basis]++;
    }
    const c = counter(await facilityRepo.eventCounts(trx, facilityId, from, to));
    const shared = await catalogueFigures(trx, facilityId, from, to);
    const labour = await facilityRepo.eventsOfKind(trx, facilityId, 'labour', from, to);
    const labourHours = labour.reduce((s, e) => {
      const d = JSON.parse(e.data) as { hours: number; participantAdmissionIds: string[] };
      return s + d.hours * d.participantAdmissionIds.length;
    }, 0);
    await audit(trx, actor, {
      action: 'facility.dashboard',
      entityType: 'facility',
      entityId: facilityId,
      details: { from, to },
    });
    return {
      facilityId,
      facilityName: f.name,
      from,
      to,
      residents: open.length,
      residentsByStage: byStage,
      residentsByBasis: byBasis,
      absent: open.filter((a) => a.absence_kind).length,
      admissions: await facilityRepo.countAdmitted(trx, facilityId, from, to),
      releases: c.total('release'),
      departures: c.by('departure'),
      classes: shared.classes,
      learners: shared.learners,
      enrolments: shared.enrolments,
      termReductionPeople: shared.termReductions,
      termReductionDecisions: shared.termReductionDecisions,
      overseasLabourCounselled: shared.overseasLabourCounselled,
      health: {
        entryChecks: c.total('health', ['entry_check']),
        periodicChecks: shared.healthCheckCount,
        periodicCheckPeople: shared.healthCheckPeople,
        treatments: c.total('health', ['treatment']),
        referrals: c.total('health', ['referral']),
        infectiousTests: c.total('health', ['infectious_test']),
      },
      incidents: c.by('incident'),
      rewards: c.total('reward'),
      visits: c.by('visit'),
      sessions: c.total('session'),
      labourHours,
      termChanges: c.by('term_change'),
    };
  });
}

export const figuresOut = z.object({
  facilityId: z.string(),
  year: z.number(),
  received: z.number(),
  reintegrated: z.number(),
  departures: z.number(),
  /** Distinct residents granted a term reduction or early release (indicator facility_term_reductions). */
  termReductions: z.number(),
  /** The decisions granting them (indicator facility_term_reduction_decisions). */
  termReductionDecisions: z.number(),
  earlyReleases: z.number(),
  /** Periodic health checks: the visits, and the distinct residents checked. */
  healthCheckCount: z.number(),
  healthCheckPeople: z.number(),
  entryHealthCheckCount: z.number(),
  hivTestCount: z.number(),
  infectiousTestCount: z.number(),
  classes: z.number(),
  /** Distinct residents enrolled in the year's classes, and the enrolments. */
  learners: z.number(),
  enrolments: z.number(),
  certificates: z.number(),
  handovers: z.number(),
  flaggedForProvince: z.number(),
  familyVisits: z.number(),
  incidents: z.number(),
  supportServices: z.number(),
  /** Distinct residents counselled for overseas labour (indicator facility_overseas_labour_counselled). */
  overseasLabourCounselled: z.number(),
});

/** The facility's figures for a calendar year, from the recorded events. */
export async function yearlyFigures(deps: AppDeps, actor: Actor, facilityId: string, year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  return deps.database.db.transaction().execute(async (trx) => {
    await facilityFor(trx, actor, facilityId, 'facility.figures');
    const c = counter(await facilityRepo.eventCounts(trx, facilityId, from, to));
    const tests = await facilityRepo.eventsOfKind(trx, facilityId, 'health', from, to);
    const hiv = tests.filter(
      (e) => e.subkind === 'infectious_test' && JSON.parse(e.data).disease === 'hiv',
    ).length;
    const classes = (await facilityRepo.classes(trx, facilityId, from, to)).filter(
      (x) => x.starts_on >= from,
    );
    const enrolled = await facilityRepo.learnersOf(
      trx,
      classes.map((x) => x.id),
    );
    const shared = await catalogueFigures(trx, facilityId, from, to);
    await audit(trx, actor, {
      action: 'facility.figures',
      entityType: 'facility',
      entityId: facilityId,
      details: { year },
    });
    return {
      facilityId,
      year,
      received: await facilityRepo.countAdmitted(trx, facilityId, from, to),
      reintegrated: c.total('release'),
      departures: c.total('departure'),
      termReductions: shared.termReductions,
      termReductionDecisions: shared.termReductionDecisions,
      earlyReleases: c.total('term_change', ['early_release']),
      healthCheckCount: shared.healthCheckCount,
      healthCheckPeople: shared.healthCheckPeople,
      entryHealthCheckCount: c.total('health', ['entry_check']),
      hivTestCount: hiv,
      infectiousTestCount: c.total('health', ['infectious_test']),
      classes: classes.length,
      learners: shared.learners,
      enrolments: shared.enrolments,
      certificates: enrolled.filter((l) => l.certificate_number).length,
      handovers: shared.handovers,
      flaggedForProvince: c.total('release', ['province']),
      familyVisits: c.total('visit'),
      incidents: c.total('incident'),
      supportServices: c.total('support'),
      overseasLabourCounselled: shared.overseasLabourCounselled,
    };
  });
}
