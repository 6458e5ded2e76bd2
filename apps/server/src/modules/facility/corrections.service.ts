import { vnToday } from '@hoanhap/domain/pathway-rules';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { updatedStamps } from '../../db/tables/stamps.ts';
import { audit } from '../../platform/audit.ts';
import { Errors } from '../../platform/errors.ts';
import { type Actor, inOwnFacility } from '../../platform/policy.ts';
import { presentAdmission, presentEvent, presentHealth } from './facility.presenter.ts';
import { type EventRow, facilityRepo } from './facility.repo.ts';
import {
  CORRECTABLE_KINDS,
  type EventCorrectionInput,
  groupSchema,
  healthSchema,
  type IntakeCorrectionInput,
  incidentSchema,
  labourSchema,
  rewardSchema,
  sessionSchema,
  supportSchema,
  type VoidInput,
  visitSchema,
} from './facility.schema.ts';
import {
  admissionFor,
  duringStay,
  facilityFor,
  facilityRulesAt,
  fieldError,
  notFuture,
  readsHealth,
  residentsOrFail,
} from './facility-access.ts';

// Corrections of what was entered by mistake: the intake record of an admission, and the events of the
// register (visits, incidents, rewards, support, class attendance, labour, sessions, groups, and health
// records for medical staff only). Each is versioned (409 with the current values when stale) and audited
// with the values before and after. An event entered by mistake is voided, never deleted: it stays in the
// history with who, when and why, and every figure leaves it out.

type Kind = (typeof CORRECTABLE_KINDS)[number];
const eventWord = { vi: 'bản ghi này', en: 'Record' };

/** The date field, subkind and people of a register event's input, by kind. */
const SHAPES: Record<
  Exclude<Kind, 'class_attendance'>,
  {
    schema: z.ZodType;
    on: string;
    subkind: (i: Record<string, unknown>) => string | null;
    people?: (i: Record<string, unknown>) => { field: string; ids: string[] };
  }
> = {
  visit: { schema: visitSchema, on: 'visitedOn', subkind: (i) => i.mode as string },
  incident: { schema: incidentSchema, on: 'occurredOn', subkind: (i) => i.kind as string },
  reward: { schema: rewardSchema, on: 'awardedOn', subkind: (i) => i.kind as string },
  support: { schema: supportSchema, on: 'providedOn', subkind: (i) => i.kind as string },
  health: { schema: healthSchema, on: 'occurredOn', subkind: (i) => i.kind as string },
  labour: {
    schema: labourSchema,
    on: 'workedOn',
    subkind: (i) => i.activity as string,
    people: (i) => ({ field: 'participantAdmissionIds', ids: i.participantAdmissionIds as string[] }),
  },
  session: {
    schema: sessionSchema,
    on: 'heldOn',
    subkind: (i) => i.kind as string,
    people: (i) => ({ field: 'attendeeAdmissionIds', ids: i.attendeeAdmissionIds as string[] }),
  },
  group: {
    schema: groupSchema,
    on: 'formedOn',
    subkind: () => null,
    people: (i) => {
      const ids = i.memberAdmissionIds as string[];
      const leader = i.leaderAdmissionId as string | undefined;
      return { field: 'memberAdmissionIds', ids: leader && !ids.includes(leader) ? [...ids, leader] : ids };
    },
  },
};

function parseInput(schema: z.ZodType, input: unknown): Record<string, unknown> {
  const r = schema.safeParse(input);
  if (r.success) return r.data as Record<string, unknown>;
  const issue = r.error.issues[0]!;
  throw fieldError(
    ['input', ...issue.path.map(String)].join('.'),
    issue.code,
    `Giá trị không hợp lệ: ${issue.message}`,
    `Invalid value: ${issue.message}`,
  );
}

/** The event, if the actor may correct it: 404 outside the actor's facility, 403 on health for non-medical. */
async function eventFor(trx: Kysely<DB>, actor: Actor, id: string): Promise<EventRow> {
  const e = await facilityRepo.eventById(trx, id);
  if (!e || !inOwnFacility(actor, e.facility_id)) throw Errors.notFound(eventWord);
  if (e.health === 1) {
    // A non-medical user must not learn that a health record exists: the same 404 as an unknown id.
    if (!readsHealth(actor)) throw Errors.notFound(eventWord);
    await facilityFor(trx, actor, e.facility_id, 'facility.health');
  } else await facilityFor(trx, actor, e.facility_id, 'facility.write');
  if (!(CORRECTABLE_KINDS as readonly string[]).includes(e.kind))
    throw Errors.conflict('not_correctable', {
      vi: 'Loại bản ghi này được điều chỉnh qua chức năng riêng (thay đổi thời hạn, thông báo, ra cơ sở)',
      en: 'This kind of record is changed through its own flow (term change, notice, release)',
    });
  return e;
}

const present = (e: EventRow) => (e.health === 1 ? presentHealth(e) : presentEvent(e));

function refuseVoided(e: EventRow) {
  if (e.voided_at)
    throw Errors.conflict('voided', {
      vi: 'Bản ghi đã bị hủy bỏ, không sửa được',
      en: 'The record has been voided and cannot be corrected',
    });
}

