import { isIsoDate } from './iso-date.ts';
import { isRoleId } from './legal-basis.ts';
import { POLICE_TRANSFER_RULES, TWO_TIER_RULES } from './legal-regime-2025.ts';
import { LAW73_RULES } from './legal-regime-law73.ts';
import { LAW120_RULES } from './legal-regime-law120.ts';
import { PRE2022_RULES } from './legal-regime-pre2022.ts';
import {
  type Regime,
  type RegimeRules,
  RULE_SHAPES,
  type Rule,
  type RuleKey,
  type RuleOverride,
  type RuleValue,
} from './legal-regime-types.ts';

// The regimes in date order and the rules in force on a date, with the administrator's overrides applied.

/** The regimes in date order, contiguous, the last one open-ended. */
export const REGIMES: readonly Regime[] = deepFreeze([
  {
    id: 'pre-2022',
    from: '2001-06-01',
    to: '2021-12-31',
    name: {
      vi: 'Luật Phòng, chống ma túy năm 2000 (sửa đổi năm 2008)',
      en: 'Law on Drug Prevention 2000 (amended 2008)',
    },
    rules: PRE2022_RULES,
  },
  {
    id: 'law73-2022',
    from: '2022-01-01',
    to: '2025-02-28',
    name: { vi: 'Luật 73/2021/QH14 và các nghị định hướng dẫn', en: 'Law 73/2021/QH14 and its decrees' },
    rules: LAW73_RULES,
  },
  {
    id: 'police-transfer-2025',
    from: '2025-03-01',
    to: '2025-06-30',
    name: { vi: 'Chuyển giao cho lực lượng Công an', en: 'Transfer to the police' },
    rules: POLICE_TRANSFER_RULES,
  },
  {
    id: 'two-tier-2025',
    from: '2025-07-01',
    to: '2026-06-30',
    name: { vi: 'Chính quyền địa phương hai cấp', en: 'Two-tier local government' },
    rules: TWO_TIER_RULES,
  },
  {
    id: 'law120-2026',
    from: '2026-07-01',
    to: null,
    name: { vi: 'Luật 120/2025/QH15', en: 'Law 120/2025/QH15' },
    rules: LAW120_RULES,
  },
]);

/** No regime, and so no rule, exists before this date (the Law on Drug Prevention 2000 took effect). */
export const FIRST_REGIME_DATE = REGIMES[0].from;
/** First day of Law 73/2021/QH14: acts before it are history under the pre-2022 regime. */
export const LAW73_START = '2022-01-01';

/** True for acts of the pre-2022 regime: recorded with their old basis, not checked against the 2022 rules. */
export function isHistoricalDate(date: string): boolean {
  return date < LAW73_START;
}

/** The regime in force on a date; throws a RangeError before 2001-06-01, when no drug-prevention law existed. */
export function regimeOn(date: string): Regime {
  if (!isIsoDate(date)) throw new RangeError(`Ngày không hợp lệ / invalid date: '${String(date)}'`);
  // Refusing older dates, rather than answering with the first regime, keeps an act from being silently
  // judged by a law that was not yet in force.
  if (date < FIRST_REGIME_DATE) {
    throw new RangeError(
      `Chưa có chế độ pháp lý cho ngày ${date} (trước ${FIRST_REGIME_DATE}) / no legal regime before ${FIRST_REGIME_DATE}: ${date}`,
    );
  }
  for (let i = REGIMES.length - 1; i >= 0; i--) {
    if (REGIMES[i].from <= date) return REGIMES[i];
  }
  throw new RangeError(`no legal regime for ${date}`);
}

/** The rules in force on a date, with any administrator overrides effective by then applied. */
export function rulesOn(date: string, overrides: readonly RuleOverride[] = []): RegimeRules {
  const regime = regimeOn(date);
  if (overrides.length === 0) return regime.rules;
  const chosen = new Map<RuleKey, RuleOverride>();
  for (const o of overrides) {
    checkOverride(o);
    if (o.effectiveFrom > date) continue;
    if (o.regimeId !== undefined && o.regimeId !== regime.id) continue;
    const current = chosen.get(o.ruleKey);
    // `>=` so that of two overrides with the same date the later-listed one wins.
    if (current === undefined || o.effectiveFrom >= current.effectiveFrom) chosen.set(o.ruleKey, o);
  }
  if (chosen.size === 0) return regime.rules;
  const result: Record<string, unknown> = { ...regime.rules };
  for (const [key, o] of chosen) {
    const base = regime.rules[key] as Rule;
    // Copies, so that freezing the result never freezes the caller's override objects.
    const basis = { ...o.basis, instrument: { ...o.basis.instrument } };
    const keepsValue = o.value === undefined;
    const value = keepsValue
      ? base.value
      : o.value !== null && typeof o.value === 'object'
        ? { ...o.value }
        : (o.value as RuleValue);
    result[key] = {
      ...base,
      value,
      // A new value stands on the override's basis alone; a new authority adds its basis to the rule's.
      basis: keepsValue ? [...base.basis, basis] : [basis],
      ...(o.authority !== undefined && { authority: o.authority }),
      overriddenBy: { effectiveFrom: o.effectiveFrom, reason: o.reason, basis },
    } satisfies Rule;
  }
  return deepFreeze(result as unknown as RegimeRules);
}

function checkOverride(o: RuleOverride): void {
  const shape = RULE_SHAPES[o.ruleKey];
  if (!shape) throw new TypeError(`Quy tắc không tồn tại / unknown rule: '${String(o.ruleKey)}'`);
  if (!isIsoDate(o.effectiveFrom)) {
    throw new TypeError(
      `Ngày hiệu lực không hợp lệ / invalid effectiveFrom for ${o.ruleKey}: '${o.effectiveFrom}'`,
    );
  }
  if (!o.reason?.trim()) throw new TypeError(`Thiếu lý do / override of ${o.ruleKey} needs a reason`);
  if (o.authority !== undefined && !isRoleId(o.authority)) {
    throw new TypeError(
      `Chức danh không tồn tại / unknown authority for ${o.ruleKey}: '${String(o.authority)}'`,
    );
  }
  const v = o.value;
  const bad = (why: string) => new TypeError(`Giá trị không hợp lệ / invalid value for ${o.ruleKey}: ${why}`);
  if (v === undefined) {
    if (o.authority === undefined) throw bad('a value or an authority is needed');
    return;
  }
  if (v === null) {
    if (!shape.nullable) throw bad('null not allowed');
    return;
  }
  if (shape.type === 'object') {
    if (typeof v !== 'object') throw bad(`expected an object with ${shape.keys?.join(', ')}`);
    const keys = Object.keys(v).sort();
    if (keys.join() !== [...(shape.keys ?? [])].sort().join())
      throw bad(`expected keys ${shape.keys?.join(', ')}`);
    for (const k of keys) if (!isNonNegative(v[k])) throw bad(`${k} must be a non-negative number`);
    if ('min' in v && 'max' in v && v.min > v.max) throw bad('min > max');
    return;
  }
  if (typeof v !== shape.type) throw bad(`expected ${shape.type}`);
  if (typeof v === 'number' && !isNonNegative(v)) throw bad('must be a non-negative number');
}

function isNonNegative(n: unknown): boolean {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
