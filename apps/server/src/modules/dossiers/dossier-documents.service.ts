import { randomUUID } from 'node:crypto';
import { canEditDocuments, type DossierStatus } from '@hoanhap/domain/dossier-rules';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { audit } from '../../platform/audit.ts';
import { Errors } from '../../platform/errors.ts';
import { type Actor, authorize } from '../../platform/policy.ts';
import { fieldError } from '../episodes/legal.ts';
import { writeStep } from '../shared/write-step.service.ts';
import { documentWord, must, present, visibleOrFail, writable } from './dossier-common.ts';
import {
  cleanFileName,
  detectType,
  discardFile,
  readStoredFile,
  sha256Of,
  storeFile,
} from './dossiers.files.ts';
import { presentDocument } from './dossiers.presenter.ts';
import { dossiersRepo } from './dossiers.repo.ts';
import type { UploadQuery } from './dossiers.schema.ts';

// ---------------------------------------------------------------------------------------------------------
// Documents

export type IncomingFile = { filename: string; data: Buffer };

/**
 * Saves one checklist document. The dossier is checked before the file is read (so an out-of-scope user
 * never gets as far as the upload), then again in the transaction that records it.
 */
export async function uploadDocument(
  deps: AppDeps,
  actor: Actor,
  id: string,
  q: UploadQuery,
  readFile: () => Promise<IncomingFile>,
) {
  authorize(actor, 'dossiers.write');
  const { db } = deps.database;
  const check = async (trx: Kysely<DB>) => {
    const row = await writable(trx, actor, id);
    must(canEditDocuments(row.status as DossierStatus));
    const persons = await dossiersRepo.peopleOf(trx, [id]);
    if (!persons.some((p) => p.person_id === q.personId))
      throw fieldError(
        'personId',
        'in_dossier',
        'Người này không có trong hồ sơ',
        'This person is not in the dossier',
      );
    return row;
  };
  await db.transaction().execute(check);
  const file = await readFile();
  if (file.data.length === 0) throw fieldError('file', 'not_empty', 'Tệp rỗng', 'The file is empty');
  const originalName = cleanFileName(file.filename);
  const mime = detectType(originalName, file.data);
  const sha256 = sha256Of(file.data);
  const stored = await storeFile(deps.config.dataDir, file.data);
  try {
    return await db.transaction().execute(async (trx) => {
      await check(trx);
      const doc = {
        id: randomUUID(),
        dossier_id: id,
        person_id: q.personId,
        kind: q.kind,
        original_name: originalName,
        stored_name: stored,
        mime_type: mime,
        size_bytes: file.data.length,
        sha256,
        note: q.note || null,
        uploaded_at: deps.now().toISOString(),
        uploaded_by: actor.userId,
        removed_at: null,
        removed_by: null,
      };
      await dossiersRepo.insertDocument(trx, doc);
      await audit(trx, actor, {
        action: 'dossier.document.upload',
        entityType: 'dossier',
        entityId: id,
        details: { documentId: doc.id, personId: q.personId, kind: q.kind, size: doc.size_bytes, sha256 },
      });
      return presentDocument(doc);
    });
  } catch (e) {
    await discardFile(deps.config.dataDir, stored);
    throw e;
  }
}

export async function listDocuments(deps: AppDeps, actor: Actor, id: string) {
  return writeStep(deps, actor, 'dossiers.read', async ({ trx }) => {
    await visibleOrFail(trx, actor, id);
    const docs = await dossiersRepo.documentsOf(trx, id);
    await audit(trx, actor, {
      action: 'dossier.document.list',
      entityType: 'dossier',
      entityId: id,
      details: { shown: docs.map((d) => d.id) },
    });
    return { items: docs.map(presentDocument) };
  });
}

export async function downloadDocument(deps: AppDeps, actor: Actor, id: string, documentId: string) {
  return writeStep(deps, actor, 'dossiers.read', async ({ trx }) => {
    await visibleOrFail(trx, actor, id);
    const doc = await dossiersRepo.document(trx, id, documentId);
    if (!doc) throw Errors.notFound(documentWord);
    const data = await readStoredFile(deps.config.dataDir, doc.stored_name);
    await audit(trx, actor, {
      action: 'dossier.document.download',
      entityType: 'dossier',
      entityId: id,
      details: { documentId, personId: doc.person_id, kind: doc.kind },
    });
    return { doc, data };
  });
}

export async function removeDocument(deps: AppDeps, actor: Actor, id: string, documentId: string) {
  authorize(actor, 'dossiers.write');
  const at = deps.now().toISOString();
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await writable(trx, actor, id);
    const doc = await dossiersRepo.document(trx, id, documentId);
    if (!doc) throw Errors.notFound(documentWord);
    must(canEditDocuments(row.status as DossierStatus));
    // Kept on disk and in the table (removed_at): what was once in a dossier stays traceable.
    await dossiersRepo.removeDocuments(trx, { dossierId: id, documentId }, at, actor.userId);
    await audit(trx, actor, {
      action: 'dossier.document.remove',
      entityType: 'dossier',
      entityId: id,
      details: { documentId, personId: doc.person_id, kind: doc.kind },
    });
    return present(trx, actor, (await dossiersRepo.findById(trx, id))!);
  });
}
