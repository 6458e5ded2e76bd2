import { conclusionCheck, type DoctorConclusion } from '@hoanhap/domain/addiction';
import type { SensitivityClass } from '@hoanhap/domain/person-schema';
import { z } from 'zod';
import { bilingual, strOrNull } from '../../platform/http/schemas.ts';
import { criminalCaseOut, presentCriminalCase } from '../episodes/criminal-256a.ts';
import type { CounsellingRow, DeterminationRow, DrugTestRow } from './screening.repo.ts';

// Tests, determinations and counselling are of class 'drug_use' (the service refuses roles that may not
// read it). Inside them, the Art. 256a flag is 'legal' and the HIV status 'health': absent, not null, for
// roles that may not read those classes. The Art. 256a case names which situation of the article applied.

export const drugTestOut = z
  .object({
    id: z.string(),
    personId: z.string(),
    testedOn: z.string(),
    method: z.string(),
    results: z.array(
      z.object({ substance: z.string(), otherName: z.string().optional(), result: z.string() }),
    ),
    positive: z.boolean(),
    reason: z.string(),
    performedBy: z.string(),
    unit: z.object({ kind: z.string(), code: z.string() }),
    relapse: z.boolean(),
    duringEpisodeType: strOrNull,
    regimeId: strOrNull,
    criminalWindow: z
      .boolean()
      .optional()
      .describe('Inside the Criminal Code Art. 256a window (legal class)'),
    criminalCase: criminalCaseOut.nullable().optional(),
    notes: strOrNull,
    createdAt: z.string(),
  })
  .meta({ id: 'DrugTest' });

export function presentDrugTest(r: DrugTestRow, classes: Set<SensitivityClass>) {
  const out: z.infer<typeof drugTestOut> = {
    id: r.id,
    personId: r.person_id,
    testedOn: r.tested_on,
    method: r.method,
    results: JSON.parse(r.results),
    positive: !!r.positive,
    reason: r.reason,
    performedBy: r.performed_by,
    unit: { kind: r.unit_kind, code: r.unit_code },
    relapse: !!r.relapse,
    duringEpisodeType: r.during_episode_type,
    regimeId: r.regime_id,
    notes: r.notes,
    createdAt: r.created_at,
  };
  if (classes.has('legal')) {
    out.criminalWindow = !!r.criminal_window;
    out.criminalCase = presentCriminalCase(r.criminal_case);
  }
  return out;
}

export const determinationOut = z
  .object({
    id: z.string(),
    personId: z.string(),
    assessedOn: z.string(),
    observations: z.array(z.object({ criterion: z.string(), from: z.string(), to: z.string().optional() })),
    addicted: z.boolean(),
    reason: bilingual.extend({ code: z.string() }),
    criteriaMet: z.array(z.string()),
    regimeId: z.string(),
    doctor: z.object({ name: z.string(), certificate: z.string().nullable() }),
    facilityName: z.string(),
    facilityLicence: strOrNull,
    /** The doctor's Form 04 conclusion (the result); null on determinations recorded before it was asked. */
    conclusion: z.enum(['addicted', 'not_addicted']).nullable(),
    /** Whether the criteria recorded reach the threshold of the rules; null on older determinations. */
    criteriaCheck: z.object({ addicted: z.boolean(), agrees: z.boolean() }).nullable(),
    /** Shown when the criteria check disagrees with the doctor's conclusion (recorded anyway). */
    warning: bilingual.extend({ code: z.string() }).optional(),
    form04Number: strOrNull,
    substances: z.array(z.string()),
    hivStatus: z.string().optional(),
    notes: strOrNull,
    createdAt: z.string(),
  })
  .meta({ id: 'AddictionDetermination' });

export function presentDetermination(r: DeterminationRow, classes: Set<SensitivityClass>) {
  const out: z.infer<typeof determinationOut> = {
    id: r.id,
    personId: r.person_id,
    assessedOn: r.assessed_on,
    observations: JSON.parse(r.observations),
    addicted: !!r.addicted,
    reason: { code: r.reason_code, vi: r.reason_vi, en: r.reason_en },
    criteriaMet: JSON.parse(r.criteria_met),
    regimeId: r.regime_id,
    doctor: { name: r.doctor_name, certificate: r.doctor_certificate },
    facilityName: r.facility_name,
    facilityLicence: r.facility_licence ?? null,
    conclusion: (r.doctor_conclusion as 'addicted' | 'not_addicted' | null | undefined) ?? null,
    criteriaCheck: null,
    form04Number: r.form04_number,
    substances: JSON.parse(r.substances),
    notes: r.notes,
    createdAt: r.created_at,
  };
  if (classes.has('health') && r.hiv_status) out.hivStatus = r.hiv_status;
  if (r.doctor_conclusion && r.criteria_agree !== null && r.criteria_agree !== undefined) {
    const agrees = r.criteria_agree === 1;
    // The stored `addicted` is the doctor's conclusion; the criteria said the same when they agree.
    const byCriteria = agrees ? !!r.addicted : !r.addicted;
    out.criteriaCheck = { addicted: byCriteria, agrees };
    if (!agrees) {
      const warning = conclusionCheck(r.doctor_conclusion as DoctorConclusion, {
        addicted: byCriteria,
        reason: { vi: r.reason_vi, en: r.reason_en },
      });
      if (warning) out.warning = { code: 'criteria_disagree', ...warning };
    }
  }
  return out;
}

export const counsellingOut = z
  .object({
    id: z.string(),
    kind: z.string(),
    heldOn: z.string(),
    topic: z.string(),
    counsellor: z.string(),
    participantCount: z.number(),
    unit: z.object({ kind: z.string(), code: z.string() }),
    notes: strOrNull,
    createdAt: z.string(),
  })
  .meta({ id: 'CounsellingSession' });

export function presentCounselling(r: CounsellingRow, participants: number) {
  return {
    id: r.id,
    kind: r.kind,
    heldOn: r.held_on,
    topic: r.topic,
    counsellor: r.counsellor,
    participantCount: participants,
    unit: { kind: r.unit_kind, code: r.unit_code },
    notes: r.notes,
    createdAt: r.created_at,
  };
}
