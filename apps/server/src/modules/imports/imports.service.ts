import { randomUUID } from 'node:crypto';
import { type OldCommune, OldCommuneIndex } from '@hoanhap/domain/import/address';
import {
  type CleanPerson,
  cleanRow,
  inFileDuplicates,
  isDataRow,
  isoOf,
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
import { FIRST_REGIME_DATE, rulesOn } from '@hoanhap/domain/legal-regimes';
import { normalizeVi } from '@hoanhap/domain/normalize';
import { episodeAuthority, vnToday } from '@hoanhap/domain/pathway-rules';
import ExcelJS from 'exceljs';
import type { Insertable, Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB, PersonImportDataTable, PersonStatusHistoryTable, PersonTable } from '../../db/schema.ts';
import { audit, auditMany } from '../../platform/audit.ts';
import { AppError, Errors } from '../../platform/errors.ts';
import { type Actor, assertCanImportInto, authorize } from '../../platform/policy.ts';
import type { EpisodeRow } from '../episodes/episodes.repo.ts';
import { newPersonState } from '../episodes/person-status.ts';
import { currentUnitOrFail } from '../org/org.service.ts';
import { recordFirstUnits } from '../people/person-units.ts';
import { readTable, type Table } from './imports.parse.ts';
import { importsRepo, type PersonMatchRow } from './imports.repo.ts';

/**
 * Import of people from the lists communes keep (issue 14): read the file, find its header, map the
 * columns, clean every row with the domain rules, resolve old addresses to today's commune, find
 * duplicates in the file and in the database, then (after confirmation) create the people in one
 * audited batch, which its author may undo as a whole within 7 days.
 */

export type ImportTarget = { kind: 'commune' | 'province'; code: string };
export type RowResult = 'new' | 'existing' | 'possible_duplicate' | 'duplicate_in_file' | 'error';
export type RowError = { row: number; column: string; rule: string; message: string; messageEn: string };

export type AnalysedRow = {
  row: number;
  result: RowResult;
  raw: Cell[];
  person: CleanPerson;
  errors: RowError[];
  address: string | null;
  currentAddress: string | null;
  oldCommune: { code: string; name: string; district: string; province: string } | null;
  /** Today's commune; null while a split old commune waits for the officer's choice. */
  communeCode: string | null;
  candidates: string[];
  duplicateOfRow: number | null;
  existing: { id: string; fullName: string } | null;
};

export type Unresolved = {
  oldCommuneCode: string;
  oldCommuneName: string;
  rows: number;
  candidates: { code: string; name: string }[];
};

export type Analysis = {
  fileName: string;
  target: ImportTarget;
  provinceCode: string;
  headerRow: number;
  labels: string[];
  mapping: (ImportField | null)[];
  signature: string;
  rows: AnalysedRow[];
  unresolved: Unresolved[];
};

export type ImportSummary = {
  rows: number;
  created: number;
  merged: number;
  skipped: number;
  errors: RowError[];
  unresolved: Unresolved[];
};

const UNDO_DAYS = 7;

const cellText = (c: Cell) =>
  c == null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).trim();

