import { type OldCommune, OldCommuneIndex } from '@hoanhap/domain/import/address';
import {
  cleanRow,
  inFileDuplicates,
  isDataRow,
  isSameAsAbove,
  isSameAsPermanent,
  nameKey,
} from '@hoanhap/domain/import/clean';
import {
  type Cell,
  detectHeader,
  FIELD_LABELS,
  headerSignature,
  IMPORT_FIELDS,
  type ImportField,
} from '@hoanhap/domain/import/headers';
import { normalizeVi } from '@hoanhap/domain/normalize';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, Errors } from '../../platform/errors.ts';
import { currentUnitOrFail } from '../org/org.service.ts';
import type { AnalysedRow, Analysis, ImportSummary, ImportTarget, Unresolved } from './import-types.ts';
import { readTable, type Table } from './imports.parse.ts';
import { importsRepo, type PersonMatchRow } from './imports.repo.ts';

// Reading and checking a file: its header and columns, each row cleaned with the domain rules, old addresses
// resolved to today's communes, and each row matched against the people already recorded.

export const UNDO_DAYS = 7;

const cellText = (c: Cell) =>
  c == null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).trim();

export async function targetProvince(db: Kysely<DB>, target: ImportTarget): Promise<string> {
  if (target.kind === 'province')
    return (await currentUnitOrFail(db, target.code, 'province', 'province')).code;
  return (await currentUnitOrFail(db, target.code, 'commune', 'commune')).province_code!;
}

/** The old communes of a province's legacy mapping, one entry per old commune with its new communes. */
async function oldCommuneIndex(db: Kysely<DB>, provinceCode: string) {
  const rows = await importsRepo.legacyForProvince(db, provinceCode);
  const byCode = new Map<string, OldCommune & { district: string; province: string }>();
  for (const r of rows) {
    const code = r.old_commune_code || `~${r.old_province_key}|${r.old_district_key}|${r.old_commune_key}`;
    const e = byCode.get(code);
    if (e) {
      if (!e.newCodes.includes(r.new_commune_code)) e.newCodes.push(r.new_commune_code);
      continue;
    }
    byCode.set(code, {
      code,
      name: r.old_commune_name,
      communeKey: r.old_commune_key,
      districtKey: r.old_district_key,
      provinceKey: r.old_province_key,
      newCodes: [r.new_commune_code],
      district: r.old_district_name ?? '',
      province: r.old_province_name,
    });
  }
  return { index: new OldCommuneIndex([...byCode.values()]), byCode };
}

/**
 * Today's communes of a province, found by their 5-digit code or by their name as written ("Phường Ba Đình",
 * "phuong ba dinh"; without the type word only when no other commune of the province has the same name).
 */
async function currentCommuneLookup(db: Kysely<DB>, provinceCode: string) {
  const list = await importsRepo.currentCommunesOfProvince(db, provinceCode);
  const names = new Map(list.map((u) => [u.code, u.name]));
  const byName = new Map<string, string | null>();
  for (const u of list) {
    const full = normalizeVi(u.name);
    byName.set(full, u.code);
    const bare = full.replace(/^(xa|phuong|thi tran|dac khu) /, '');
    if (bare !== full) byName.set(`~${bare}`, byName.has(`~${bare}`) ? null : u.code);
  }
  return {
    names,
    find(codeText: string, nameText: string): string | null {
      const code = codeText.replace(/\.0+$/, '').padStart(5, '0');
      if (/^\d{5}$/.test(code) && names.has(code)) return code;
      const n = normalizeVi(nameText);
      if (!n) return null;
      return byName.get(n) ?? byName.get(`~${n}`) ?? null;
    },
  };
}

/**
 * Reads and checks a file without writing anything. `choices` maps an old (split) commune code to
 * the new commune the officer picked; `pickFirst` takes the first candidate of every split commune.
 */
