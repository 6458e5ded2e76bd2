import { randomUUID } from 'node:crypto';
import { vnToday } from '@hoanhap/domain/pathway-rules';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { audit } from '../../platform/audit.ts';
import { shortDate } from '../../platform/documents/official-document.ts';
import { Errors } from '../../platform/errors.ts';
import { type Action, type Actor, authorize, inOwnFacility } from '../../platform/policy.ts';
import { insertAudited } from '../shared/audited-writes.service.ts';
import { presentEvent } from './facility.presenter.ts';
import { type ClassRow, facilityRepo, type LearnerRow } from './facility.repo.ts';
import type { AttendanceInput, ClassInput, CompletionInput, LearnersInput } from './facility.schema.ts';
import {
  classWord,
  eventRow,
  facilityFor,
  facilityRulesAt,
  fieldError,
  notFuture,
  residentsOrFail,
} from './facility-access.ts';

// Vocational classes: trade, teacher and dates; the residents enrolled; attendance by day; and the
// completion certificate of each learner who finished.

async function classFor(trx: Kysely<DB>, actor: Actor, id: string, action: Action) {
  authorize(actor, action);
  const c = await facilityRepo.classById(trx, id);
  if (!c || !inOwnFacility(actor, c.facility_id)) throw Errors.notFound(classWord);
  return c;
}

function presentClass(c: ClassRow, learners: LearnerRow[]) {
  return {
    id: c.id,
    facilityId: c.facility_id,
    trade: c.trade,
    teacher: c.teacher,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    learners: learners.map((l) => ({
      admissionId: l.admission_id,
      enrolledOn: l.enrolled_on,
      certificateNumber: l.certificate_number,
      certificateDate: l.certificate_date,
    })),
    version: c.version,
  };
}

export async function createClass(deps: AppDeps, actor: Actor, facilityId: string, input: ClassInput) {
  const now = deps.now();
  return deps.database.db.transaction().execute(async (trx) => {
    await facilityFor(trx, actor, facilityId, 'facility.write');
    if (input.endsOn < input.startsOn)
      throw fieldError(
        'endsOn',
        'after_start',
        'Ngày kết thúc trước ngày bắt đầu',
        'The class ends before it starts',
      );
    await facilityRulesAt(trx, input.startsOn, 'startsOn');
    const row: ClassRow = {
      id: randomUUID(),
      facility_id: facilityId,
      trade: input.trade,
      teacher: input.teacher,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      version: 1,
      created_at: now.toISOString(),
      created_by: actor.userId,
    };
    await insertAudited(trx, actor, facilityRepo.insertClass, row, {
      action: 'facility.class.create',
      entityType: 'facility_class',
      details: { trade: row.trade },
    });
    return presentClass(row, []);
  });
}

export async function listClasses(
  deps: AppDeps,
  actor: Actor,
  facilityId: string,
  q: { from?: string; to?: string },
) {
  return deps.database.db.transaction().execute(async (trx) => {
    await facilityFor(trx, actor, facilityId, 'facility.read');
    const classes = await facilityRepo.classes(trx, facilityId, q.from, q.to);
    const learners = await facilityRepo.learnersOf(
      trx,
      classes.map((c) => c.id),
    );
    await audit(trx, actor, { action: 'facility.class.list', entityType: 'facility', entityId: facilityId });
    return {
      items: classes.map((c) =>
        presentClass(
          c,
          learners.filter((l) => l.class_id === c.id),
        ),
      ),
    };
  });
}