async function targetProvince(db: Kysely<DB>, target: ImportTarget): Promise<string> {
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

type Decision = 'create' | 'merge' | 'skip';

/**
 * Writes an analysis: one transaction, one batch with its rows, the people it creates (or the
 * existing records it fills in), their status history, an audit entry per person and one for the
 * batch. Rows whose split commune is still pending are skipped. Any failure writes nothing.
 */
export async function commitAnalysis(
  deps: AppDeps,
  actor: Actor | null,
  a: Analysis,
  opts: { batchId?: string; decisions?: Record<number, Decision> } = {},
) {
  if (actor) assertCanImportInto(actor, a.target);
  const now = deps.now().toISOString();
  const batchId = opts.batchId ?? randomUUID();
  return deps.database.db.transaction().execute(async (trx) => {
    if (opts.batchId) {
      const b = await importsRepo.batch(trx, batchId);
      if (b?.status !== 'preview')
        throw Errors.conflict('import_not_pending', {
          vi: 'Lô nhập này đã được ghi hoặc đã hủy',
          en: 'This import has already been committed or undone',
        });
      await importsRepo.deleteRows(trx, batchId);
    } else {
      await importsRepo.insertBatch(trx, batchRow(a, batchId, actor, now, 'preview'));
    }
    // CCCDs already recorded (the preview may be older than the database): those rows merge instead.
    const takenIds = new Map(
      (
        await importsRepo.peopleByCitizenIds(
          trx,
          a.rows.map((r) => r.person.citizenId).filter((x): x is string => !!x),
        )
      ).map((p) => [p.citizen_id!, p.id]),
    );
    const today = vnToday(deps.now());
    const toInsert: {
      people: NewPerson[];
      data: NewImportData[];
      episodes: EpisodeRow[];
      history: Insertable<PersonStatusHistoryTable>[];
    } = { people: [], data: [], episodes: [], history: [] };
    const outcome = new Map<number, 'created' | 'merged' | 'skipped'>();
    const personOfRow = new Map<number, string | null>();
    const created: string[] = [];
    const rowsOut: Parameters<typeof importsRepo.insertRows>[1] = [];
    for (const r of a.rows) {
      const base = rowRecord(batchId, r);
      if (r.result === 'error') {
        rowsOut.push(base);
        continue;
      }
      let decision: Decision =
        opts.decisions?.[r.row] ??
        (r.result === 'new' ? 'create' : r.result === 'duplicate_in_file' ? 'merge' : 'merge');
      let personId: string | null = null;
      let before: string | null = null;
      if (r.result === 'duplicate_in_file' && decision === 'merge') {
        personId = personOfRow.get(r.duplicateOfRow!) ?? null;
        if (!personId) decision = 'skip';
      } else if (decision === 'merge' && r.existing) {
        personId = r.existing.id;
        before = await fillIn(trx, actor, personId, r.person, now);
      } else if (decision === 'merge' || (decision === 'create' && !r.communeCode)) decision = 'skip';
      if (decision === 'create') {
        const taken = r.person.citizenId ? takenIds.get(r.person.citizenId) : undefined;
        if (taken) {
          personId = taken;
          decision = 'merge';
          before = await fillIn(trx, actor, personId, r.person, now);
        } else {
          const built = buildPerson(actor, a, r, batchId, now, today);
          personId = built.person.id;
          // The derived status and its dated history, as syncPerson would store them (nothing else is known yet).
          const state = newPersonState(built.episode ? [built.episode] : [], now, deps.now());
          built.person.status = state.status;
          built.person.current_facility_id = state.facility;
          for (const s of state.spans)
            toInsert.history.push({
              id: randomUUID(),
              person_id: personId,
              status: s.status,
              facility_id: s.facility,
              valid_from: s.from,
              valid_to: s.to,
            });
          toInsert.people.push(built.person);
          toInsert.data.push(built.data);
          if (built.episode) toInsert.episodes.push(built.episode);
          created.push(personId);
        }
      }
      const action = decision === 'create' ? 'created' : decision === 'merge' ? 'merged' : 'skipped';
      outcome.set(r.row, action);
      personOfRow.set(r.row, personId);
      rowsOut.push({ ...base, action, person_id: personId, before });
    }
    // Many rows per statement: the people with their derived status, import data, episodes and status history,
    // and the commune each lives in from now on (units over time).
    await importsRepo.insertPeople(trx, toInsert.people, toInsert.data, toInsert.episodes, toInsert.history);
    await recordFirstUnits(trx, toInsert.people);
    await importsRepo.insertRows(trx, rowsOut);
    const summary = summarise(a, outcome);
    await importsRepo.updateBatch(trx, batchId, {
      status: 'committed',
      committed_at: now,
      summary: JSON.stringify({ ...summary, errors: summary.errors.length, labels: a.labels }),
    });
    const entries = created.map((id) => ({
      action: 'person.create',
      entityType: 'person',
      entityId: id,
      details: { importBatchId: batchId },
    }));
    await auditMany(trx, actor, entries);
    await audit(trx, actor, {
      action: 'import.commit',
      entityType: 'import_batch',
      entityId: batchId,
      details: {
        file: a.fileName,
        target: a.target,
        created: summary.created,
        merged: summary.merged,
        skipped: summary.skipped,
        errors: summary.errors.length,
      },
    });
    return { batchId, summary, outcome };
  });
}

function batchRow(a: Analysis, id: string, actor: Actor | null, now: string, status: string) {
  return {
    id,
    kind: 'people',
    file_name: a.fileName,
    target_kind: a.target.kind,
    target_code: a.target.code,
    status,
    mapping: JSON.stringify(a.mapping),
    choices: JSON.stringify({}),
    summary: JSON.stringify({
      ...summarise(a),
      errors: a.rows.filter((r) => r.result === 'error').length,
      labels: a.labels,
    }),
    created_by: actor?.userId ?? null,
    created_at: now,
    committed_at: null,
    undone_at: null,
  };
}

function rowRecord(batchId: string, r: AnalysedRow) {
  const { raw, errors, ...data } = r;
  return {
    batch_id: batchId,
    row_no: r.row,
    result: r.result,
    raw: JSON.stringify(raw),
    data: JSON.stringify(data),
    errors: errors.length ? JSON.stringify(errors) : null,
    action: null as string | null,
    person_id: null as string | null,
    before: null as string | null,
  };
}

type NewPerson = Insertable<PersonTable> & { id: string };
type NewImportData = Insertable<PersonImportDataTable>;

function buildPerson(
  actor: Actor | null,
  a: Analysis,
  r: AnalysedRow,
  batchId: string,
  now: string,
  today: string,
) {
  const p = r.person;
  const id = randomUUID();
  const detail = (s: string | null) => (s ? s.slice(0, 200) : null);
  const person: NewPerson = {
    id,
    full_name: p.fullName,
    name_search: normalizeVi(p.fullName),
    other_names: p.otherNames.length ? JSON.stringify(p.otherNames) : null,
    other_names_search: p.otherNames.length ? p.otherNames.map(normalizeVi).join(' | ') : null,
    sex: p.sex!,
    birth_date: p.birthDate,
    birth_year: p.birthYear!,
    citizen_id: p.citizenId,
    ethnicity: p.ethnicity,
    phone: null,
    occupation: p.occupation,
    perm_commune_code: r.communeCode,
    perm_detail: detail(r.address),
    cur_commune_code: r.communeCode!,
    cur_detail: detail(r.currentAddress),
    province_code: a.provinceCode,
    family_contacts: null,
    status: 'registered',
    current_facility_id: null,
    version: 1,
    created_at: now,
    created_by: actor?.userId ?? null,
    updated_at: now,
    updated_by: actor?.userId ?? null,
  };
  const data: NewImportData = {
    person_id: id,
    batch_id: batchId,
    former_id: p.formerId,
    old_address: r.oldCommune
      ? JSON.stringify({
          text: r.address,
          oldCommuneCode: r.oldCommune.code,
          oldCommuneName: r.oldCommune.name,
          oldDistrictName: r.oldCommune.district,
          oldProvinceName: r.oldCommune.province,
        })
      : null,
    drug_text: p.drugText,
    drugs: p.drugs.length ? JSON.stringify(p.drugs) : null,
    pathway_text: p.pathwayText,
    note: p.note,
  };
  return { person, data, episode: historyEpisode(actor, r, id, today, now) };
}

/**
 * The pathway column as a dated episode of the person's history, under the regime in force on its start
 * (the pre-2022 regime for earlier years): "Cai nghiện tại gia đình" with "Từ 26/8/2024 đến 25/8/2025".
 * A month or a year alone starts on its first day and ends on its last; an end in the past closes the
 * episode, "đến nay" leaves it running. Nothing is recorded without a start, or before 01/06/2001.
 */
export function historyEpisodeOf(p: CleanPerson, today: string) {
  const type = p.pathway?.episode;
  if (!type || !p.period?.from) return null;
  const start = isoOf(p.period.from);
  const end = p.period.to ? isoOf(p.period.to, true) : null;
  if (start < FIRST_REGIME_DATE || start > today || (end && end < start)) return null;
  return { type, start, end: end && end < today ? end : null, plannedEnd: end };
}

function historyEpisode(
  actor: Actor | null,
  r: AnalysedRow,
  personId: string,
  today: string,
  now: string,
): EpisodeRow | null {
  const ep = historyEpisodeOf(r.person, today);
  if (!ep) return null;
  const rules = rulesOn(ep.start);
  return {
    id: randomUUID(),
    person_id: personId,
    type: ep.type,
    regime_id: rules.regimeId,
    authority: episodeAuthority(ep.type, rules),
    decision_number: null,
    decision_date: null,
    decision_signer: null,
    decision_body: null,
    decision_id: null,
    document_number: null,
    start_date: ep.start,
    term_start: null,
    term_months: null,
    planned_end: ep.plannedEnd,
    actual_end: ep.end,
    outcome: null,
    outcome_reason: null,
    facility_id: null,
    responsible_unit_kind: 'commune',
    responsible_unit_code: r.communeCode!,
    managers: '[]',
    details: JSON.stringify({ imported: true, pathwayText: r.person.pathwayText }),
    certificate_number: null,
    certificate_date: null,
    notes: `Nhập từ danh sách / imported: ${r.person.pathwayText ?? ''}`.slice(0, 500),
    version: 1,
    created_at: now,
    created_by: actor?.userId ?? null,
    updated_at: now,
    updated_by: actor?.userId ?? null,
  };
}

const FILLABLE = ['citizen_id', 'birth_date', 'occupation', 'ethnicity'] as const;

/** Merging into an existing record fills only its empty fields; returns the columns before (for undo). */
async function fillIn(trx: Kysely<DB>, actor: Actor | null, id: string, p: CleanPerson, now: string) {
  const cur = await importsRepo.person(trx, id);
  if (!cur) return null;
  const incoming = {
    citizen_id: p.citizenId,
    birth_date: p.birthDate,
    occupation: p.occupation,
    ethnicity: p.ethnicity,
  };
  const set: Record<string, string> = {};
  for (const k of FILLABLE) if (cur[k] == null && incoming[k]) set[k] = incoming[k]!;
  if (set.citizen_id && (await importsRepo.personByCitizenId(trx, set.citizen_id))) delete set.citizen_id;
  if (set.birth_date && Number(set.birth_date.slice(0, 4)) !== cur.birth_year) delete set.birth_date;
  if (Object.keys(set).length === 0) return null;
  const before = Object.fromEntries(
    [...Object.keys(set), 'version', 'updated_at', 'updated_by'].map((k) => [k, cur[k as keyof typeof cur]]),
  );
  await importsRepo.updatePerson(trx, id, {
    ...set,
    version: cur.version + 1,
    updated_at: now,
    updated_by: actor?.userId ?? null,
  });
  await audit(trx, actor, {
    action: 'person.update',
    entityType: 'person',
    entityId: id,
    details: { importFill: Object.keys(set) },
  });
  return JSON.stringify({ ...before, afterVersion: cur.version + 1 });
}

/** Stores an analysis as a pending batch (the preview the officer confirms later). */
export async function savePreview(deps: AppDeps, actor: Actor, a: Analysis) {
  assertCanImportInto(actor, a.target);
  const id = randomUUID();
  const now = deps.now().toISOString();
  await deps.database.db.transaction().execute(async (trx) => {
    await importsRepo.insertBatch(trx, batchRow(a, id, actor, now, 'preview'));
    await importsRepo.insertRows(
      trx,
      a.rows.map((r) => rowRecord(id, r)),
    );
    await audit(trx, actor, {
      action: 'import.preview',
      entityType: 'import_batch',
      entityId: id,
      details: { file: a.fileName },
    });
  });
  return id;
}

/** Undoes a committed batch as a whole: its author, within 7 days, while its records are untouched. */
export async function undoImport(deps: AppDeps, actor: Actor | null, batchId: string) {
  const now = deps.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const b = await importsRepo.batch(trx, batchId);
    if (!b || b.kind !== 'people') throw Errors.notFound({ vi: 'lô nhập', en: 'Import batch' });
    if ((actor?.userId ?? null) !== b.created_by)
      throw Errors.forbidden({
        vi: 'Chỉ người đã nhập mới hủy được lô nhập này',
        en: 'Only the author can undo this import',
      });
    if (b.status !== 'committed')
      throw Errors.conflict('import_not_committed', {
        vi: 'Lô nhập chưa được ghi hoặc đã hủy',
        en: 'The import is not committed, or already undone',
      });
    if (now.getTime() - new Date(b.committed_at!).getTime() > UNDO_DAYS * 86_400_000)
      throw Errors.conflict('import_undo_expired', {
        vi: `Chỉ hủy được lô nhập trong ${UNDO_DAYS} ngày`,
        en: `An import can only be undone within ${UNDO_DAYS} days`,
      });
    const rows = await importsRepo.rows(trx, batchId);
    const created = rows.filter((r) => r.action === 'created').map((r) => r.person_id!);
    const touched: string[] = [];
    for (const id of created) {
      const p = await importsRepo.person(trx, id);
      if (p && (p.version !== 1 || p.updated_at !== b.committed_at)) touched.push(p.full_name);
    }
    const restores = rows.filter((r) => r.action === 'merged' && r.before);
    for (const r of restores) {
      const p = await importsRepo.person(trx, r.person_id!);
      const before = JSON.parse(r.before!) as Record<string, unknown>;
      if (p && p.version !== before.afterVersion) touched.push(p.full_name);
    }
    if (touched.length)
      throw Errors.conflict('import_records_changed', {
        vi: `Không hủy được: hồ sơ đã được sửa sau khi nhập (${touched.slice(0, 5).join(', ')})`,
        en: `Cannot undo: records were changed after the import (${touched.slice(0, 5).join(', ')})`,
      });
    for (const r of restores.reverse()) {
      const { afterVersion: _a, ...before } = JSON.parse(r.before!) as Record<string, unknown>;
      await importsRepo.updatePerson(trx, r.person_id!, before);
    }
    await importsRepo.deletePeople(trx, created);
    await importsRepo.updateBatch(trx, batchId, { status: 'undone', undone_at: now.toISOString() });
    await audit(trx, actor, {
      action: 'import.undo',
      entityType: 'import_batch',
      entityId: batchId,
      details: { deleted: created.length, restored: restores.length },
    });
    return { deleted: created.length, restored: restores.length };
  });
}

