import type { ImportField } from '@hoanhap/domain/import/headers';
import { api, call, client, withQuery } from '../../api/client.ts';

// The import API (/api/imports, operations uploadPeopleImport, getImport, commitImport, undoImport in
// docs/openapi.json): upload → stored preview → commit → undo.

export type RowResult = 'new' | 'existing' | 'possible_duplicate' | 'duplicate_in_file' | 'error';
export type RowError = { row: number; column: string; rule: string; message: string; messageEn: string };
export type Decision = 'create' | 'merge' | 'skip';

export type ImportRow = {
  row: number;
  result: RowResult;
  action: 'created' | 'merged' | 'skipped' | null;
  fullName: string | null;
  birthYear: number | null;
  sex: string | null;
  citizenId: string | null;
  address: string | null;
  oldCommune: { code: string; name: string; district: string; province: string } | null;
  communeCode: string | null;
  candidates: string[];
  duplicateOfRow: number | null;
  existing: { id: string; fullName: string } | null;
  errors: RowError[];
};

export type Unresolved = {
  oldCommuneCode: string;
  oldCommuneName: string;
  rows: number;
  candidates: { code: string; name: string }[];
};

export type ImportBatch = {
  id: string;
  status: 'preview' | 'committed' | 'undone';
  fileName: string;
  target: { kind: 'commune' | 'province'; code: string };
  createdAt: string;
  committedAt: string | null;
  undoneAt: string | null;
  labels: string[];
  mapping: (ImportField | null)[];
  summary: {
    rows: number;
    created: number;
    merged: number;
    skipped: number;
    errors: RowError[];
    unresolved: Unresolved[];
  };
  rows: ImportRow[];
  /** Only in the upload answer: the header shape, to save the mapping for the next file. */
  signature?: string;
  headerRow?: number;
};

/** The server's limit (MAX_IMPORT_BYTES), checked in the browser first to answer at once. */
export const MAX_IMPORT_MB = 20;
export const ACCEPTED = '.xlsx,.xls,.csv';

export function uploadList(
  file: File,
  target: { kind: 'commune' | 'province'; code: string },
  mapping?: (ImportField | null)[],
  choices?: Record<string, string>,
) {
  const form = new FormData();
  form.append('file', file, file.name);
  const path = withQuery('/api/imports/people', {
    communeCode: target.kind === 'commune' ? target.code : undefined,
    provinceCode: target.kind === 'province' ? target.code : undefined,
    mapping: mapping ? JSON.stringify(mapping) : undefined,
    choices: choices && Object.keys(choices).length ? JSON.stringify(choices) : undefined,
  });
  return api.upload<ImportBatch>(path, form);
}

export const getImport = (id: string) => api.get<ImportBatch>(`/api/imports/${id}`);

export const commitImport = (id: string, decisions: Record<number, Decision>) =>
  api.post<ImportBatch>(`/api/imports/${id}/commit`, { decisions });

export const undoImport = (id: string) =>
  call(client.POST('/api/imports/{id}/undo', { params: { path: { id } } }));

export const saveMapping = (signature: string, name: string, mapping: (ImportField | null)[]) =>
  call(client.POST('/api/imports/mappings', { body: { signature, name, mapping } }));

export const errorsFileUrl = (id: string) => `/api/imports/${id}/errors.xlsx`;

/** One of the user's own import batches (GET /api/imports), to reopen a preview or undo a written batch. */
export type ImportListItem = {
  id: string;
  fileName: string;
  status: 'preview' | 'committed' | 'undone';
  target: { kind: 'commune' | 'province'; code: string };
  createdAt: string;
  committedAt: string | null;
  undoneAt: string | null;
  rows: number;
  created: number;
  merged: number;
  skipped: number;
  errors: number;
};

export const listImports = (page = 1, pageSize = 10) =>
  call(client.GET('/api/imports', { params: { query: { page, pageSize } } }));
