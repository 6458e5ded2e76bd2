import { randomUUID } from 'node:crypto';
import { normalizeVi } from '@hoanhap/domain/normalize';
import type { Insertable, Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB, UnitTable } from '../../db/schema.ts';
import { audit } from '../../platform/audit.ts';
import { Errors, type FieldError } from '../../platform/errors.ts';
import { type Actor, authorize } from '../../platform/policy.ts';
import { personUnitsRepo } from '../people/person-units.repo.ts';
import { mergeCommuneUnits } from '../people/person-units.ts';
import { orgRepo, type UnitRow } from './org.repo.ts';
import {
  type UnitInput,
  type UnitUpdateInput,
  type UnitUpdateSummary,
  unitUpdateSchema,
} from './org.schema.ts';
import { legacyKey, sameName, sortKeyOf } from './unit-names.ts';
import { unitVersionId } from './units-loader.ts';

const unitWord = { vi: 'đơn vị hành chính', en: 'Administrative unit' };

function presentUnit(r: UnitRow) {
  return { code: r.code, name: r.name, type: r.type, level: r.level, provinceCode: r.province_code };
}

export type UnitQuery = {
  level: 'province' | 'commune';
  provinceCode?: string;
  q?: string;
  limit: number;
  on?: string;
};

/** Units in force now, or on `on` (a past date) when given. */
export async function listUnits(deps: AppDeps, query: UnitQuery) {
  const tokens = query.q ? normalizeVi(query.q).split(' ').filter(Boolean) : [];
  const rows = await orgRepo.listUnits(deps.database.db, { ...query, tokens });
  return { items: rows.map(presentUnit) };
}

/** The units in force on a date (history): versions with valid_from ≤ date < valid_to. */
export async function unitsOn(
  deps: AppDeps,
  date: string,
  filter: { level?: 'province' | 'commune'; provinceCode?: string } = {},
) {
  return (await orgRepo.listUnits(deps.database.db, { ...filter, on: date })).map(presentUnit);
}

