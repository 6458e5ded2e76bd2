import { type EpisodeType, episodeTypeLabels } from '@hoanhap/domain/episode-types';
import { vnToday } from '@hoanhap/domain/pathway-rules';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { audit } from '../../platform/audit.ts';
import { nextDocumentNumber } from '../../platform/documents/document-numbers.ts';
import { shortDate } from '../../platform/documents/official-document.ts';
import { renderDocx } from '../../platform/documents/render-docx.ts';
import { renderPdf } from '../../platform/documents/render-pdf.ts';
import type { CommuneFacts, ManagerFacts, PersonFacts } from '../../platform/documents/templates/common.ts';
import { buildDocument, type TemplateInputs } from '../../platform/documents/templates/registry.ts';
import { POLICE_SYMBOL } from '../../platform/documents/templates/user-management-decision.ts';
import { Errors } from '../../platform/errors.ts';
import { type Actor, authorize } from '../../platform/policy.ts';
import { monitoringRepo } from '../monitoring/monitoring.repo.ts';
import { type PersonRow, peopleRepo } from '../people/people.repo.ts';
import { screeningRepo } from '../screening/screening.repo.ts';
import { episodeInScope, requireClass } from './access.ts';
import { type EpisodeRow, episodesRepo } from './episodes.repo.ts';

// Official documents of an episode (Decree 30/2020 layout, from platform/documents), filled from the
// records. Numbers are allocated per commune and year when the decision or certificate is issued.

/** The number symbol of each document the commune issues (Decree 30/2020 Appendix III abbreviations). */
export const DOCUMENT_SYMBOLS = {
  decision: 'QĐ-UBND',
  certificate: 'GCN-UBND',
  // Decisions of the head of commune police (the user-management decision under Law 120/2025).
  police_decision: POLICE_SYMBOL,
} as const;

/** Allocates the next number of the commune's series for the year of `date`, in the caller's transaction. */
export async function allocateNumber(
  trx: Kysely<DB>,
  communeCode: string,
  date: string,
  kind: keyof typeof DOCUMENT_SYMBOLS,
  now: Date,
): Promise<string> {
  const n = await nextDocumentNumber(
    trx,
    { unitCode: communeCode, year: Number(date.slice(0, 4)), symbol: DOCUMENT_SYMBOLS[kind] },
    now,
  );
  return n.text;
}

export const DOCUMENT_KINDS = [
  'user-management-decision',
  'post-rehab-decision',
  'post-rehab-completion-certificate',
  'family-commitment',
] as const;
export type EpisodeDocumentKind = (typeof DOCUMENT_KINDS)[number];

const FOR_TYPE: Record<EpisodeDocumentKind, EpisodeType> = {
  'user-management-decision': 'user_management',
  'post-rehab-decision': 'post_rehab',
  'post-rehab-completion-certificate': 'post_rehab',
  'family-commitment': 'compulsory_pending',
};

const MANAGER_ROLE: Record<string, string> = {
  commune_officer: 'Cán bộ Ủy ban nhân dân',
  commune_police: 'Công an',
  volunteer: 'Tình nguyện viên Đội công tác xã hội tình nguyện',
  facility_staff: 'Cán bộ cơ sở cai nghiện',
};

function notApplicable(vi: string, en: string) {
  return Errors.unprocessable('document_not_applicable', { vi, en });
}

async function facts(trx: Kysely<DB>, person: PersonRow) {
  const names = await peopleRepo.unitNames(trx, [
    person.cur_commune_code,
    person.province_code,
    ...(person.perm_commune_code ? [person.perm_commune_code] : []),
  ]);
  const communeName = names.get(`commune:${person.cur_commune_code}`) ?? person.cur_commune_code;
  const commune: CommuneFacts = {
    name: communeName,
    provinceName: names.get(`province:${person.province_code}`) ?? '',
  };
  const address = (detail: string | null, code: string | null) =>
    [detail, code ? names.get(`commune:${code}`) : null, commune.provinceName].filter(Boolean).join(', ');
  const p: PersonFacts = {
    fullName: person.full_name,
    sex: person.sex as 'male' | 'female',
    ...(person.birth_date ? { birthDate: person.birth_date } : { birthYear: person.birth_year }),
    ...(person.citizen_id ? { citizenId: person.citizen_id } : {}),
    ...(person.ethnicity ? { ethnicity: person.ethnicity } : {}),
    ...(person.perm_commune_code
      ? { permanentAddress: address(person.perm_detail, person.perm_commune_code) }
      : {}),
    currentAddress: address(person.cur_detail, person.cur_commune_code),
  };
  return { commune, person: p };
}

async function managersOf(trx: Kysely<DB>, e: EpisodeRow): Promise<ManagerFacts[]> {
  const users = await episodesRepo.usersByIds(trx, JSON.parse(e.managers));
  return users.map((u) => ({ fullName: u.full_name, role: MANAGER_ROLE[u.role] ?? 'Cán bộ' }));
}

