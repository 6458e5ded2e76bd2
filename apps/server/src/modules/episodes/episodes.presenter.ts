import { isActiveOn } from '@hoanhap/domain/episode-terms';
import {
  type EpisodeOutcome,
  type EpisodeType,
  episodeTypeLabels,
  outcomeLabels,
} from '@hoanhap/domain/episode-types';
import { formatBasis } from '@hoanhap/domain/legal-basis';
import { authorityLabels } from '@hoanhap/domain/pathway-rules';
import { transitionFor } from '@hoanhap/domain/transition-rules';
import { labelOf } from '@hoanhap/domain/vocabulary';
import { z } from 'zod';
import { bilingual, numOrNull, strOrNull } from '../../platform/http/schemas.ts';
import type { ContactRow, EpisodeRow } from './episodes.repo.ts';
import { asEpisode } from './person-status.ts';

export const contactOut = z
  .object({
    id: z.string(),
    episodeId: z.string(),
    contactDate: z.string(),
    method: z.string(),
    summary: z.string(),
    byName: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'EpisodeContact' });

/** An episode; the whole record is of class 'legal' (the service refuses roles that may not read it). */
export const episodeOut = z
  .object({
    id: z.string(),
    personId: z.string(),
    type: z.string(),
    typeLabel: bilingual,
    regimeId: z.string(),
    authority: z.string(),
    authorityLabel: bilingual,
    decision: z
      .object({
        number: strOrNull,
        date: strOrNull,
        signer: strOrNull,
        body: strOrNull,
      })
      .nullable(),
    documentNumber: strOrNull,
    startDate: z.string(),
    termStart: strOrNull,
    termMonths: numOrNull,
    plannedEnd: strOrNull,
    actualEnd: strOrNull,
    outcome: strOrNull,
    outcomeLabel: bilingual.nullable(),
    outcomeReason: strOrNull,
    active: z.boolean(),
    facilityId: strOrNull,
    responsibleUnit: z.object({ kind: z.string(), code: z.string() }),
    managerIds: z.array(z.string()),
    details: z.record(z.string(), z.unknown()),
    subsidyEligible: z.boolean().optional(),
    certificate: z.object({ number: z.string().nullable(), date: z.string() }).nullable(),
    notes: strOrNull,
    contacts: z.array(contactOut).optional(),
    /**
     * Present for an episode decided before 01/07/2026 and still open on that day: which regime governs its
     * term and which the acts done during the rest of it, with the reason and basis (transition-rules.ts).
     */
    transition: z
      .object({
        termRegime: z.string(),
        actsRegime: z.string(),
        reason: bilingual,
        basis: z.array(bilingual),
        verify: z.boolean(),
      })
      .optional(),
    version: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Episode' });
export type EpisodeOut = z.infer<typeof episodeOut>;

export function presentContact(c: ContactRow) {
  return {
    id: c.id,
    episodeId: c.episode_id,
    contactDate: c.contact_date,
    method: c.method,
    summary: c.summary,
    byName: c.by_name,
    createdAt: c.created_at,
  };
}

export function presentEpisode(r: EpisodeRow, today: string, contacts?: ContactRow[]): EpisodeOut {
  const type = r.type as EpisodeType;
  const details = JSON.parse(r.details) as Record<string, unknown>;
  const out: EpisodeOut = {
    id: r.id,
    personId: r.person_id,
    type: r.type,
    typeLabel: { vi: episodeTypeLabels.vi[type], en: episodeTypeLabels.en[type] },
    regimeId: r.regime_id,
    authority: r.authority,
    authorityLabel: labelOf(authorityLabels, r.authority),
    decision:
      r.decision_date || r.decision_number
        ? {
            number: r.decision_number,
            date: r.decision_date,
            signer: r.decision_signer,
            body: r.decision_body,
          }
        : null,
    documentNumber: r.document_number,
    startDate: r.start_date,
    termStart: r.term_start,
    termMonths: r.term_months,
    plannedEnd: r.planned_end,
    actualEnd: r.actual_end,
    outcome: r.outcome,
    outcomeLabel: r.outcome
      ? {
          vi: outcomeLabels.vi[r.outcome as EpisodeOutcome],
          en: outcomeLabels.en[r.outcome as EpisodeOutcome],
        }
      : null,
    outcomeReason: r.outcome_reason,
    active: isActiveOn(asEpisode(r), today),
    facilityId: r.facility_id,
    responsibleUnit: { kind: r.responsible_unit_kind, code: r.responsible_unit_code },
    managerIds: JSON.parse(r.managers),
    details,
    certificate: r.certificate_date ? { number: r.certificate_number, date: r.certificate_date } : null,
    notes: r.notes,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
  if (type === 'voluntary_community') {
    // Computed when the stages are written, with the rules (and overrides) of the registration date.
    out.subsidyEligible = details.subsidyEligible === true;
  }
  if (contacts) out.contacts = contacts.map(presentContact);
  const transition = transitionFor({
    type,
    startDate: r.start_date,
    decisionDate: r.decision_date,
    regimeId: r.regime_id,
    plannedEnd: r.planned_end,
    actualEnd: r.actual_end,
  });
  if (transition)
    out.transition = {
      termRegime: transition.termRegime,
      actsRegime: transition.actsRegime,
      reason: transition.reason,
      basis: transition.basis.map((b) => ({ vi: formatBasis(b, 'vi'), en: formatBasis(b, 'en') })),
      verify: transition.verify,
    };
  return out;
}