/** One unit with every version it has had; 404 when the code never existed. */
export async function getUnit(deps: AppDeps, code: string) {
  const { db } = deps.database;
  const versions = await orgRepo.versions(db, code);
  if (!versions.length) throw Errors.notFound(unitWord);
  const current = versions.find((v) => v.valid_to === null) ?? null;
  const latest = versions[versions.length - 1];
  const province = latest.province_code ? await orgRepo.latestVersions(db, [latest.province_code]) : null;
  const p = latest.province_code ? province?.get(latest.province_code) : undefined;
  return {
    code,
    level: latest.level,
    current: current
      ? { ...presentUnit(current), nameEn: current.name_en, validFrom: current.valid_from }
      : null,
    province: p ? { code: p.code, name: p.name } : null,
    versions: versions.map((v) => ({
      name: v.name,
      nameEn: v.name_en,
      type: v.type,
      provinceCode: v.province_code,
      validFrom: v.valid_from,
      validTo: v.valid_to,
      updateId: v.update_id,
      source: v.source ?? null,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Dated updates

type Change = { renamed: boolean; retyped: boolean; moved: boolean };

function diffUnit(cur: UnitRow, u: UnitInput): Change {
  return {
    renamed: !sameName(cur.name, u.name, u.level),
    retyped: cur.type !== u.type,
    moved: (cur.province_code ?? null) !== (u.level === 'province' ? null : (u.provinceCode ?? null)),
  };
}

const codes = (list: string[]) => ({ count: list.length, codes: [...list].sort() });

function todayInVietnam(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

function invalid(field: string, rule: string, vi: string, en: string): FieldError {
  return { field, rule, messages: { vi, en } };
}

/**
 * Applies a dated update of administrative units (renames, type changes, transfers between
 * provinces, new units, abolitions) without losing history.
 *
 * Convention: versions are half-open date ranges. For each changed unit the current version gets
 * valid_to = effectiveDate (the first day it no longer applies) and a new version starts with
 * valid_from = effectiveDate; an abolished unit only gets valid_to. So the unit in force on a day
 * D is the version with valid_from ≤ D < valid_to, and "current" stays `valid_to is null`.
 *
 * A name that differs only in spelling (tone-mark placement "Hoà"/"Hòa", apostrophes, case) is
 * not a rename and keeps the stored spelling. An English name alone is filled in place (a
 * translation, not a legal change). The effective date may not be in the future (current units
 * would end early) nor before a version already recorded for a changed unit (history is applied in
 * order). Applying the same update again changes nothing and records nothing.
 *
 * `actor` null means the local command line (whoever can reach the database).
 */
export async function applyUnitUpdate(deps: AppDeps, actor: Actor | null, rawInput: UnitUpdateInput) {
  if (actor) authorize(actor, 'units.manage');
  const input = unitUpdateSchema.parse(rawInput);
  const { db } = deps.database;
  const date = input.effectiveDate;
  if (date > todayInVietnam(deps.now()))
    throw Errors.validation([
      invalid(
        'effectiveDate',
        'not_future',
        'Chỉ áp dụng được thay đổi đã có hiệu lực (ngày hiệu lực không được ở tương lai)',
        'Only changes already in force can be applied (the effective date may not be in the future)',
      ),
    ]);

  const errors: FieldError[] = [];
  const seen = new Set<string>();
  input.units.forEach((u, i) => {
    if (seen.has(u.code))
      errors.push(
        invalid(`units.${i}.code`, 'unique', 'Mã bị lặp trong danh sách', 'Duplicate code in the list'),
      );
    seen.add(u.code);
  });
  for (const [i, c] of (input.abolish ?? []).entries())
    if (seen.has(c))
      errors.push(
        invalid(
          `abolish.${i}`,
          'conflict',
          'Mã vừa được cập nhật vừa bị giải thể',
          'Code both updated and abolished',
        ),
      );
  if (errors.length) throw Errors.validation(errors);

  return db.transaction().execute(async (trx) => {
    // One update at a time: two at once would each close and re-open the same units.
    if (deps.database.dialect === 'postgres') await orgRepo.lockUnitUpdates(trx);
    const current = new Map((await orgRepo.currentUnits(trx)).map((r) => [r.code, r]));
    const renamed: string[] = [];
    const retyped: string[] = [];
    const moved: string[] = [];
    const added: string[] = [];
    const translated: { id: string; nameEn: string | null }[] = [];
    const newVersions: UnitInput[] = [];
    let unchanged = 0;

    input.units.forEach((u, i) => {
      const cur = current.get(u.code);
      if (!cur) {
        added.push(u.code);
        newVersions.push(u);
        return;
      }
      if (cur.level !== u.level) {
        errors.push(
          invalid(`units.${i}.level`, 'level', 'Không được đổi cấp của đơn vị', 'A unit cannot change level'),
        );
        return;
      }
      const d = diffUnit(cur, u);
      if (d.renamed) renamed.push(u.code);
      if (d.retyped) retyped.push(u.code);
      if (d.moved) moved.push(u.code);
      if (d.renamed || d.retyped || d.moved) newVersions.push(u);
      else if (u.nameEn !== undefined && (u.nameEn ?? null) !== cur.name_en)
        translated.push({ id: cur.id, nameEn: u.nameEn ?? null });
      else unchanged++;
    });

    const abolished: string[] = [];
    if (input.mode === 'full') {
      for (const code of current.keys()) if (!seen.has(code)) abolished.push(code);
    } else {
      for (const [i, code] of (input.abolish ?? []).entries()) {
        if (current.has(code)) abolished.push(code);
        else if (!(await orgRepo.versions(trx, code)).length)
          errors.push(invalid(`abolish.${i}`, 'unit_exists', 'Mã đơn vị không tồn tại', 'Unknown unit code'));
        // A code already ended is left as it is, so the same update can be applied twice.
      }
    }

    // Every commune in force afterwards must belong to a province in force afterwards.
    const abolishedSet = new Set(abolished);
    const provincesAfter = new Set(
      [...current.values()]
        .filter((r) => r.level === 'province' && !abolishedSet.has(r.code))
        .map((r) => r.code)
        .concat(input.units.filter((u) => u.level === 'province').map((u) => u.code)),
    );
    input.units.forEach((u, i) => {
      if (u.level === 'commune' && !provincesAfter.has(u.provinceCode!))
        errors.push(
          invalid(`units.${i}.provinceCode`, 'unit_exists', 'Mã tỉnh không tồn tại', 'Unknown province code'),
        );
    });
    const listed = new Set(input.units.map((u) => u.code));
    const orphans = [...current.values()].filter(
      (r) =>
        r.level === 'commune' &&
        !abolishedSet.has(r.code) &&
        !listed.has(r.code) &&
        !provincesAfter.has(r.province_code!),
    );
    if (orphans.length)
      errors.push(
        invalid(
          'abolish',
          'province_has_communes',
          `Không thể giải thể tỉnh còn ${orphans.length} xã/phường trực thuộc (ví dụ ${orphans[0].code})`,
          `Cannot abolish a province that still has ${orphans.length} communes (e.g. ${orphans[0].code})`,
        ),
      );
    // Merges: an abolished commune into one in force afterwards. Applied again (already ended and recorded), a
    // merge is left as it is.
    const known = new Map((await personUnitsRepo.successors(trx)).map((s) => [s.from_code, s.to_code]));
    const merges: { from: string; into: string; province: string }[] = [];
    for (const [i, m] of (input.merges ?? []).entries()) {
      const listed = input.units.find((u) => u.code === m.into);
      const into = listed ?? current.get(m.into);
      const intoProvince = listed ? listed.provinceCode : current.get(m.into)?.province_code;
      if (!abolishedSet.has(m.from)) {
        if (known.get(m.from) !== m.into)
          errors.push(
            invalid(
              `merges.${i}.from`,
              'abolished',
              'Xã/phường được sáp nhập phải bị giải thể trong cùng lần cập nhật',
              'A merged commune must be abolished by the same update',
            ),
          );
      } else if (into?.level !== 'commune' || abolishedSet.has(m.into) || !intoProvince)
        errors.push(
          invalid(
            `merges.${i}.into`,
            'unit_exists',
            'Xã/phường nhận sáp nhập phải còn hiệu lực sau cập nhật',
            'The commune merged into must be in force after the update',
          ),
        );
      else merges.push({ from: m.from, into: m.into, province: intoProvince });
    }
    if (errors.length) throw Errors.validation(errors);

    const ending = [...newVersions.map((u) => u.code).filter((c) => current.has(c)), ...abolished];
    const touched = [...ending, ...added];
    const outOfOrder = touched.length ? await orgRepo.codesWithVersionsFrom(trx, touched, date) : new Set();
    if (outOfOrder.size)
      throw Errors.unprocessable(
        'unit_update_out_of_order',
        {
          vi: `Ngày hiệu lực ${date} không sau phiên bản đã ghi của ${outOfOrder.size} đơn vị (ví dụ ${[...outOfOrder][0]}); hãy áp dụng các thay đổi theo thứ tự ngày`,
          en: `Effective date ${date} is not after the recorded version of ${outOfOrder.size} unit(s) (e.g. ${[...outOfOrder][0]}); apply changes in date order`,
        },
        { codes: [...outOfOrder].sort().slice(0, 50) },
      );

    const summary: UnitUpdateSummary = {
      mode: input.mode,
      renamed: codes(renamed),
      retyped: codes(retyped),
      moved: codes(moved),
      added: codes(added),
      abolished: codes(abolished),
      ...(merges.length ? { merged: { count: merges.length, people: 0 } } : {}),
      translated: { count: translated.length },
      unchanged: { count: unchanged },
    };
    const changed = newVersions.length > 0 || abolished.length > 0 || translated.length > 0;
    const result = {
      id: null as string | null,
      effectiveDate: date,
      source: input.source,
      appliedAt: null as string | null,
      appliedBy: actor?.username ?? null,
      changed,
      dryRun: !!input.dryRun,
      summary,
    };
    if (!changed || input.dryRun) return result;

    const id = randomUUID();
    const appliedAt = deps.now().toISOString();
    // The merged communes' people follow to the new commune from the effective date (dated, person_units).
    if (merges.length && summary.merged)
      summary.merged.people = await mergeCommuneUnits(trx, merges, date, id, appliedAt);
    await orgRepo.insertUpdate(trx, {
      id,
      effective_date: date,
      source: input.source,
      applied_at: appliedAt,
      applied_by: actor?.userId ?? null,
      summary: JSON.stringify(summary),
    });
    await orgRepo.closeCurrent(trx, ending, date, id);
    const rows: Insertable<UnitTable>[] = newVersions.map((u) => ({
      id: unitVersionId(u.level, u.code, date),
      code: u.code,
      level: u.level,
      type: u.type,
      name: u.name,
      // A new name or type makes the old English name wrong: keep it only when given again.
      name_en: u.nameEn ?? null,
      name_search: normalizeVi(u.name),
      sort_key: sortKeyOf(u.name, u.level),
      province_code: u.level === 'province' ? null : u.provinceCode!,
      valid_from: date,
      valid_to: null,
      update_id: id,
      closed_update_id: null,
    }));
    await orgRepo.insertUnits(trx, rows);
    await orgRepo.setNamesEn(trx, translated);
    await audit(trx, actor, {
      action: 'units.update',
      entityType: 'unit_update',
      entityId: id,
      details: {
        effectiveDate: date,
        source: input.source,
        mode: input.mode,
        renamed: renamed.length,
        retyped: retyped.length,
        moved: moved.length,
        added: added.length,
        abolished: abolished.length,
        translated: translated.length,
        ...(summary.merged ? { merged: summary.merged } : {}),
      },
    });
    return { ...result, id, appliedAt };
  });
}

export async function listUnitUpdates(deps: AppDeps, actor: Actor, page: { limit: number; offset: number }) {
  authorize(actor, 'units.manage');
  const { db } = deps.database;
  const [rows, total] = await Promise.all([
    orgRepo.listUpdates(db, page.limit, page.offset),
    orgRepo.countUpdates(db),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      effectiveDate: r.effective_date,
      source: r.source,
      appliedAt: r.applied_at,
      appliedBy: r.applied_by,
      summary: JSON.parse(r.summary) as Record<string, unknown>,
    })),
    total,
  };
}

// ---------------------------------------------------------------------------------------------
// Legacy addresses (before 01/07/2025)

const MAX_CANDIDATES = 50;

/**
 * Resolves an address written with the units before 01/07/2025 (old province, district, commune:
 * names in any spelling, with or without diacritics or type words, or the old 5-digit commune code)
 * to the commune(s) that replaced it: one where the old commune went whole into a new one, several
 * where it was split. Names are given as in force now (a later rename shows the new name).
 */
export async function resolveLegacy(
  deps: AppDeps,
  q: { province?: string; district?: string; commune: string },
) {
  const { db } = deps.database;
  const commune = q.commune.trim();
  let rows: Awaited<ReturnType<typeof orgRepo.legacyByCode>>;
  if (/^\d{5}$/.test(commune)) rows = await orgRepo.legacyByCode(db, commune, MAX_CANDIDATES);
  else {
    const province = q.province ? legacyKey(q.province, 'province') : undefined;
    const keys = {
      commune: legacyKey(commune, 'commune'),
      district: q.district ? legacyKey(q.district, 'district') : undefined,
      province,
      // People also write an old commune with its new province ("Xã Minh Quang, Hưng Yên").
      newProvinceCodes: province
        ? (await orgRepo.listUnits(db, { level: 'province' }))
            .filter((p) => legacyKey(p.name, 'province') === province)
            .map((p) => p.code)
        : [],
    };
    if (!keys.commune)
      throw Errors.validation([
        invalid(
          'commune',
          'required',
          'Cần tên hoặc mã xã/phường cũ',
          'The old commune name or code is required',
        ),
      ]);
    rows = await orgRepo.legacyByKeys(db, keys, MAX_CANDIDATES);
  }
  const communes = await orgRepo.latestVersions(
    db,
    rows.map((r) => r.new_commune_code),
  );
  const provinces = await orgRepo.latestVersions(db, [
    ...new Set([...communes.values()].map((c) => c.province_code!).filter(Boolean)),
  ]);
  return {
    candidates: rows.map((r) => {
      const c = communes.get(r.new_commune_code);
      const provinceCode = c?.province_code ?? r.new_province_code;
      return {
        communeCode: r.new_commune_code,
        communeName: c?.name ?? '',
        provinceCode,
        provinceName: provinces.get(provinceCode)?.name ?? '',
        kind: r.kind as 'full' | 'partial' | 'uncertain',
        current: c?.valid_to === null,
        oldCommuneCode: r.old_commune_code || null,
        oldCommuneName: r.old_commune_name,
        oldDistrictName: r.old_district_name,
        oldProvinceName: r.old_province_name,
      };
    }),
  };
}

/** Throws 400 naming `field` unless `code` is a unit of `level` in force now; returns it. */
export async function currentUnitOrFail(
  db: Kysely<DB>,
  code: string,
  level: 'province' | 'commune',
  field: string,
): Promise<UnitRow> {
  const u = await orgRepo.currentUnit(db, code, level);
  if (!u)
    throw Errors.validation([
      level === 'province'
        ? invalid(field, 'unit_exists', 'Mã tỉnh/thành phố không tồn tại', 'Unknown province code')
        : invalid(field, 'unit_exists', 'Mã xã/phường không tồn tại', 'Unknown commune code'),
    ]);
  return u;
}
