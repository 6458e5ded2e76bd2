import {
  type Criminal256aCaseId,
  criminal256aCase,
  criminal256aCaseLabel,
  criminal256aFrom,
} from '@hoanhap/domain/episode-rules';
import type { Episode, EpisodeOutcome, EpisodeType } from '@hoanhap/domain/episode-types';
import { episodeTypeLabels } from '@hoanhap/domain/episode-types';
import { addDays } from '@hoanhap/domain/iso-date';
import { formatBasis, type LegalBasis } from '@hoanhap/domain/legal-basis';
import type { RuleOverride } from '@hoanhap/domain/legal-regimes';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { criminal256aRepo } from './criminal-256a.repo.ts';

// The Criminal Code Art. 256a situation of a positive drug test, computed once when the test is recorded
// (drug_tests.criminal_case, JSON) so the record keeps the case, the episode and the basis it was judged by.
// Class 'legal': presenters add it only for roles that may read that class.

/** The columns of an episode the rule reads. */
export interface EpisodeFacts {
  id: string;
  type: string;
  start_date: string;
  actual_end: string | null;
  planned_end: string | null;
  outcome: string | null;
}

/**
 * The day whose situation a positive test is judged by: the test day, except a test at intake into rehab,
 * which shows use BEFORE the rehab began and so is judged by the day before (never case (a) of the very rehab
 * the person is entering).
 */
export function judgedOn(testedOn: string, reason: string): string {
  return reason === 'intake' ? addDays(testedOn, -1) : testedOn;
}

/** What drug_tests.criminal_case holds. */
export interface StoredCriminalCase {
  case: Criminal256aCaseId;
  point: 'a' | 'b' | 'c' | 'd';
  episodeId: string;
  episodeType: EpisodeType;
  from: string;
  to: string | null;
  years: number;
  basis: LegalBasis[];
}

/** The case on `date` for a person with these episodes, ready to store; null when none applies. */
export function criminalCaseOf(
  rows: readonly EpisodeFacts[],
  date: string,
  overrides?: readonly RuleOverride[],
): StoredCriminalCase | null {
  const history: Episode[] = rows.map((r) => ({
    type: r.type as EpisodeType,
    start: r.start_date,
    end: r.actual_end,
    plannedEnd: r.planned_end,
    outcome: (r.outcome as EpisodeOutcome | null) ?? null,
  }));
  const found = criminal256aCase(history, date, overrides);
  if (!found) return null;
  const row = rows[history.indexOf(found.episode)];
  return {
    case: found.case,
    point: found.point,
    episodeId: row.id,
    episodeType: found.episode.type,
    from: found.from,
    to: found.to,
    years: found.years,
    basis: [...found.basis],
  };
}

const text = z.object({ vi: z.string(), en: z.string() });

export const criminalCaseOut = z
  .object({
    case: z.string(),
    point: z.string().describe('The letter of the case in Art. 256a(1) as reported (a–d)'),
    label: text,
    episodeId: z.string(),
    episodeType: z.string(),
    episodeLabel: text,
    from: z.string(),
    to: z.string().nullable(),
    basis: z.array(text),
  })
  .describe('Which Criminal Code Art. 256a situation applied on the test date (legal class)');

/** The stored case with its labels and basis in both languages; null for none (or rows before it was kept). */
export function presentCriminalCase(json: string | null): z.infer<typeof criminalCaseOut> | null {
  if (!json) return null;
  const c = JSON.parse(json) as StoredCriminalCase;
  return {
    case: c.case,
    point: c.point,
    label: {
      vi: criminal256aCaseLabel(c.case, 'vi', c.years),
      en: criminal256aCaseLabel(c.case, 'en', c.years),
    },
    episodeId: c.episodeId,
    episodeType: c.episodeType,
    episodeLabel: { vi: episodeTypeLabels.vi[c.episodeType], en: episodeTypeLabels.en[c.episodeType] },
    from: c.from,
    to: c.to,
    basis: c.basis.map((b) => ({ vi: formatBasis(b, 'vi'), en: formatBasis(b, 'en') })),
  };
}

/**
 * Recomputes the Art. 256a flag and case of every stored positive test from 01/07/2025 on by the rule in force
 * (migration 0023: flags set before 12/2026 also covered people who had COMPLETED voluntary rehab). Returns
 * the number of tests whose flag or case changed.
 */
export async function recomputeCriminalCases(db: Kysely<any>, overrides?: readonly RuleOverride[]) {
  // The article's first day comes from the rules (with overrides), not a date written here.
  const from = criminal256aFrom(overrides);
  if (from === null) return 0;
  const tests = await criminal256aRepo.positiveTestsFrom(db, from);
  let person = '';
  let episodes: EpisodeFacts[] = [];
  let changed = 0;
  for (const t of tests) {
    if (t.person_id !== person) {
      person = t.person_id;
      episodes = await criminal256aRepo.episodesOf(db, person);
    }
    const found = criminalCaseOf(episodes, judgedOn(t.tested_on, t.reason), overrides);
    const json = found ? JSON.stringify(found) : null;
    if ((found ? 1 : 0) === Number(t.criminal_window) && json === t.criminal_case) continue;
    await criminal256aRepo.setCase(db, t.id, found ? 1 : 0, json);
    changed++;
  }
  return changed;
}
