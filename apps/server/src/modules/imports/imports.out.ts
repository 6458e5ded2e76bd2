import { IMPORT_FIELDS } from '@hoanhap/domain/import/headers';
import { z } from 'zod';
import { numOrNull, pageOf, strOrNull } from '../../platform/http/schemas.ts';

// Answers of the routes in imports.routes.ts (their success schemas in the OpenAPI contract).

/** A cell the import refused, and why (also the users import's). */
export const importErrorOut = z.object({
  row: z.number(),
  column: z.string(),
  rule: z.string(),
  message: z.string(),
  messageEn: z.string(),
});
const batchStatus = z.enum(['preview', 'committed', 'undone']);
const batchTarget = z.object({ kind: z.enum(['province', 'commune']), code: z.string() });

export const importBatchOut = z
  .object({
    id: z.string(),
    status: batchStatus,
    fileName: z.string(),
    target: batchTarget,
    createdAt: z.string(),
    committedAt: strOrNull,
    undoneAt: strOrNull,
    labels: z.unknown(),
    mapping: z.array(z.enum(IMPORT_FIELDS).nullable()),
    summary: z.object({
      rows: z.number(),
      created: z.number(),
      merged: z.number(),
      skipped: z.number(),
      errors: z.array(importErrorOut),
      unresolved: z.array(
        z.object({
          oldCommuneCode: z.string(),
          oldCommuneName: z.string(),
          rows: z.number(),
          candidates: z.array(z.object({ code: z.string(), name: z.string() })),
        }),
      ),
    }),
    rows: z.array(
      z.object({
        row: z.number(),
        result: z.enum(['error', 'new', 'existing', 'possible_duplicate', 'duplicate_in_file']),
        action: z.enum(['created', 'merged', 'skipped']).nullable(),
        fullName: z.string(),
        birthYear: numOrNull,
        sex: z.enum(['male', 'female']).nullable(),
        citizenId: strOrNull,
        address: strOrNull,
        oldCommune: z
          .object({ code: z.string(), name: z.string(), district: z.string(), province: z.string() })
          .nullable(),
        communeCode: strOrNull,
        candidates: z.array(z.string()),
        duplicateOfRow: numOrNull,
        existing: z.object({ id: z.string(), fullName: z.string() }).nullable(),
        errors: z.array(importErrorOut),
      }),
    ),
  })
  .meta({ id: 'ImportBatch' });

// The upload's answer is the batch itself, with the file's shape (for saving its column mapping).
export const uploadPeopleImportOut = z.object({
  signature: z.string(),
  headerRow: z.number(),
  ...importBatchOut.shape,
});

export const listImportsOut = pageOf(
  z.object({
    id: z.string(),
    fileName: z.string(),
    status: batchStatus,
    target: batchTarget,
    createdAt: z.string(),
    committedAt: strOrNull,
    undoneAt: strOrNull,
    rows: z.number(),
    created: z.number(),
    merged: z.number(),
    skipped: z.number(),
    errors: z.number(),
  }),
);

export const undoImportOut = z.object({ deleted: z.number(), restored: z.number() });

export const saveImportMappingOut = z.object({ id: z.string() });
