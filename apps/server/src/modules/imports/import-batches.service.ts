import { randomUUID } from 'node:crypto';
import type { Cell, ImportField } from '@hoanhap/domain/import/headers';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { audit } from '../../platform/audit.ts';
import { Errors } from '../../platform/errors.ts';
import { type Actor, assertCanImportInto, authorize } from '../../platform/policy.ts';
import { analyseImport, summarise, targetProvince, UNDO_DAYS } from './import-analysis.service.ts';
import { batchRow, commitAnalysis, rowRecord } from './import-commit.service.ts';
import type { AnalysedRow, Analysis, ImportTarget, RowError, Unresolved } from './import-types.ts';
import { importsRepo } from './imports.repo.ts';

// Import batches: the stored preview of the web flow (upload, preview, commit, undo), the error workbook and
// the saved column mapping.

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
    if (b?.kind !== 'people') throw Errors.notFound({ vi: 'lô nhập', en: 'Import batch' });
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
  if (b?.kind !== 'people' || b.created_by !== actor.userId)
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