export async function enrol(deps: AppDeps, actor: Actor, id: string, input: LearnersInput) {
  const now = deps.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const c = await classFor(trx, actor, id, 'facility.write');
    notFuture('enrolledOn', input.enrolledOn, vnToday(now));
    if (input.enrolledOn < c.starts_on || input.enrolledOn > c.ends_on)
      throw fieldError(
        'enrolledOn',
        'during_class',
        'Ngày ghi danh ngoài thời gian lớp học',
        'Enrolment outside the class dates',
      );
    const residents = await residentsOrFail(trx, c.facility_id, input.admissionIds, 'admissionIds');
    const open = residents.findIndex((r) => r.released_on !== null);
    if (open >= 0)
      throw fieldError(
        `admissionIds.${open}`,
        'resident_present',
        'Học viên đã ra cơ sở',
        'The resident has left',
      );
    const existing = new Set((await facilityRepo.learnersOf(trx, [id])).map((l) => l.admission_id));
    if (residents.some((r) => existing.has(r.id)))
      throw Errors.conflict('already_enrolled', {
        vi: 'Học viên đã có trong lớp',
        en: 'A resident is already in the class',
      });
    await facilityRepo.insertLearners(
      trx,
      residents.map((r) => ({
        class_id: id,
        admission_id: r.id,
        enrolled_on: input.enrolledOn,
        certificate_number: null,
        certificate_date: null,
      })),
    );
    await audit(trx, actor, {
      action: 'facility.class.enrol',
      entityType: 'facility_class',
      entityId: id,
      details: { count: residents.length },
    });
    return presentClass(c, await facilityRepo.learnersOf(trx, [id]));
  });
}

export async function recordAttendance(deps: AppDeps, actor: Actor, id: string, input: AttendanceInput) {
  const now = deps.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const c = await classFor(trx, actor, id, 'facility.write');
    notFuture('date', input.date, vnToday(now));
    if (input.date < c.starts_on || input.date > c.ends_on)
      throw fieldError(
        'date',
        'during_class',
        'Ngày ngoài thời gian lớp học',
        'The date is outside the class dates',
      );
    const enrolled = new Set((await facilityRepo.learnersOf(trx, [id])).map((l) => l.admission_id));
    const bad = input.presentAdmissionIds.findIndex((x) => !enrolled.has(x));
    if (bad >= 0)
      throw fieldError(
        `presentAdmissionIds.${bad}`,
        'enrolled',
        'Học viên không có trong lớp',
        'Not a learner of this class',
      );
    const row = eventRow(
      actor,
      {
        facilityId: c.facility_id,
        kind: 'class_attendance',
        subkind: id,
        on: input.date,
        data: { classId: id, present: input.presentAdmissionIds, enrolled: enrolled.size },
      },
      now,
    );
    await insertAudited(trx, actor, facilityRepo.insertEvent, row, {
      action: 'facility.class.attendance',
      entityType: 'facility_class',
      entityId: id,
    });
    return presentEvent(row);
  });
}

/** The completion certificate of a learner, once the class has ended. */
export async function certify(deps: AppDeps, actor: Actor, id: string, input: CompletionInput) {
  const now = deps.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const c = await classFor(trx, actor, id, 'facility.write');
    notFuture('issuedOn', input.issuedOn, vnToday(now));
    const l = await facilityRepo.learner(trx, id, input.admissionId);
    if (!l)
      throw fieldError(
        'admissionId',
        'enrolled',
        'Học viên không có trong lớp',
        'Not a learner of this class',
      );
    if (l.certificate_number)
      throw Errors.conflict('certificate_issued', {
        vi: 'Đã cấp chứng chỉ',
        en: 'The certificate was already issued',
      });
    if (input.issuedOn < c.ends_on)
      throw Errors.unprocessable('class_not_finished', {
        vi: `Lớp học kết thúc ngày ${shortDate(c.ends_on)}: chưa thể cấp chứng chỉ`,
        en: `The class ends on ${shortDate(c.ends_on)}: no certificate before then`,
      });
    await facilityRepo.certify(trx, id, input.admissionId, input.number, input.issuedOn);
    await audit(trx, actor, {
      action: 'facility.class.certificate',
      entityType: 'facility_class',
      entityId: id,
      details: { admissionId: input.admissionId },
    });
    return presentClass(c, await facilityRepo.learnersOf(trx, [id]));
  });
}