/** Corrects a register event entered with a mistake: the whole record again, checked as when first entered. */
export async function correctEvent(deps: AppDeps, actor: Actor, id: string, body: EventCorrectionInput) {
  const now = deps.now();
  const today = vnToday(now);
  return deps.database.db.transaction().execute(async (trx) => {
    const e = await eventFor(trx, actor, id);
    if (e.version !== body.version) throw Errors.staleVersion(present(e));
    refuseVoided(e);
    let on: string;
    let subkind: string | null;
    let data: Record<string, unknown>;
    if (e.kind === 'class_attendance') {
      const old = JSON.parse(e.data) as { classId: string };
      const present = body.input.presentAdmissionIds;
      if (!Array.isArray(present) || present.some((x) => typeof x !== 'string'))
        throw fieldError(
          'input.presentAdmissionIds',
          'required',
          'Cần danh sách học viên có mặt',
          'The list of residents present is required',
        );
      const enrolled = new Set(
        (await facilityRepo.learnersOf(trx, [old.classId])).map((l) => l.admission_id),
      );
      const bad = present.findIndex((x) => !enrolled.has(x as string));
      if (bad >= 0)
        throw fieldError(
          `input.presentAdmissionIds.${bad}`,
          'enrolled',
          'Học viên không có trong lớp',
          'Not a learner of this class',
        );
      [on, subkind, data] = [
        e.occurred_on,
        e.subkind,
        { classId: old.classId, present, enrolled: enrolled.size },
      ];
    } else {
      const shape = SHAPES[e.kind as keyof typeof SHAPES];
      const input = parseInput(shape.schema, body.input);
      on = input[shape.on] as string;
      subkind = shape.subkind(input);
      const field = `input.${shape.on}`;
      if (e.admission_id) {
        const a = (await facilityRepo.admission(trx, e.admission_id))!;
        duringStay(field, on, a, today);
      } else notFuture(field, on, today);
      await facilityRulesAt(trx, on, field);
      if (shape.people) {
        const p = shape.people(input);
        await residentsOrFail(trx, e.facility_id, p.ids, `input.${p.field}`);
      }
      if (e.kind === 'health') {
        const { kind: _kind, ...rest } = input;
        data = rest;
      } else data = input;
    }
    const patch = {
      occurred_on: on,
      subkind,
      data: JSON.stringify(data),
      ...updatedStamps(actor, now),
    };
    if (!(await facilityRepo.updateEvent(trx, id, e.version, patch)))
      throw Errors.staleVersion(present((await facilityRepo.eventById(trx, id))!));
    await audit(trx, actor, {
      action: e.health === 1 ? 'facility.health.correct' : 'facility.event.correct',
      entityType: 'facility_event',
      entityId: id,
      // Health content never goes into the audit details, only that it changed.
      details:
        e.health === 1
          ? { kind: e.kind, version: e.version + 1 }
          : {
              kind: e.kind,
              before: { occurredOn: e.occurred_on, subkind: e.subkind, data: JSON.parse(e.data) },
              after: { occurredOn: on, subkind, data },
            },
    });
    return present((await facilityRepo.eventById(trx, id))!);
  });
}

/** Voids an event entered by mistake: kept in the history with the reason, left out of every figure. */
export async function voidEvent(deps: AppDeps, actor: Actor, id: string, body: VoidInput) {
  const now = deps.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const e = await eventFor(trx, actor, id);
    if (e.version !== body.version) throw Errors.staleVersion(present(e));
    refuseVoided(e);
    const patch = {
      voided_at: now.toISOString(),
      voided_by: actor.userId,
      void_reason: body.reason,
      ...updatedStamps(actor, now),
    };
    if (!(await facilityRepo.updateEvent(trx, id, e.version, patch)))
      throw Errors.staleVersion(present((await facilityRepo.eventById(trx, id))!));
    await audit(trx, actor, {
      action: e.health === 1 ? 'facility.health.void' : 'facility.event.void',
      entityType: 'facility_event',
      entityId: id,
      reason: body.reason,
      details: { kind: e.kind, occurredOn: e.occurred_on },
    });
    return present((await facilityRepo.eventById(trx, id))!);
  });
}

/** Corrects the intake record of an admission (record number, classification, belongings, rapid test, notes). */
export async function correctIntake(deps: AppDeps, actor: Actor, id: string, input: IntakeCorrectionInput) {
  const now = deps.now();
  const today = vnToday(now);
  return deps.database.db.transaction().execute(async (trx) => {
    const a = await admissionFor(trx, actor, id, 'facility.write');
    if (a.version !== input.version) throw Errors.staleVersion(await presentAdmission(trx, a, today, false));
    notFuture('rapidTest.testedOn', input.rapidTest.testedOn, today);
    const before = {
      recordNumber: a.record_number,
      classification: a.classification,
      belongings: JSON.parse(a.belongings),
      rapidTest: JSON.parse(a.rapid_test),
      notes: a.notes,
    };
    const patch = {
      record_number: input.recordNumber ?? null,
      classification: input.classification,
      belongings: JSON.stringify(input.belongings),
      rapid_test: JSON.stringify(input.rapidTest),
      notes: input.notes ?? null,
      ...updatedStamps(actor, now),
    };
    if (!(await facilityRepo.updateAdmission(trx, id, a.version, patch)))
      throw Errors.staleVersion(
        await presentAdmission(trx, (await facilityRepo.admission(trx, id))!, today, false),
      );
    const { reason, version: _v, ...after } = input;
    await audit(trx, actor, {
      action: 'facility.intake.correct',
      entityType: 'facility_admission',
      entityId: id,
      reason,
      details: { before, after },
    });
    return presentAdmission(trx, (await facilityRepo.admission(trx, id))!, today, readsHealth(actor));
  });
}
