import type { ImportField } from '@hoanhap/domain/import/headers';
import { api, call, client, withQuery } from '../../api/client.ts';
import type { BodyOf, ResponseOf, Schemas } from '../../api/schema.ts';

// The import API (/api/imports, operations uploadPeopleImport, getImport, commitImport, undoImport in
// docs/openapi.json): upload → stored preview → commit → undo.

// The shapes the API publishes (docs/openapi.json, ImportBatch); the contract leaves `labels` untyped, so the
// header labels (one per column of the file) are named here.
type Batch = Omit<Schemas['ImportBatch'], 'labels'> & { labels: string[] };
export type ImportRow = Batch['rows'][number];
export type RowResult = ImportRow['result'];
export type RowError = ImportRow['errors'][number];
export type Unresolved = Batch['summary']['unresolved'][number];
export type Decision = NonNullable<BodyOf<'commitImport'>['decisions']>[string];
/** A stored import; only the upload answer has the header shape, to save the mapping for the next file. */
export type ImportBatch = Batch & Partial<Pick<ResponseOf<'uploadPeopleImport'>, 'signature' | 'headerRow'>>;

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
  // A multipart file upload: sent raw (the typed client sends JSON bodies).
  return api.upload<ImportBatch>(path, form);
}

const asBatch = (b: Schemas['ImportBatch']) => b as ImportBatch;

export const getImport = (id: string) =>
  call(client.GET('/api/imports/{id}', { params: { path: { id } } })).then(asBatch);

export const commitImport = (id: string, decisions: Record<number, Decision>) =>
  call(client.POST('/api/imports/{id}/commit', { params: { path: { id } }, body: { decisions } })).then(
    asBatch,
  );

export const undoImport = (id: string) =>
  call(client.POST('/api/imports/{id}/undo', { params: { path: { id } } }));

export const saveMapping = (signature: string, name: string, mapping: (ImportField | null)[]) =>
  call(client.POST('/api/imports/mappings', { body: { signature, name, mapping } }));

export const errorsFileUrl = (id: string) => `/api/imports/${id}/errors.xlsx`;

/** One of the user's own import batches (GET /api/imports), to reopen a preview or undo a written batch. */
export type ImportListItem = ResponseOf<'listImports'>['items'][number];

export const listImports = (page = 1, pageSize = 10) =>
  call(client.GET('/api/imports', { params: { query: { page, pageSize } } }));
