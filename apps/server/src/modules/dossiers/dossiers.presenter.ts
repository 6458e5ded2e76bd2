import {
  type DossierRules,
  documentKindLabels,
  dossierStatusLabels,
  missingDocuments,
} from '@hoanhap/domain/dossier-rules';
import { groundLabels } from '@hoanhap/domain/episode-types';
import { formatBasis, type LegalBasis } from '@hoanhap/domain/legal-basis';
import { authorityLabels } from '@hoanhap/domain/pathway-rules';
import type { SensitivityClass } from '@hoanhap/domain/person-schema';
import { labelOf } from '@hoanhap/domain/vocabulary';
import type { DossierDocumentRow, DossierPersonView, DossierRow } from './dossiers.repo.ts';
import type { DossierOut } from './dossiers.schema.ts';

const basisOut = (b: readonly LegalBasis[]) =>
  b.map((x) => ({ vi: formatBasis(x, 'vi'), en: formatBasis(x, 'en') }));
const authority = (id: string) => ({
  authority: id,
  label: labelOf(authorityLabels, id),
});
const statusLabel = (s: string) => labelOf(dossierStatusLabels, s);

export function presentDocument(d: DossierDocumentRow) {
  return {
    id: d.id,
    personId: d.person_id,
    kind: d.kind,
    kindLabel: labelOf(documentKindLabels, d.kind),
    originalName: d.original_name,
    mimeType: d.mime_type,
    size: d.size_bytes,
    sha256: d.sha256,
    note: d.note,
    uploadedAt: d.uploaded_at,
    uploadedBy: d.uploaded_by,
  };
}

export type PresentContext = {
  persons: DossierPersonView[];
  documents: DossierDocumentRow[];
  /** Rules on the preparation date (checklist) and, once notified, on the notice date (reading period). */
  preparedRules: DossierRules;
  notifiedRules: DossierRules | null;
  /** Per person: whether the recorded history proves the stated ground. */
  groundInHistory: Map<string, boolean>;
  communeName: string | null;
  classes: Set<SensitivityClass>;
};

/** The whole dossier; the person's birth date only for roles that read the identity class. */
export function presentDossier(row: DossierRow, c: PresentContext): DossierOut {
  const checklist = c.preparedRules.checklist;
  return {
    id: row.id,
    status: row.status,
    statusLabel: statusLabel(row.status),
    communeCode: row.commune_code,
    communeName: c.communeName,
    provinceCode: row.province_code,
    regimeId: row.regime_id,
    preparer: authority(row.preparer_authority),
    preparedOn: row.prepared_on,
    notifiedOn: row.notified_on,
    readingPeriod:
      row.reading_end && row.reading_days !== null
        ? {
            workingDays: row.reading_days,
            endsOn: row.reading_end,
            verify: !!c.notifiedRules?.readingPeriodWorkingDays.verify,
            basis: basisOut(c.notifiedRules?.readingPeriodWorkingDays.basis ?? []),
          }
        : null,
    readingClosedOn: row.reading_closed_on,
    submittedOn: row.submitted_on,
    submissionNumber: row.submission_number,
    court: row.court_authority ? { ...authority(row.court_authority), name: row.court_name } : null,
    acceptedOn: row.accepted_on,
    courtCaseNumber: row.court_case_number,
    hearingDate: row.hearing_date,
    hearingPlace: row.hearing_place,
    decidedOn: row.decided_on,
    executedOn: row.executed_on,
    notes: row.notes,
    persons: c.persons.map((p) => ({
      personId: p.person_id,
      fullName: p.full_name,
      birthYear: p.birth_year,
      ...(c.classes.has('identity') && p.birth_date ? { birthDate: p.birth_date } : {}),
      ground: p.ground,
      groundLabel: labelOf(groundLabels, p.ground),
      groundNote: p.ground_note,
      groundInHistory: c.groundInHistory.get(p.person_id) ?? false,
      status: p.status,
      outcome: p.outcome,
      termMonths: p.term_months,
      decisionNumber: p.decision_number,
      decisionDate: p.decision_date,
      decisionSigner: p.decision_signer,
      postponedUntil: p.postponed_until,
      outcomeNote: p.outcome_note,
      executedOn: p.executed_on,
      admittedOn: p.admitted_on,
      facilityId: p.facility_id,
      episodeId: p.episode_id,
    })),
    checklist: {
      verify: checklist.verify,
      basis: basisOut(checklist.basis),
      items: checklist.items.map((i) => ({ kind: i.kind, required: i.required, label: i.label })),
      missing: missingDocuments(
        c.persons.map((p) => p.person_id),
        c.documents.map((d) => ({ personId: d.person_id, kind: d.kind })),
        checklist,
      ),
    },
    documents: c.documents.map(presentDocument),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentSummary(row: DossierRow, persons: DossierPersonView[]) {
  return {
    id: row.id,
    status: row.status,
    statusLabel: statusLabel(row.status),
    communeCode: row.commune_code,
    provinceCode: row.province_code,
    preparedOn: row.prepared_on,
    hearingDate: row.hearing_date,
    persons: persons.map((p) => ({ personId: p.person_id, fullName: p.full_name, status: p.status })),
    version: row.version,
    updatedAt: row.updated_at,
  };
}
