import type { AppDeps } from '../../app-deps.ts';
import { audit } from '../../platform/audit.ts';
import { renderDocx } from '../../platform/documents/render-docx.ts';
import { renderPdf } from '../../platform/documents/render-pdf.ts';
import type { DossierItem } from '../../platform/documents/templates/compulsory-dossier-list.ts';
import { buildDocument } from '../../platform/documents/templates/registry.ts';
import { Errors } from '../../platform/errors.ts';
import type { Actor } from '../../platform/policy.ts';
import { peopleRepo } from '../people/people.repo.ts';
import { getDossier } from './dossiers.service.ts';

// The dossier's cover list (danh mục tài liệu), filled from the dossier's checklist and its uploads.

/** Renders the cover list of a compulsory-rehab dossier as DOCX or PDF. */
export async function dossierCoverList(deps: AppDeps, actor: Actor, id: string, format: 'docx' | 'pdf') {
  // getDossier checks the action and the scope, and audits the read.
  const d = await getDossier(deps, actor, id);
  const names = await peopleRepo.unitNames(deps.database.db, [d.provinceCode]);
  const uploaded = new Map<string, number>();
  for (const doc of d.documents as { kind: string }[])
    uploaded.set(doc.kind, (uploaded.get(doc.kind) ?? 0) + 1);
  const items: DossierItem[] = d.checklist.items
    .filter((i) => i.required || uploaded.has(i.kind))
    .map((i) => ({
      title: i.label.vi,
      note: uploaded.has(i.kind) ? `${uploaded.get(i.kind)} tệp` : i.required ? 'Còn thiếu' : undefined,
    }));
  let built: ReturnType<typeof buildDocument<'compulsory-dossier-list'>>;
  try {
    built = buildDocument('compulsory-dossier-list', {
      date: d.preparedOn,
      commune: {
        name: d.communeName ?? d.communeCode,
        provinceName: names.get(`province:${d.provinceCode}`) ?? '',
      },
      persons: d.persons.map((p) => ({
        fullName: p.fullName,
        birthYear: p.birthYear,
        birthDate: p.birthDate,
      })),
      items,
      signer: { fullName: null },
    });
  } catch (e) {
    // Dossiers dated before 01/07/2025 were prepared at district level; their issuer needs the district name,
    // which the two-tier unit list no longer holds.
    if (e instanceof TypeError) {
      throw Errors.unprocessable('cover_list_unavailable', {
        vi: 'Không lập được danh mục cho hồ sơ này (hồ sơ lập trước khi bỏ cấp huyện): cần tên huyện',
        en: 'The cover list cannot be made for this dossier (prepared before districts were abolished): the district name is needed',
      });
    }
    throw e;
  }
  await deps.database.db.transaction().execute((trx) =>
    audit(trx, actor, {
      action: 'document.generate',
      entityType: 'dossier',
      entityId: id,
      details: { kind: 'cover-list', format },
    }),
  );
  const body = format === 'docx' ? await renderDocx(built) : await renderPdf(built);
  return {
    body,
    fileName: `danh-muc-ho-so-${id.slice(0, 8)}.${format}`,
    contentType:
      format === 'docx'
        ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
        : 'application/pdf',
  };
}