async function inputFor(
  trx: Kysely<DB>,
  kind: EpisodeDocumentKind,
  e: EpisodeRow,
  person: PersonRow,
  today: string,
) {
  const { commune, person: p } = await facts(trx, person);
  const details = JSON.parse(e.details) as Record<string, any>;
  const signer = { fullName: e.decision_signer };
  const number = e.decision_number ?? undefined;
  switch (kind) {
    case 'user-management-decision': {
      const test = details.sourceTestId
        ? (await screeningRepo.testsForPerson(trx, person.id)).find((t) => t.id === details.sourceTestId)
        : undefined;
      const input: TemplateInputs[typeof kind] = {
        date: e.decision_date!,
        number,
        commune,
        person: p,
        ...(test ? { testDate: test.tested_on } : {}),
        startDate: e.start_date,
        endDate: e.planned_end!,
        managers: await managersOf(trx, e),
        signer,
        // The signer block follows the authority recorded with the decision (the rule in force that day).
        ...(e.authority === 'commune_police_head' || e.authority === 'commune_chairman'
          ? { authority: e.authority }
          : {}),
      };
      return input;
    }
    case 'post-rehab-decision': {
      const managers = await managersOf(trx, e);
      if (managers.length === 0)
        throw notApplicable(
          'Quyết định quản lý sau cai nghiện cần phân công ít nhất một người quản lý',
          'The post-rehab decision needs at least one assigned manager',
        );
      const rehab = details.rehabEpisodeId
        ? await episodesRepo.findById(trx, details.rehabEpisodeId)
        : undefined;
      const facility = rehab?.facility_id ? await episodesRepo.facility(trx, rehab.facility_id) : undefined;
      const rehabEnd = rehab?.actual_end ?? e.term_start!;
      // Electronic monitoring (Law 120/2025 Art. 12) is named only when the head of commune police had decided a
      // measure on this management by the decision's date; otherwise the decision says nothing about it.
      const monitored = await monitoringRepo.decidedFor(trx, e.id, e.decision_date!);
      const input: TemplateInputs[typeof kind] = {
        date: e.decision_date!,
        number,
        commune,
        person: p,
        rehabCompletion: `${rehab ? episodeTypeLabels.vi[rehab.type as EpisodeType] : 'Cai nghiện'}${facility ? ` tại ${facility.name}` : ''}, hoàn thành ngày ${shortDate(rehabEnd)}`,
        startDate: e.term_start ?? e.start_date,
        endDate: e.planned_end!,
        managers,
        signer,
        ...(monitored
          ? {
              electronicMonitoring: {
                decisionNumber: monitored.decision_number,
                date: monitored.decision_date,
              },
            }
          : {}),
      };
      return input;
    }
    case 'post-rehab-completion-certificate': {
      const input: TemplateInputs[typeof kind] = {
        date: e.certificate_date ?? today,
        number: e.certificate_number ?? undefined,
        commune,
        person: p,
        decision: { number: e.decision_number ?? '', date: e.decision_date! },
        startDate: e.term_start ?? e.start_date,
        endDate: e.planned_end!,
        signer: { fullName: details.certificateSigner ?? null },
      };
      return input;
    }
    case 'family-commitment': {
      const c = details.familyCommitment;
      if (!c)
        throw notApplicable(
          'Chỉ có bản cam kết khi quản lý tại gia đình',
          'A family commitment exists only for management at the family',
        );
      const input: TemplateInputs[typeof kind] = {
        date: c.signedOn,
        commune,
        representative: { fullName: c.committedBy, relationship: c.relation },
        person: p,
      };
      return input;
    }
  }
}

/** Renders one official document of an episode as DOCX or PDF. */
export async function episodeDocument(
  deps: AppDeps,
  actor: Actor,
  id: string,
  kind: EpisodeDocumentKind,
  format: 'docx' | 'pdf',
) {
  authorize(actor, 'episodes.read');
  requireClass(actor, 'legal');
  requireClass(actor, 'identity');
  const today = vnToday(deps.now());
  const doc = await deps.database.db.transaction().execute(async (trx) => {
    const { episode, person } = await episodeInScope(trx, actor, id);
    if (FOR_TYPE[kind] !== episode.type)
      throw notApplicable(
        'Văn bản này không dùng cho loại giai đoạn này',
        'This document does not belong to this episode type',
      );
    const input = await inputFor(trx, kind, episode, person, today);
    let built: ReturnType<typeof buildDocument>;
    try {
      built = buildDocument(kind, input as never);
    } catch (e) {
      // No template for the date: acts before 01/01/2022 are history (pre-2022 regime), not re-issued.
      if (e instanceof RangeError)
        throw notApplicable(
          'Không có mẫu văn bản cho ngày của quyết định này: văn bản trước ngày 01/01/2022 là hồ sơ lịch sử, không lập lại',
          'No template for the date of this decision: documents before 01/01/2022 are history and are not re-issued',
        );
      throw e;
    }
    await audit(trx, actor, {
      action: 'document.generate',
      entityType: 'episode',
      entityId: id,
      details: { kind, format, templateVersion: built.meta.templateVersion },
    });
    return built;
  });
  const body = format === 'docx' ? await renderDocx(doc) : await renderPdf(doc);
  return {
    body,
    fileName: `${kind}-${id.slice(0, 8)}.${format}`,
    contentType:
      format === 'docx'
        ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
        : 'application/pdf',
  };
}
