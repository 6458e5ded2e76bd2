import { vnToday } from '@hoanhap/domain/pathway-rules';
import type { AppDeps } from '../../app-deps.ts';
import { audit } from '../../platform/audit.ts';
import { Errors } from '../../platform/errors.ts';
import type { Actor } from '../../platform/policy.ts';
import { insertAudited } from '../shared/audited-writes.service.ts';
import { presentEvent, presentHealth } from './facility.presenter.ts';
import { facilityRepo } from './facility.repo.ts';
import type {
  GroupInput,
  HealthInput,
  IncidentInput,
  LabourInput,
  RewardInput,
  SessionInput,
  SupportInput,
  VisitInput,
} from './facility.schema.ts';
import {
  admissionFor,
  duringStay,
  eventRow,
  facilityFor,
  facilityRulesAt,
  notFuture,
  readsHealth,
  residentsOrFail,
} from './facility-access.ts';

// The facility's dated register of a resident's life: health records (class health: medical staff only),
// family visits, incidents and rewards, support services (job and overseas-labour counselling, employer
// links); and the facility-wide ones: labour therapy, counselling and education sessions with attendance,
// self-management groups.

type ResidentEvent =
  | { kind: 'visit'; input: VisitInput }
  | { kind: 'incident'; input: IncidentInput }
  | { kind: 'reward'; input: RewardInput }
  | { kind: 'support'; input: SupportInput };

function dateAndSubkind(e: ResidentEvent): { field: string; on: string; subkind: string | null } {
  switch (e.kind) {
    case 'visit':
      return { field: 'visitedOn', on: e.input.visitedOn, subkind: e.input.mode };
    case 'incident':
      return { field: 'occurredOn', on: e.input.occurredOn, subkind: e.input.kind };
    case 'reward':
      return { field: 'awardedOn', on: e.input.awardedOn, subkind: e.input.kind };
    case 'support':
      return { field: 'providedOn', on: e.input.providedOn, subkind: e.input.kind };
  }
}

/** Records a visit, incident, reward or support service of a resident. */
export async function recordResidentEvent(deps: AppDeps, actor: Actor, id: string, e: ResidentEvent) {
  const now = deps.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const a = await admissionFor(trx, actor, id, 'facility.write');
    const { field, on, subkind } = dateAndSubkind(e);
    duringStay(field, on, a, vnToday(now));
    await facilityRulesAt(trx, on, field);
    const row = eventRow(
      actor,
      { facilityId: a.facility_id, admissionId: id, kind: e.kind, subkind, on, data: e.input },
      now,
    );
    await facilityRepo.insertEvent(trx, row);
    await audit(trx, actor, {
      action: `facility.${e.kind}`,
      entityType: 'facility_admission',
      entityId: id,
      details: { subkind },
    });
    return presentEvent(row);
  });
}

/** A health record of a resident: medical staff only; never leaves the API for anyone else. */
export async function recordHealth(deps: AppDeps, actor: Actor, id: string, input: HealthInput) {
  const now = deps.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const a = await admissionFor(trx, actor, id, 'facility.health');
    duringStay('occurredOn', input.occurredOn, a, vnToday(now));
    const { kind, ...data } = input;
    const row = eventRow(
      actor,
      {
        facilityId: a.facility_id,
        admissionId: id,
        kind: 'health',
        subkind: kind,
        on: input.occurredOn,
        health: true,
        data,
      },
      now,
    );
    await insertAudited(trx, actor, facilityRepo.insertEvent, row, {
      action: 'facility.health.create',
      entityType: 'facility_admission',
      entityId: id,
      details: { kind },
    });
    return presentHealth(row);
  });
}

/** A resident's health records: medical staff only (403 for everyone else). */
export async function listHealth(deps: AppDeps, actor: Actor, id: string) {
  return deps.database.db.transaction().execute(async (trx) => {
    const a = await admissionFor(trx, actor, id, 'facility.health');
    if (!readsHealth(actor)) throw Errors.forbidden();
    const rows = await facilityRepo.eventsOfAdmission(trx, a.id, true);
    await audit(trx, actor, {
      action: 'facility.health.read',
      entityType: 'facility_admission',
      entityId: id,
    });
    return { healthRecords: rows.map(presentHealth) };
  });
}

type FacilityEvent =
  | { kind: 'labour'; input: LabourInput }
  | { kind: 'session'; input: SessionInput }
  | { kind: 'group'; input: GroupInput };

/** Records labour therapy, a counselling/education session with its attendance, or a self-management group. */
export async function recordFacilityEvent(deps: AppDeps, actor: Actor, facilityId: string, e: FacilityEvent) {
  const now = deps.now();
  const today = vnToday(now);
  return deps.database.db.transaction().execute(async (trx) => {
    await facilityFor(trx, actor, facilityId, 'facility.write');
    let on: string;
    let subkind: string | null;
    let field: string;
    let people: string[];
    if (e.kind === 'labour') {
      [on, subkind, field, people] = [
        e.input.workedOn,
        e.input.activity,
        'participantAdmissionIds',
        e.input.participantAdmissionIds,
      ];
    } else if (e.kind === 'session') {
      [on, subkind, field, people] = [
        e.input.heldOn,
        e.input.kind,
        'attendeeAdmissionIds',
        e.input.attendeeAdmissionIds,
      ];
    } else {
      [on, subkind, field, people] = [
        e.input.formedOn,
        null,
        'memberAdmissionIds',
        e.input.memberAdmissionIds,
      ];
      if (e.input.leaderAdmissionId && !people.includes(e.input.leaderAdmissionId))
        people = [...people, e.input.leaderAdmissionId];
    }
    notFuture(e.kind === 'labour' ? 'workedOn' : e.kind === 'session' ? 'heldOn' : 'formedOn', on, today);
    await facilityRulesAt(trx, on, 'date');
    await residentsOrFail(trx, facilityId, people, field);
    const row = eventRow(actor, { facilityId, kind: e.kind, subkind, on, data: e.input }, now);
    await facilityRepo.insertEvent(trx, row);
    await audit(trx, actor, {
      action: `facility.${e.kind}`,
      entityType: 'facility',
      entityId: facilityId,
      details: { subkind, people: people.length },
    });
    return presentEvent(row);
  });
}

/** The facility's register (never the health records), by kind and period. */
export async function listEvents(
  deps: AppDeps,
  actor: Actor,
  facilityId: string,
  q: { kind?: string; from?: string; to?: string },
) {
  return deps.database.db.transaction().execute(async (trx) => {
    await facilityFor(trx, actor, facilityId, 'facility.read');
    const rows = await facilityRepo.events(trx, facilityId, { ...q, health: false });
    await audit(trx, actor, { action: 'facility.events.read', entityType: 'facility', entityId: facilityId });
    return { items: rows.map(presentEvent) };
  });
}
