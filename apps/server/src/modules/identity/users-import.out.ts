import { z } from 'zod';
import { pageOf, strOrNull } from '../../platform/http/schemas.ts';
import { ROLES } from '../../platform/policy.ts';
import { importErrorOut } from '../imports/imports.out.ts';

// Answers of the routes in users-import.routes.ts (their success schemas in the OpenAPI contract).

/** One row of the file as the preview judged it (also the rows a commit skipped). */
const previewRowOut = z.object({
  row: z.number(),
  status: z.enum(['error', 'ok']),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES).nullable(),
  scopeKind: z.enum(['province', 'commune', 'nation', 'facility']).nullable(),
  scopeCode: strOrNull,
  unitName: strOrNull,
  phone: strOrNull,
  errors: z.array(importErrorOut),
});

export const previewUsersImportOut = z.object({
  rows: z.array(previewRowOut),
  summary: z.object({ total: z.number(), ok: z.number(), errors: z.number() }),
});

export const commitUsersImportOut = z.object({
  batchId: z.string(),
  summary: z.object({ total: z.number(), created: z.number(), skipped: z.number() }),
  skipped: z.array(previewRowOut),
  created: z.array(
    z.object({
      row: z.number(),
      id: z.string(),
      username: z.string(),
      fullName: z.string(),
      role: z.enum(ROLES),
      unitName: strOrNull,
      phone: strOrNull,
      initialPassword: z.string(),
    }),
  ),
  passwordsCsv: z.string(),
});

export const listUsersImportsOut = pageOf(
  z.object({
    id: z.string(),
    fileName: z.string(),
    status: z.enum(['committed', 'undone']),
    createdAt: z.string(),
    undoneAt: strOrNull,
    undoUntil: strOrNull,
    total: z.number(),
    created: z.number(),
    skipped: z.number(),
  }),
);

export const undoUsersImportOut = z.object({ deleted: z.number() });