/** The rows in error as an .xlsx: the original columns plus an error column, to fix and upload again. */
export async function errorWorkbook(
  labels: string[],
  rows: { raw: Cell[]; errors: RowError[] }[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Dòng lỗi');
  ws.addRow([...labels, 'Dòng / Row', 'Lỗi / Error']);
  ws.getRow(1).font = { bold: true };
  for (const r of rows)
    ws.addRow([
      ...labels.map((_, c) => (r.raw[c] ?? null) as ExcelJS.CellValue),
      r.errors[0]?.row ?? null,
      r.errors.map((e) => `${e.column}: ${e.message} / ${e.messageEn}`).join('; '),
    ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Saves the officer's mapping for the next file of the same shape. */
export async function saveMapping(
  deps: AppDeps,
  actor: Actor,
  signature: string,
  name: string,
  mapping: (ImportField | null)[],
) {
  return deps.database.db.transaction().execute(async (trx) => {
    const id = randomUUID();
    await importsRepo.insertMapping(trx, {
      id,
      signature,
      name,
      mapping: JSON.stringify(mapping),
      saved_by: actor.userId,
      saved_at: deps.now().toISOString(),
    });
    await audit(trx, actor, { action: 'import.mapping.save', entityType: 'import_mapping', entityId: id });
    return id;
  });
}

// ---------------------------------------------------------------------------------------------
// The stored preview (web flow: upload → preview → commit → undo)

/** The batch as stored, visible to its author only (an import is personal work until committed). */
async function ownBatch(db: Kysely<DB>, actor: Actor, id: string) {
  const b = await importsRepo.batch(db, id);
  if (!b || b.kind !== 'people' || b.created_by !== actor.userId)
    throw Errors.notFound({ vi: 'lô nhập', en: 'Import batch' });
  return b;
}

/** Rebuilds the analysis of a stored preview (the rows as they were checked), with each row's action once committed. */
async function storedAnalysis(deps: AppDeps, actor: Actor, id: string) {
  const { db } = deps.database;
  const b = await ownBatch(db, actor, id);
  const target = { kind: b.target_kind, code: b.target_code } as ImportTarget;
  const stored = await importsRepo.rows(db, id);
  const rows = stored.map(
    (r) =>
      ({
        ...(JSON.parse(r.data) as Omit<AnalysedRow, 'raw' | 'errors'>),
        raw: JSON.parse(r.raw) as Cell[],
        errors: r.errors ? (JSON.parse(r.errors) as RowError[]) : [],
      }) as AnalysedRow,
  );
  const summary = JSON.parse(b.summary) as { unresolved?: Unresolved[]; labels?: string[] };
  const a: Analysis = {
    fileName: b.file_name,
    target,
    provinceCode: await targetProvince(db, target),
    headerRow: 0,
    labels: summary.labels ?? [],
    mapping: JSON.parse(b.mapping) as (ImportField | null)[],
    signature: '',
    rows,
    unresolved: summary.unresolved ?? [],
  };
  const actions = new Map(stored.map((r) => [r.row_no, r.action as RowAction | null]));
  return { b, a, actions };
}

type RowAction = 'created' | 'merged' | 'skipped';
type BatchRecord = NonNullable<Awaited<ReturnType<typeof importsRepo.batch>>>;

/** The answer for one batch: its state, summary and rows (from the stored analysis, or the one just stored). */
function presentImport(b: BatchRecord, a: Analysis, actions: Map<number, RowAction | null>) {
  return {
    id: b.id,
    status: b.status as 'preview' | 'committed' | 'undone',
    fileName: b.file_name,
    target: { kind: b.target_kind, code: b.target_code } as ImportTarget,
    createdAt: b.created_at,
    committedAt: b.committed_at,
    undoneAt: b.undone_at,
    // As stored (JSON): an empty header cell is null, as when the batch is read back.
    labels: JSON.parse(b.summary).labels ?? [],
    mapping: JSON.parse(b.mapping) as (ImportField | null)[],
    summary: summarise(
      a,
      b.status === 'preview'
        ? undefined
        : (new Map([...actions].filter(([, v]) => v)) as Map<number, RowAction>),
    ),
    rows: a.rows.map((r) => ({
      row: r.row,
      result: r.result,
      action: actions.get(r.row) ?? null,
      fullName: r.person.fullName,
      birthYear: r.person.birthYear,
      sex: r.person.sex,
      citizenId: r.person.citizenId,
      address: r.address,
      oldCommune: r.oldCommune,
      communeCode: r.communeCode,
      candidates: r.candidates,
      duplicateOfRow: r.duplicateOfRow,
      existing: r.existing,
      errors: r.errors,
    })),
  };
}

export async function getImport(deps: AppDeps, actor: Actor, id: string) {
  const { b, a, actions } = await storedAnalysis(deps, actor, id);
  return presentImport(b, a, actions);
}

/** The actor's own import batches, the most recent first (the wizard's list to reopen or undo one). */
export async function listImports(deps: AppDeps, actor: Actor, page: number, pageSize: number) {
  // Only those who may import have imports to list; other roles (volunteers) get 403, not an empty page.
  authorize(actor, 'people.create');
  const { items, total } = await importsRepo.batchesOf(
    deps.database.db,
    actor.userId,
    pageSize,
    (page - 1) * pageSize,
  );
  return {
    page,
    pageSize,
    total,
    items: items.map((b) => {
      const s = JSON.parse(b.summary) as Partial<
        Record<'rows' | 'created' | 'merged' | 'skipped' | 'errors', number>
      >;
      return {
        id: b.id,
        fileName: b.file_name,
        status: b.status as 'preview' | 'committed' | 'undone',
        target: { kind: b.target_kind, code: b.target_code } as ImportTarget,
        createdAt: b.created_at,
        committedAt: b.committed_at,
        undoneAt: b.undone_at,
        rows: s.rows ?? 0,
        created: s.created ?? 0,
        merged: s.merged ?? 0,
        skipped: s.skipped ?? 0,
        errors: s.errors ?? 0,
      };
    }),
  };
}

/** Analyses an uploaded file and stores it as a preview of the actor's own unit. */
export async function previewUpload(
  deps: AppDeps,
  actor: Actor,
  input: {
    fileName: string;
    data: Buffer;
    target: ImportTarget;
    mapping?: (ImportField | null)[];
    choices?: Record<string, string>;
  },
) {
  assertCanImportInto(actor, input.target);
  const a = await analyseImport(deps, input);
  const id = await savePreview(deps, actor, a);
  // Answered from the analysis just stored, not read back (10,000 rows of JSON).
  const b = await ownBatch(deps.database.db, actor, id);
  return { ...presentImport(b, a, new Map()), signature: a.signature, headerRow: a.headerRow };
}

/** Commits a stored preview with the officer's decisions per row (default: create new, merge duplicates). */
export async function commitImport(
  deps: AppDeps,
  actor: Actor,
  id: string,
  decisions: Record<number, 'create' | 'merge' | 'skip'> = {},
) {
  const { a } = await storedAnalysis(deps, actor, id);
  const { batchId, outcome } = await commitAnalysis(deps, actor, a, { batchId: id, decisions });
  return presentImport(await ownBatch(deps.database.db, actor, batchId), a, outcome);
}

/** The rows in error of a stored preview, as an .xlsx to fix and upload again. */
export async function importErrorsFile(deps: AppDeps, actor: Actor, id: string) {
  const { a, b } = await storedAnalysis(deps, actor, id);
  const data = await errorWorkbook(
    a.labels,
    a.rows.filter((r) => r.result === 'error'),
  );
  await audit(deps.database.db, actor, {
    action: 'import.errors.download',
    entityType: 'import_batch',
    entityId: id,
  });
  return { data, fileName: `loi-${b.file_name.replace(/\.[^.]+$/, '')}.xlsx` };
}