export async function analyseImport(
  deps: AppDeps,
  input: {
    fileName: string;
    data: Buffer | Table;
    target: ImportTarget;
    mapping?: (ImportField | null)[];
    choices?: Record<string, string>;
    pickFirst?: boolean;
  },
): Promise<Analysis> {
  const { db } = deps.database;
  const provinceCode = await targetProvince(db, input.target);
  const table = Buffer.isBuffer(input.data) ? await readTable(input.fileName, input.data) : input.data;
  const header = detectHeader(table.rows);
  if (!header)
    throw new AppError('no_header_row', 422, {
      vi: 'Không tìm thấy dòng tiêu đề cột (cần ít nhất cột Họ và tên và hai cột khác như Ngày sinh, Số CCCD, Nơi thường trú)',
      en: 'No header row found (a Full name column and two others such as Date of birth, ID number, Address are needed)',
    });
  const signature = headerSignature(header.labels);
  const saved = input.mapping ? undefined : await importsRepo.savedMapping(db, signature);
  const mapping: (ImportField | null)[] =
    input.mapping ?? (saved ? (JSON.parse(saved.mapping) as (ImportField | null)[]) : header.mapping);
  for (const f of mapping)
    if (f !== null && !IMPORT_FIELDS.includes(f))
      throw Errors.validation([
        {
          field: 'mapping',
          rule: 'known_field',
          messages: { vi: `Trường không có: ${f}`, en: `Unknown field: ${f}` },
        },
      ]);
  const colOf = new Map<ImportField, number>();
  mapping.forEach((f, c) => {
    if (f && !colOf.has(f)) colOf.set(f, c);
  });
  const labelOf = (f: ImportField) => header.labels[colOf.get(f) ?? -1] || FIELD_LABELS[f].vi;
  const hasStt = colOf.has('stt');
  const firstData = header.headerRow + header.headerRows;
  // Row numbers: Excel rows for a workbook; record numbers after the header for a CSV.
  const rowNoOf = (i: number) => (table.kind === 'csv' ? i - header.headerRow : i + 1);

  const { index, byCode } = await oldCommuneIndex(db, provinceCode);
  const current = await currentCommuneLookup(db, provinceCode);
  // An unmapped 'Mã xã/phường' column (the export writes one) holds today's 5-digit commune code.
  const codeCol = header.labels.findIndex(
    (l, c) => !mapping[c] && /^ma (xa|phuong|xa phuong|phuong xa)$/.test(normalizeVi(l ?? '')),
  );
  // The lookup is pure: an address written the same way on many rows is looked up once.
  const foundOf = new Map<string, OldCommune[]>();
  const findOld = (text: string) => {
    const known = foundOf.get(text);
    if (known) return known;
    const r = index.find(text);
    foundOf.set(text, r);
    return r;
  };
  const direct: (string | null)[] = [];
  const rows: AnalysedRow[] = [];
  let prevPerm = '';
  let prevCur = '';
  const matched: (OldCommune[] | null)[] = [];
  for (let i = firstData; i < table.rows.length; i++) {
    const raw = table.rows[i] ?? [];
    const cells: Partial<Record<ImportField, Cell>> = {};
    for (const [f, c] of colOf) cells[f] = raw[c];
    if (!isDataRow(cells, hasStt)) continue;
    const clean = cleanRow(cells);
    let perm = cellText(cells.permanentAddress);
    if (isSameAsAbove(perm)) perm = prevPerm;
    let cur = cellText(cells.currentAddress);
    if (isSameAsAbove(cur)) cur = prevCur;
    if (isSameAsPermanent(cur) || !cur) cur = perm;
    prevPerm = perm;
    prevCur = cur;
    const communeText = cellText(cells.commune);
    direct.push(current.find(codeCol >= 0 ? cellText(raw[codeCol]) : '', communeText));
    const addressText = [communeText, perm].filter(Boolean).join(', ') || cur;
    const found = addressText ? findOld(addressText) : [];
    matched.push(found.length ? found : cur && cur !== perm ? findOld(cur) : null);
    rows.push({
      row: rowNoOf(i),
      result: 'new',
      raw,
      person: clean.person,
      errors: clean.issues.map((x) => ({
        row: rowNoOf(i),
        column: labelOf(x.field),
        rule: x.rule,
        message: x.message.vi,
        messageEn: x.message.en,
      })),
      address: perm || null,
      currentAddress: cur || null,
      oldCommune: null,
      communeCode: null,
      candidates: [],
      duplicateOfRow: null,
      existing: null,
    });
  }

  // Addresses that name no old commune ("Thôn 3", a street only) belong to the list's own commune:
  // the one most rows name, when more than half of the resolved rows name it.
  const tally = new Map<string, number>();
  for (const m of matched) if (m?.length === 1) tally.set(m[0].code, (tally.get(m[0].code) ?? 0) + 1);
  const resolvedCount = [...tally.values()].reduce((a, b) => a + b, 0);
  const top = [...tally.entries()].sort((a, b) => b[1] - a[1])[0];
  const fallback = top && top[1] * 2 > resolvedCount ? byCode.get(top[0]) : undefined;

  const choices = input.choices ?? {};
  const names = await importsRepo.communeNames(db, [
    ...new Set([...byCode.values()].flatMap((c) => c.newCodes)),
  ]);
  for (const [code, name] of current.names) if (!names.has(code)) names.set(code, { name, provinceCode });
  const pending = new Map<string, Unresolved>();
  /** The legacy lookup of one row: false when the row got an error. */
  const resolveOld = (r: AnalysedRow, k: number): boolean => {
    let m = matched[k];
    if ((!m || m.length === 0) && fallback) m = [fallback];
    if (!m || m.length === 0) {
      r.errors.push({
        row: r.row,
        column: labelOf(colOf.has('permanentAddress') ? 'permanentAddress' : 'currentAddress'),
        rule: 'address_unresolved',
        message: 'Không xác định được xã/phường (cũ) trong địa chỉ',
        messageEn: 'The (old) commune of the address cannot be identified',
      });
      return false;
    }
    if (m.length > 1) {
      r.errors.push({
        row: r.row,
        column: labelOf('permanentAddress'),
        rule: 'address_ambiguous',
        message: `Địa chỉ khớp nhiều xã/phường cũ: ${m.map((x) => `${x.name} (${byCode.get(x.code)?.district})`).join('; ')} — ghi rõ huyện`,
        messageEn: 'The address matches several old communes — add the district',
      });
      return false;
    }
    const old = byCode.get(m[0].code)!;
    r.oldCommune = { code: old.code, name: old.name, district: old.district, province: old.province };
    const candidates = [...old.newCodes].sort();
    if (candidates.length === 1) r.communeCode = candidates[0];
    else if (choices[old.code] && candidates.includes(choices[old.code])) r.communeCode = choices[old.code];
    else if (input.pickFirst) r.communeCode = candidates[0];
    else {
      r.candidates = candidates;
      const u = pending.get(old.code) ?? {
        oldCommuneCode: old.code,
        oldCommuneName: `${old.name}, ${old.district}, ${old.province}`,
        rows: 0,
        candidates: candidates.map((code) => ({ code, name: names.get(code)?.name ?? code })),
      };
      u.rows++;
      pending.set(old.code, u);
    }
    return true;
  };
  rows.forEach((r, k) => {
    // A cell naming today's commune (an exported list coming back) is taken as is, before the legacy lookup.
    if (direct[k]) r.communeCode = direct[k];
    else if (!resolveOld(r, k)) return;
    // A commune imports only its own people; a pending split commune is checked once it is picked.
    const inUnit = input.target.kind !== 'commune' || !r.communeCode || r.communeCode === input.target.code;
    if (!inUnit)
      r.errors.push({
        row: r.row,
        column: labelOf('permanentAddress'),
        rule: 'outside_unit',
        message: `Người này thuộc ${names.get(r.communeCode!)?.name ?? r.communeCode}, không thuộc đơn vị được nhập`,
        messageEn: `This person belongs to ${names.get(r.communeCode!)?.name ?? r.communeCode}, outside the unit imported into`,
      });
  });

  // Duplicates within the file (ID number, or name + birth year + old commune); error rows are not matched.
  const dupIdx = rows.map((_r, k) => k).filter((k) => rows[k].errors.length === 0);
  const dups = inFileDuplicates(
    dupIdx.map((k) => {
      const p = rows[k].person;
      const idDigits = p.citizenId ?? p.formerId;
      return {
        id: idDigits,
        name: p.fullName,
        birthYear: p.birthYear,
        communeKey: rows[k].oldCommune?.code ?? null,
      };
    }),
  );
  for (const [i, first] of dups) {
    rows[dupIdx[i]].result = 'duplicate_in_file';
    rows[dupIdx[i]].duplicateOfRow = rows[dupIdx[first]].row;
  }

  // Against the database: the same CCCD anywhere, or the same name + birth year in the commune.
  const ids = [...new Set(rows.map((r) => r.person.citizenId).filter((x): x is string => !!x))];
  const byCid = new Map((await importsRepo.peopleByCitizenIds(db, ids)).map((p) => [p.citizen_id!, p]));
  const byNameKey = new Map<string, PersonMatchRow>();
  for (const p of await importsRepo.peopleOfProvince(db, provinceCode))
    byNameKey.set(`${p.name_search}|${p.birth_year}|${p.cur_commune_code}`, p);
  for (const r of rows) {
    if (r.errors.length) {
      r.result = 'error';
      continue;
    }
    if (r.result === 'duplicate_in_file') continue;
    const cid = r.person.citizenId ? byCid.get(r.person.citizenId) : undefined;
    if (cid) {
      r.result = 'existing';
      r.existing = { id: cid.id, fullName: cid.full_name };
      continue;
    }
    const communes = r.communeCode ? [r.communeCode] : r.candidates;
    for (const c of communes) {
      const p = byNameKey.get(`${nameKey(r.person.fullName)}|${r.person.birthYear}|${c}`);
      if (p) {
        r.result = 'possible_duplicate';
        r.existing = { id: p.id, fullName: p.full_name };
        break;
      }
    }
  }
  return {
    fileName: input.fileName,
    target: input.target,
    provinceCode,
    headerRow: header.headerRow + 1,
    labels: header.labels,
    mapping,
    signature,
    rows,
    unresolved: [...pending.values()],
  };
}

/** What a commit of the analysis would do (dry run): pending split communes counted as created. */
export function summarise(
  a: Analysis,
  committed?: Map<number, 'created' | 'merged' | 'skipped'>,
): ImportSummary {
  const s: ImportSummary = {
    rows: a.rows.length,
    created: 0,
    merged: 0,
    skipped: 0,
    errors: [],
    unresolved: a.unresolved,
  };
  for (const r of a.rows) {
    if (r.result === 'error') {
      s.errors.push(...r.errors);
      continue;
    }
    const action = committed?.get(r.row) ?? (r.result === 'new' ? 'created' : 'merged');
    s[action]++;
  }
  return s;
}
