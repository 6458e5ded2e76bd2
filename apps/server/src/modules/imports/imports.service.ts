/**
 * Import of people from the lists communes keep (issue 14): read the file, find its header, map the
 * columns, clean every row with the domain rules, resolve old addresses to today's commune, find
 * duplicates in the file and in the database, then (after confirmation) create the people in one
 * audited batch, which its author may undo as a whole within 7 days.
 */

export { analyseImport, summarise } from './import-analysis.service.ts';
export {
  commitImport,
  errorWorkbook,
  getImport,
  importErrorsFile,
  listImports,
  previewUpload,
  saveMapping,
  savePreview,
  undoImport,
} from './import-batches.service.ts';
export { commitAnalysis, historyEpisodeOf } from './import-commit.service.ts';
// The import of people lists, one file per stage: the shapes (import-types.ts), reading and checking a file
// (import-analysis.service.ts), committing it (import-commit.service.ts), and the stored previews, undo and
// error files of the web flow (import-batches.service.ts).
export type {
  AnalysedRow,
  Analysis,
  ImportSummary,
  ImportTarget,
  RowError,
  RowResult,
  Unresolved,
} from './import-types.ts';
