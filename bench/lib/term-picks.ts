import { ageOn, priorRehabOf } from '@hoanhap/domain/episode-terms';
import { addDays } from '@hoanhap/domain/iso-date';
import type { RegimeRules } from '@hoanhap/domain/legal-regimes';
import type { Rng } from './generator-basics.ts';
import type { EpRec } from './person-records.ts';

// Picks the generator makes within what the rules accept: weighted choices, terms and facility stages.

export function pickWeighted(rng: Rng, xs: readonly (readonly [string, number])[]): string {
  const total = xs.reduce((a, [, n]) => a + n, 0);
  let r = rng.next() * total;
  for (const [v, n] of xs) {
    r -= n;
    if (r < 0) return v;
  }
  return xs[0][0];
}

/** The fixed first or later term of any rehab (Law 120), when the rules in force set one; null otherwise. */
function fixedRehabTerm(r: RegimeRules, date: string, eps: EpRec[]): number | null {
  const all = r.rehabFixedTermMonths.value;
  if (!all) return null;
  return priorRehabOf(
    eps.map((e) => e.ep),
    date,
  )
    ? all.repeat
    : all.first;
}

/** A term the rules in force accept: juvenile or adult range, or the fixed first/repeat terms. */
export function compulsoryMonths(
  r: RegimeRules,
  birth: string,
  date: string,
  eps: EpRec[],
  rng: Rng,
): number {
  // Law 120's fixed term of any rehab comes first (rehabMonths), then the compulsory rules of the regime.
  if (ageOn(birth, date) < r.compulsoryJuvenileAge.value.maxExclusive)
    return rehabMonths(r, r.compulsoryJuvenileMonths.value, date, eps, rng);
  const fixed = r.compulsoryFixedTermMonths.value;
  if (fixed && fixedRehabTerm(r, date, eps) === null)
    return eps.some((e) => e.ep.type === 'compulsory') ? fixed.repeat : fixed.first;
  return rehabMonths(r, r.compulsoryAdultMonths.value, date, eps, rng);
}

/** A voluntary term the rules accept: in the range, or the fixed first/later term of Law 120. */
export function rehabMonths(
  r: RegimeRules,
  range: { min: number; max: number },
  date: string,
  eps: EpRec[],
  rng: Rng,
): number {
  const fixedByLaw120 = fixedRehabTerm(r, date, eps);
  if (fixedByLaw120 !== null) return fixedByLaw120;
  return rng.int(range.min, range.max);
}

/** Facility events of a voluntary-facility stay: the five stages, dated across the first months. */
export function stagesFor(start: string, asOf: string, rng: Rng) {
  const stages = [];
  let d = start;
  for (let s = 1; s <= 5 && d <= asOf; s++) {
    const to = addDays(d, rng.int(10, 40));
    stages.push(
      to <= asOf ? { stage: s, from: d, to, completed: true } : { stage: s, from: d, completed: false },
    );
    d = addDays(to, 1);
  }
  return stages;
}
