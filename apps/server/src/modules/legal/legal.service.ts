import { randomUUID } from 'node:crypto';
import { dateParts, formatDmy, isoDate } from '@hoanhap/domain/iso-date';
import type { LegalBasis } from '@hoanhap/domain/legal-basis';
import {
  FIRST_REGIME_DATE,
  REGIMES,
  RULE_SHAPES,
  type RuleKey,
  type RuleOverride,
  type RuleValue,
  regimeOn,
  rulesOn,
} from '@hoanhap/domain/legal-regimes';
import { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR } from '@hoanhap/domain/lunar-calendar';
import { holidaysOf, isWorkingDay, OFFICIAL_SCHEDULES } from '@hoanhap/domain/working-days';
import type { AppDeps } from '../../app-deps.ts';
import { audit } from '../../platform/audit.ts';
import { Errors, type FieldError } from '../../platform/errors.ts';
import { type Actor, assertNational, authorize } from '../../platform/policy.ts';
import { insertAudited } from '../shared/audited-writes.service.ts';
import {
  presentAdjustment,
  presentOverride,
  presentRegime,
  presentRulesInForce,
  ROLE_IDS,
  ROLE_NAMES,
} from './legal.presenter.ts';
import { legalRepo } from './legal.repo.ts';
import type {
  AdjustmentCreateInput,
  OverrideCreateInput,
  OverrideQuery,
  OverrideRevokeInput,
} from './legal.schema.ts';
import { invalidateLegalContext, loadLegalContext } from './legal-context.ts';

const overrideWord = { vi: 'thay đổi quy định', en: 'Rule override' };
const adjustmentWord = { vi: 'điều chỉnh lịch nghỉ', en: 'Calendar adjustment' };

function invalid(field: string, rule: string, vi: string, en: string): FieldError {
  return { field, rule, messages: { vi, en } };
}

