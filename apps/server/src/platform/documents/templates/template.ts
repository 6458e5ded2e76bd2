import type { OfficialDocument } from '../official-document.ts';

// A template is one wording of one kind of document, tied to the legal regime(s) it was written for.
// When the law changes, a new version is added beside the old one (never edited in place), so a document
// re-printed for a 2023 decision still cites the 2023 bases and authorities.

/** Legal regimes (DOMAIN.md §3); the same ids as packages/domain's legal regimes. */
export type RegimeId = 'law73-2022' | 'police-transfer-2025' | 'two-tier-2025' | 'law120-2026';

export const REGIME_PERIODS: Readonly<Record<RegimeId, { from: string; to: string | null }>> = {
  'law73-2022': { from: '2022-01-01', to: '2025-02-28' },
  'police-transfer-2025': { from: '2025-03-01', to: '2025-06-30' },
  'two-tier-2025': { from: '2025-07-01', to: '2026-06-30' },
  'law120-2026': { from: '2026-07-01', to: null },
};

export type TemplateKind =
  | 'user-management-decision'
  | 'post-rehab-decision'
  | 'post-rehab-completion-certificate'
  | 'family-commitment'
  | 'compulsory-dossier-list';

/** One legal instrument a template cites, as data: the text printed and what it refers to. */
export interface LegalCitation {
  /** Short reference, e.g. 'Law 73/2021/QH14 Art. 23'. */
  ref: string;
  /** The line printed among the legal bases ("Căn cứ ..."), when the document prints bases. */
  text?: string;
  verify?: true;
}

/** The official form a template reproduces, e.g. Form 54 of Decree 116/2021/NĐ-CP. */
export interface FormReference {
  number: string;
  instrument: string;
}

export interface DocumentTemplate<I> {
  id: TemplateKind;
  /** Bumped whenever the wording changes; stored with every issued document. */
  version: string;
  regimes: readonly RegimeId[];
  /** First and last day (inclusive) of documents dated under this version; null while open-ended. */
  validFrom: string;
  validTo: string | null;
  title: string;
  form?: FormReference;
  legalBases: readonly LegalCitation[];
  /** The wording is sensible official Vietnamese but not checked against the official form text. */
  verify: boolean;
  verifyNotes?: readonly string[];
  build(input: I): OfficialDocument;
}

/** The legal regime in force on an ISO date, or undefined before 01/01/2022. */
export function regimeOn(date: string): RegimeId | undefined {
  for (const [id, p] of Object.entries(REGIME_PERIODS) as [RegimeId, { from: string; to: string | null }][]) {
    if (date >= p.from && (p.to === null || date <= p.to)) return id;
  }
  return undefined;
}

/** Validity window of a set of regimes (they must be consecutive). */
export function periodOf(regimes: readonly RegimeId[]): { validFrom: string; validTo: string | null } {
  const periods = regimes.map((r) => REGIME_PERIODS[r]);
  return {
    validFrom: periods.map((p) => p.from).sort()[0],
    validTo: periods.some((p) => p.to === null)
      ? null
      : periods.map((p) => p.to as string).sort()[periods.length - 1],
  };
}

/** What every wording of a template states: its version, the regimes it serves, the bases it cites, and what of it
 * is still to be checked against the official text (unchecked unless `verify` is false). */
export interface WordingBase {
  version: string;
  regimes: RegimeId[];
  bases: LegalCitation[];
  verify?: boolean;
  verifyNotes?: string[];
}

/** The metadata an issued document carries: its title, and the template version and regimes it was built with. */
export type DocumentMeta = OfficialDocument['meta'];

/**
 * One template version: the kind's fixed parts (id, title, the form it reproduces), one wording, and how it builds
 * the document; `meta(title)` gives the built document's metadata.
 */
export function templateVersion<I>(
  kind: { id: TemplateKind; title: string; form?: FormReference },
  w: WordingBase,
  build: (input: I, meta: (title: string) => DocumentMeta) => OfficialDocument,
): DocumentTemplate<I> {
  const verify = w.verify ?? true;
  const meta = (title: string): DocumentMeta => ({
    title,
    templateId: kind.id,
    templateVersion: w.version,
    regimeId: w.regimes.join(','),
    verify,
  });
  return {
    id: kind.id,
    version: w.version,
    regimes: w.regimes,
    ...periodOf(w.regimes),
    title: kind.title,
    ...(kind.form ? { form: kind.form } : {}),
    legalBases: w.bases,
    verify,
    verifyNotes: w.verifyNotes,
    build: (input) => build(input, meta),
  };
}
