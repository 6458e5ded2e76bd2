import fs from 'node:fs';
import path from 'node:path';
import type { AppDeps } from '../../app-deps.ts';
import {
  analyseImport,
  commitAnalysis,
  type ImportSummary,
  type ImportTarget,
  summarise,
} from './imports.service.ts';

/**
 * `npm run cli -- import-people --file F.xlsx --commune CODE [--dry-run] [--json] [--pick-first]`
 * (or `--province CODE` for a province-wide file). Split old communes take their first candidate
 * only with --pick-first; otherwise their rows are reported as unresolved and not created.
 */
export async function importPeopleCommand(
  deps: AppDeps,
  opts: { file: string; commune?: string; province?: string; dryRun?: boolean; pickFirst?: boolean },
): Promise<ImportSummary & { batchId: string | null }> {
  if (!opts.commune === !opts.province)
    throw new Error(
      'Cần đúng một trong --commune CODE hoặc --province CODE / exactly one of --commune or --province is required',
    );
  const target: ImportTarget = opts.commune
    ? { kind: 'commune', code: opts.commune }
    : { kind: 'province', code: opts.province! };
  const data = fs.readFileSync(opts.file);
  const analysis = await analyseImport(deps, {
    fileName: path.basename(opts.file),
    data,
    target,
    pickFirst: opts.pickFirst,
  });
  if (opts.dryRun) return { ...summarise(analysis), batchId: null };
  const { batchId, summary } = await commitAnalysis(deps, null, analysis);
  return { ...summary, batchId };
}

/** Human-readable lines of a summary (without --json). */
export function summaryLines(s: ImportSummary & { batchId: string | null }): string[] {
  const lines = [
    `Số dòng / rows: ${s.rows}`,
    `Tạo mới / created: ${s.created}`,
    `Gộp / merged: ${s.merged}`,
    `Bỏ qua / skipped: ${s.skipped}`,
    `Lỗi / errors: ${s.errors.length}`,
  ];
  for (const e of s.errors) lines.push(`  dòng ${e.row}, cột "${e.column}": ${e.message} (${e.rule})`);
  for (const u of s.unresolved)
    lines.push(
      `Chưa chọn xã mới / unresolved: ${u.oldCommuneName} (${u.rows} dòng) → ${u.candidates.map((c) => `${c.code} ${c.name}`).join(' | ')}`,
    );
  if (s.batchId) lines.push(`Lô nhập / batch: ${s.batchId}`);
  return lines;
}