function todayInVietnam(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** Legal settings are national: the role must hold rules.manage and the account must have national scope. */
function assertCanManage(actor: Actor): void {
  authorize(actor, 'rules.manage');
  assertNational(actor, {
    vi: 'Chỉ quản trị viên cấp quốc gia được thay đổi quy định và lịch nghỉ',
    en: 'Only national administrators may change legal rules and the calendar',
  });
}

// ---- rules (readable by any logged-in user: this is law, not personal data) ----

export function listRegimes() {
  return {
    items: REGIMES.map(presentRegime),
    roles: ROLE_IDS.map((id) => ({ id, name: ROLE_NAMES[id] })),
  };
}

export async function rulesInForce(deps: AppDeps, date: string | undefined) {
  const day = date ?? todayInVietnam(deps.now());
  if (day < FIRST_REGIME_DATE)
    throw Errors.validation([
      invalid(
        'date',
        'min_date',
        `Chưa có chế độ pháp lý trước ngày ${formatDmy(FIRST_REGIME_DATE)}`,
        `No legal regime before ${formatDmy(FIRST_REGIME_DATE)}`,
      ),
    ]);
  const { overrides } = await loadLegalContext(deps.database.db);
  return presentRulesInForce(day, regimeOn(day), rulesOn(day, overrides), overrides);
}

// ---- overrides ----

const MAX_COUNT = 10_000;

function checkNumber(field: string, v: unknown, percent: boolean): FieldError[] {
  if (typeof v !== 'number' || !Number.isFinite(v))
    return [invalid(field, 'invalid_type', 'Cần một số', 'A number is required')];
  if (v < 0) return [invalid(field, 'too_small', 'Không được âm', 'Must not be negative')];
  if (percent) return v > 100 ? [invalid(field, 'too_big', 'Tối đa 100%', 'At most 100 percent')] : [];
  if (!Number.isInteger(v))
    return [invalid(field, 'not_integer', 'Cần số nguyên', 'A whole number is required')];
  if (v > MAX_COUNT) return [invalid(field, 'too_big', `Tối đa ${MAX_COUNT}`, `At most ${MAX_COUNT}`)];
  return [];
}

/** Checks a value against the rule's shape; the errors name `value` or `value.<key>`. */
export function checkRuleValue(key: RuleKey, value: unknown): FieldError[] {
  const shape = RULE_SHAPES[key];
  const unit = REGIMES[REGIMES.length - 1].rules[key].unit;
  if (value === undefined) return [invalid('value', 'required', 'Cần giá trị mới', 'A value is required')];
  if (value === null)
    return shape.nullable
      ? []
      : [invalid('value', 'not_nullable', 'Quy định này phải có giá trị', 'This rule must have a value')];
  switch (shape.type) {
    case 'number':
      return checkNumber('value', value, unit === 'percent');
    case 'boolean':
      return typeof value === 'boolean'
        ? []
        : [invalid('value', 'invalid_type', 'Cần giá trị đúng/sai', 'Expected true or false')];
    case 'string':
      if (typeof value !== 'string')
        return [invalid('value', 'invalid_type', 'Cần mã chức danh', 'A role id is required')];
      return unit !== 'role' || (ROLE_IDS as string[]).includes(value)
        ? []
        : [
            invalid(
              'value',
              'invalid_value',
              `Chức danh không tồn tại; chọn một trong: ${ROLE_IDS.join(', ')}`,
              `Unknown role; one of: ${ROLE_IDS.join(', ')}`,
            ),
          ];
    case 'object': {
      const keys = shape.keys ?? [];
      if (typeof value !== 'object' || Array.isArray(value))
        return [
          invalid(
            'value',
            'invalid_type',
            `Cần các giá trị: ${keys.join(', ')}`,
            `Expected an object with ${keys.join(', ')}`,
          ),
        ];
      const v = value as Record<string, unknown>;
      const errors: FieldError[] = [];
      for (const k of Object.keys(v))
        if (!keys.includes(k))
          errors.push(invalid(`value.${k}`, 'unrecognized_keys', 'Trường không được phép', 'Unknown field'));
      for (const k of keys) {
        if (v[k] === undefined) errors.push(invalid(`value.${k}`, 'required', 'Bắt buộc', 'Required'));
        else errors.push(...checkNumber(`value.${k}`, v[k], k === 'percent'));
      }
      if (errors.length) return errors;
      if ('min' in v && 'max' in v && (v.min as number) > (v.max as number))
        return [
          invalid('value.max', 'min_max', 'Tối đa phải từ tối thiểu trở lên', 'max must be at least min'),
        ];
      if ('min' in v && 'maxExclusive' in v && (v.min as number) >= (v.maxExclusive as number))
        return [
          invalid('value.maxExclusive', 'min_max', 'Phải lớn hơn tối thiểu', 'Must be greater than min'),
        ];
      return [];
    }
  }
}

export async function listOverrides(deps: AppDeps, query: OverrideQuery) {
  const rows = await legalRepo.listOverrides(deps.database.db, query);
  return { items: rows.map(presentOverride) };
}

export async function createOverride(deps: AppDeps, actor: Actor, input: OverrideCreateInput) {
  assertCanManage(actor);
  const authority = input.authority ?? undefined;
  // With a new authority the value may be left out: the rule keeps its own value.
  const keepsValue = input.value === undefined && authority !== undefined;
  const errors = keepsValue ? [] : checkRuleValue(input.ruleKey, input.value);
  if (input.effectiveFrom < FIRST_REGIME_DATE)
    errors.push(
      invalid(
        'effectiveFrom',
        'min_date',
        `Không có quy định trước ngày ${formatDmy(FIRST_REGIME_DATE)}`,
        `No rules exist before ${formatDmy(FIRST_REGIME_DATE)}`,
      ),
    );
  const regime = input.regimeId ? REGIMES.find((r) => r.id === input.regimeId)! : null;
  if (regime?.to && input.effectiveFrom > regime.to)
    errors.push(
      invalid(
        'effectiveFrom',
        'after_regime',
        `Chế độ pháp lý này hết hiệu lực ngày ${formatDmy(regime.to)}: thay đổi sẽ không bao giờ được áp dụng`,
        `This regime ended on ${formatDmy(regime.to)}: the override would never apply`,
      ),
    );
  if (errors.length) throw Errors.validation(errors);
  const basis: LegalBasis = {
    instrument: { vi: input.basis.instrument.vi, en: input.basis.instrument.en || input.basis.instrument.vi },
    ...(input.basis.article && { article: input.basis.article }),
    ...(input.basis.clause && { clause: input.basis.clause }),
    ...(input.basis.chapter && { chapter: input.basis.chapter }),
  };
  const candidate: RuleOverride = {
    ruleKey: input.ruleKey,
    ...(!keepsValue && { value: input.value as RuleValue }),
    ...(authority !== undefined && { authority }),
    effectiveFrom: input.effectiveFrom,
    reason: input.reason,
    basis,
    ...(regime && { regimeId: regime.id }),
  };
  // The domain's own check, so that nothing stored can later make rulesOn throw.
  try {
    rulesOn(FIRST_REGIME_DATE, [candidate]);
  } catch (e) {
    throw Errors.validation([
      invalid('value', 'rule_shape', String((e as Error).message), (e as Error).message),
    ]);
  }

  const { db } = deps.database;
  const result = await db.transaction().execute(async (trx) => {
    const twin = await legalRepo.findActiveTwin(trx, input.ruleKey, input.effectiveFrom, regime?.id ?? null);
    if (twin)
      throw Errors.conflict(
        'override_exists',
        {
          vi: 'Đã có thay đổi cho quy định này từ cùng ngày. Hãy thu hồi thay đổi đó trước.',
          en: 'This rule already has an override from the same day. Revoke it first.',
        },
        { existing: presentOverride(twin) },
      );
    const row = {
      id: randomUUID(),
      rule_key: input.ruleKey,
      value: keepsValue ? 'null' : JSON.stringify(candidate.value),
      authority: authority ?? null,
      keeps_value: keepsValue ? 1 : 0,
      effective_from: input.effectiveFrom,
      regime_id: regime?.id ?? null,
      reason: input.reason,
      basis: JSON.stringify(basis),
      created_by: actor.userId,
      created_at: deps.now().toISOString(),
      revoked_at: null,
      revoked_by: null,
      revoke_reason: null,
      version: 1,
    };
    await insertAudited(trx, actor, legalRepo.insertOverride, row, {
      action: 'rule_override.create',
      entityType: 'rule_override',
      reason: input.reason,
      details: {
        ruleKey: input.ruleKey,
        value: keepsValue ? null : candidate.value,
        keepsValue,
        authority: authority ?? null,
        effectiveFrom: input.effectiveFrom,
        regimeId: row.regime_id,
        basis,
      },
    });
    return presentOverride(row);
  });
  invalidateLegalContext();
  return result;
}

export async function revokeOverride(deps: AppDeps, actor: Actor, id: string, input: OverrideRevokeInput) {
  assertCanManage(actor);
  const { db } = deps.database;
  const result = await db.transaction().execute(async (trx) => {
    const cur = await legalRepo.findOverride(trx, id);
    if (!cur) throw Errors.notFound(overrideWord);
    if (cur.revoked_at)
      throw Errors.conflict(
        'already_revoked',
        { vi: 'Thay đổi này đã được thu hồi', en: 'This override is already revoked' },
        { current: presentOverride(cur) },
      );
    if (cur.version !== input.version) throw Errors.staleVersion(presentOverride(cur));
    const ok = await legalRepo.revokeVersioned(trx, id, cur.version, {
      revoked_at: deps.now().toISOString(),
      revoked_by: actor.userId,
      revoke_reason: input.reason,
    });
    if (!ok) {
      const fresh = await legalRepo.findOverride(trx, id);
      throw Errors.staleVersion(fresh ? presentOverride(fresh) : null);
    }
    await audit(trx, actor, {
      action: 'rule_override.revoke',
      entityType: 'rule_override',
      entityId: id,
      reason: input.reason,
      details: { ruleKey: cur.rule_key, effectiveFrom: cur.effective_from, regimeId: cur.regime_id },
    });
    return presentOverride((await legalRepo.findOverride(trx, id))!);
  });
  invalidateLegalContext();
  return result;
}

// ---- calendar ----

const yearRange = (year: number) => ({ from: isoDate(year, 1, 1), to: isoDate(year, 12, 31) });

export async function holidaysOfYear(deps: AppDeps, year: number | undefined) {
  const y = year ?? dateParts(todayInVietnam(deps.now())).year;
  const { db } = deps.database;
  const { adjustments } = await loadLegalContext(db);
  const rows = await legalRepo.listAdjustments(db, yearRange(y));
  const idOf = new Map(adjustments.map((a) => [a.date, a.id]));
  return {
    year: y,
    holidays: holidaysOf(y, adjustments).map((h) => ({
      date: h.date,
      id: h.id,
      kind: h.kind,
      name: { vi: h.name.vi, en: h.name.en },
      adjustmentId: h.kind === 'adjustment' ? (idOf.get(h.date) ?? null) : null,
    })),
    workingDays: [
      // The Government's make-up days, unless the administrator decided otherwise for that date.
      ...OFFICIAL_SCHEDULES.filter(
        (d) => d.kind === 'working_day' && d.date.startsWith(`${y}-`) && !idOf.has(d.date),
      ).map((d) => ({ date: d.date, reason: d.name.vi, adjustmentId: null })),
      ...rows
        .filter((r) => r.kind === 'working_day')
        .map((r) => ({ date: r.date, reason: r.reason, adjustmentId: r.id })),
    ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    official: OFFICIAL_SCHEDULES.filter((d) => d.date.startsWith(`${y}-`)).map((d) => ({
      date: d.date,
      kind: d.kind,
      name: { ...d.name },
      source: { title: { ...d.source.title }, url: d.source.url },
    })),
    adjustments: rows.map(presentAdjustment),
  };
}

export async function listAdjustments(deps: AppDeps, year: number | undefined) {
  const rows = await legalRepo.listAdjustments(
    deps.database.db,
    year === undefined ? undefined : yearRange(year),
  );
  return { items: rows.map(presentAdjustment) };
}

export async function createAdjustment(deps: AppDeps, actor: Actor, input: AdjustmentCreateInput) {
  assertCanManage(actor);
  const year = dateParts(input.date).year;
  if (year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR)
    throw Errors.validation([
      invalid(
        'date',
        'out_of_range',
        `Năm ngoài phạm vi ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`,
        `Year out of range ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`,
      ),
    ]);
  const { db } = deps.database;
  const result = await db.transaction().execute(async (trx) => {
    const existing = await legalRepo.findAdjustmentByDate(trx, input.date);
    if (existing)
      throw Errors.conflict(
        'adjustment_exists',
        {
          vi: 'Ngày này đã có điều chỉnh. Hãy xoá điều chỉnh đó trước.',
          en: 'This day already has an adjustment. Delete it first.',
        },
        { existing: presentAdjustment(existing) },
      );
    // With no adjustment on this day, the statutory calendar alone says whether it is a working day.
    const working = isWorkingDay(input.date);
    if (input.kind === 'day_off' && !working)
      throw Errors.validation([
        invalid(
          'kind',
          'already_day_off',
          'Ngày này đã là ngày nghỉ (cuối tuần hoặc ngày lễ)',
          'This day is already a day off (weekend or holiday)',
        ),
      ]);
    if (input.kind === 'working_day' && working)
      throw Errors.validation([
        invalid(
          'kind',
          'already_working_day',
          'Ngày này đã là ngày làm việc',
          'This day is already a working day',
        ),
      ]);
    const row = {
      id: randomUUID(),
      date: input.date,
      kind: input.kind,
      reason: input.reason,
      created_by: actor.userId,
      created_at: deps.now().toISOString(),
    };
    await insertAudited(trx, actor, legalRepo.insertAdjustment, row, {
      action: 'calendar_adjustment.create',
      entityType: 'calendar_adjustment',
      reason: input.reason,
      details: { date: row.date, kind: row.kind },
    });
    return presentAdjustment(row);
  });
  invalidateLegalContext();
  return result;
}

export async function deleteAdjustment(deps: AppDeps, actor: Actor, id: string, reason: string | undefined) {
  assertCanManage(actor);
  const { db } = deps.database;
  await db.transaction().execute(async (trx) => {
    const cur = await legalRepo.findAdjustment(trx, id);
    if (!cur || !(await legalRepo.deleteAdjustment(trx, id))) throw Errors.notFound(adjustmentWord);
    await audit(trx, actor, {
      action: 'calendar_adjustment.delete',
      entityType: 'calendar_adjustment',
      entityId: id,
      reason: reason || null,
      details: { date: cur.date, kind: cur.kind, reason: cur.reason, createdBy: cur.created_by },
    });
  });
  invalidateLegalContext();
}
