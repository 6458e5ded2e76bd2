// The compulsory-rehab dossier (hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc, DOMAIN.md §5):
// its checklist of documents, the reading period after the person and family are notified, the state machine
// from draft to execution, and the court's outcome for each person. Who prepares the dossier and which court
// decides come from the regime in force (rulesOn); the numbers and the list that DOMAIN.md marks "(verify)"
// live here as dated data with their basis, never as literals in the server.

import { citation, refuse, validateTerm } from './episode-terms.ts';
import type { RuleCheck, RuleError } from './episode-types.ts';
import type { FormRef, LegalBasis, RoleId, Text } from './legal-basis.ts';
import { FORMS, INSTRUMENTS as I } from './legal-basis.ts';
import type { RegimeId, RegimeRules, Rule, RuleOverride } from './legal-regimes.ts';
import { DOSSIER_DOCUMENT_KINDS, regimeOn, rulesOn } from './legal-regimes.ts';
import { type TaskKind, taskKindLabels } from './task-rules.ts';
import { vocabulary } from './vocabulary.ts';
import type { CalendarAdjustment } from './working-days.ts';
import { addWorkingDays } from './working-days.ts';

// ---------------------------------------------------------------------------------------------------------
// Checklist

// The kinds of documents a dossier holds, per person: listed with the regime rules, whose
// compulsoryDossierRequiredDocuments says which of them are required.
export { DOSSIER_DOCUMENT_KINDS };
export type DossierDocumentKind = (typeof DOSSIER_DOCUMENT_KINDS)[number];

export interface ChecklistItem {
  kind: DossierDocumentKind;
  /** Submission is refused while a required item is missing for any person of the dossier. */
  required: boolean;
  label: Text;
  form?: FormRef;
}

/** The checklist as dated data: DOMAIN.md §5 says "verify the exact list", so it is flagged and cited. */
export interface ChecklistRule {
  items: readonly ChecklistItem[];
  basis: readonly LegalBasis[];
  verify: true;
  note: Text;
}

const CHECKLIST_ITEMS: readonly ChecklistItem[] = [
  {
    kind: 'violation_record',
    required: true,
    label: {
      vi: 'Biên bản vi phạm hành chính về hành vi sử dụng trái phép chất ma túy',
      en: 'Record of the administrative violation (illegal drug use)',
    },
  },
  {
    kind: 'personal_history',
    required: true,
    label: { vi: 'Bản tóm tắt lý lịch', en: 'Summary of personal history' },
  },
  {
    kind: 'addiction_result',
    required: true,
    label: {
      vi: 'Phiếu kết quả xác định tình trạng nghiện ma túy (Mẫu 04)',
      en: 'Addiction determination result (Form 04)',
    },
    form: FORMS.addictionResult,
  },
  {
    kind: 'ground_proof',
    required: true,
    label: {
      vi: 'Tài liệu chứng minh căn cứ đề nghị áp dụng biện pháp',
      en: 'Proof of the ground for the measure',
    },
  },
  {
    kind: 'statement',
    required: true,
    label: {
      vi: 'Bản tường trình của người bị đề nghị hoặc người đại diện hợp pháp',
      en: 'Statement of the person or their legal representative',
    },
  },
  {
    kind: 'notification_proof',
    required: true,
    label: {
      vi: 'Văn bản thông báo và biên bản về việc người bị đề nghị, gia đình được đọc hồ sơ',
      en: 'Proof that the person and family were notified and could read the dossier',
    },
  },
  {
    kind: 'family_commitment',
    required: false,
    label: {
      vi: 'Bản cam kết quản lý tại gia đình trong thời gian lập hồ sơ (Mẫu 35), nếu có',
      en: 'Family commitment while the dossier is pending (Form 35), if any',
    },
    form: FORMS.familyCommitment,
  },
  { kind: 'other', required: false, label: { vi: 'Tài liệu khác', en: 'Other document' } },
];

const CHECKLIST_BASIS: readonly LegalBasis[] = [
  { instrument: I.adminViolations, article: '103' },
  { instrument: I.decree116 },
];

// ---------------------------------------------------------------------------------------------------------
// Dated rules

export interface DossierRules {
  regimeId: RegimeId;
  /** Working days the person and family have to read the dossier, counted from the day after notice
   *  (regime rule compulsoryDossierReadingWorkingDays, with overrides applied). */
  readingPeriodWorkingDays: Rule<number>;
  checklist: ChecklistRule;
  /** Who prepares the dossier on this date (regime rule compulsoryDossierPreparer). */
  preparer: Rule<RoleId>;
  /** Which court decides on this date (regime rule compulsoryCourt). */
  court: Rule<RoleId>;
  /** The regime's own rules, for terms and ages. */
  regime: RegimeRules;
}

const CHECKLIST: ChecklistRule = Object.freeze({
  items: Object.freeze(CHECKLIST_ITEMS.map((i) => Object.freeze(i))),
  basis: CHECKLIST_BASIS,
  verify: true,
  note: {
    vi: 'Danh mục theo DOMAIN.md §5, cần đối chiếu với văn bản chính thức (Thông tư liên tịch 03/2025 từ 01/03/2025)',
    en: 'List from DOMAIN.md §5, to check against the official text (Joint Circular 03/2025 from 01/03/2025)',
  },
}) as ChecklistRule;

// Per regime: the same list for now; a regime that changes it gets its own entry. The reading period is a
// regime rule (compulsoryDossierReadingWorkingDays), so an administrator's override reaches it.
const BY_REGIME: Record<RegimeId, { checklist: ChecklistRule }> = {
  // Before 2022 (history only): the Law on Handling Administrative Violations and the 2000 law, no 2021 decree.
  'pre-2022': {
    checklist: {
      ...CHECKLIST,
      basis: [{ instrument: I.law2000 }, { instrument: I.adminViolations, article: '103' }],
    },
  },
  'law73-2022': { checklist: CHECKLIST },
  'police-transfer-2025': {
    checklist: {
      ...CHECKLIST,
      basis: [...CHECKLIST_BASIS, { instrument: I.jointCircular03_2025 }],
    },
  },
  'two-tier-2025': {
    checklist: {
      ...CHECKLIST,
      basis: [...CHECKLIST_BASIS, { instrument: I.jointCircular03_2025 }],
    },
  },
  'law120-2026': {
    checklist: { ...CHECKLIST, basis: [{ instrument: I.law120 }, ...CHECKLIST_BASIS] },
  },
};

// Which items are required is the regime rule compulsoryDossierRequiredDocuments, so an administrator's
// override (a decree changing the list) reaches the checklist without a code change.
function withRequired(
  checklist: ChecklistRule,
  rule: RegimeRules['compulsoryDossierRequiredDocuments'],
): ChecklistRule {
  return {
    ...checklist,
    items: checklist.items.map((i) => ({ ...i, required: (rule.value[i.kind] ?? 0) > 0 })),
    basis: rule.overriddenBy ? [...rule.basis, ...checklist.basis] : checklist.basis,
  };
}

/** The Vietnamese and English name of each kind of document (for editors of the required-documents rule). */
export const dossierDocumentLabels: Record<DossierDocumentKind, Text> = Object.fromEntries(
  CHECKLIST_ITEMS.map((i) => [i.kind, i.label]),
) as Record<DossierDocumentKind, Text>;

/** The dossier rules in force on a date (throws a RangeError before 2022-01-01, like rulesOn). */
export function dossierRulesOn(date: string, overrides: readonly RuleOverride[] = []): DossierRules {
  const regime = regimeOn(date);
  const rules = rulesOn(date, overrides);
  return {
    regimeId: regime.id,
    readingPeriodWorkingDays: rules.compulsoryDossierReadingWorkingDays,
    checklist: withRequired(BY_REGIME[regime.id].checklist, rules.compulsoryDossierRequiredDocuments),
    preparer: rules.compulsoryDossierPreparer,
    court: rules.compulsoryCourt,
    regime: rules,
  };
}

/** Last day of the reading period that starts with a notice given on `notifiedOn`. */
export function readingPeriodEnd(
  notifiedOn: string,
  rules: DossierRules,
  adjustments: readonly CalendarAdjustment[] = [],
): string {
  return addWorkingDays(notifiedOn, rules.readingPeriodWorkingDays.value, adjustments);
}

/** Required checklist items that have no document yet, per person. */
export function missingDocuments(
  personIds: readonly string[],
  documents: readonly { personId: string | null; kind: string }[],
  checklist: ChecklistRule,
): { personId: string; kind: DossierDocumentKind }[] {
  const have = new Set(documents.map((d) => `${d.personId}:${d.kind}`));
  const missing: { personId: string; kind: DossierDocumentKind }[] = [];
  for (const personId of personIds) {
    for (const item of checklist.items) {
      if (item.required && !have.has(`${personId}:${item.kind}`)) missing.push({ personId, kind: item.kind });
    }
  }
  return missing;
}

// ---------------------------------------------------------------------------------------------------------
// State machine

const dossierStatusVocabulary = vocabulary({
  draft: ['Đang lập hồ sơ', 'Being prepared'],
  notified: ['Đã thông báo, đang trong thời hạn đọc hồ sơ', 'Notified, reading period running'],
  reading_period_over: ['Hết thời hạn đọc hồ sơ', 'Reading period over'],
  submitted: ['Đã chuyển Tòa án', 'Submitted to the court'],
  accepted: ['Tòa án đã thụ lý', 'Accepted by the court'],
  hearing_scheduled: ['Đã có lịch phiên họp', 'Hearing scheduled'],
  decided: ['Tòa án đã quyết định', 'Decided by the court'],
  executed: ['Đã thi hành', 'Executed'],
});
export const DOSSIER_STATUSES = dossierStatusVocabulary.values;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];
export const dossierStatusLabels = dossierStatusVocabulary.labels;

/** Dossiers still on their way to a decision (every status before 'decided'): a person may be named in only one. */
export const OPEN_DOSSIER_STATUSES: readonly DossierStatus[] = DOSSIER_STATUSES.slice(
  0,
  DOSSIER_STATUSES.indexOf('decided'),
);

const dossierActionVocabulary = vocabulary({
  notify: ['thông báo cho người bị đề nghị và gia đình', 'notify the person and family'],
  close_reading: ['ghi nhận hết thời hạn đọc hồ sơ', 'record the end of the reading period'],
  submit: ['chuyển hồ sơ đến Tòa án', 'submit the dossier to the court'],
  accept: ['ghi nhận Tòa án thụ lý', 'record the court’s acceptance'],
  schedule_hearing: ['ghi nhận lịch phiên họp', 'record the hearing date'],
  decide: ['ghi nhận quyết định của Tòa án', 'record the court’s decision'],
  execute: ['ghi nhận thi hành quyết định', 'record the execution'],
});
export const DOSSIER_ACTIONS = dossierActionVocabulary.values;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];
export const dossierActionLabels = dossierActionVocabulary.labels;

/** Outcomes of the court for one person of the dossier. */
const courtOutcomeVocabulary = vocabulary({
  ordered: ['Áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc', 'Compulsory rehab ordered'],
  rejected: ['Không áp dụng biện pháp', 'Measure not applied'],
  postponed: ['Hoãn chấp hành quyết định', 'Execution postponed'],
  exempted: ['Miễn chấp hành quyết định', 'Exempted from execution'],
});
export const COURT_OUTCOMES = courtOutcomeVocabulary.values;
export type CourtOutcome = (typeof COURT_OUTCOMES)[number];
export const courtOutcomeLabels = courtOutcomeVocabulary.labels;

/** Where one person of the dossier stands: proposed until the decision, then the outcome, then executed. */
export type DossierPersonStatus = 'proposed' | CourtOutcome | 'executed';

/** Outcomes that send the person to a facility, now (ordered) or once the postponement ends. */
export const EXECUTABLE_OUTCOMES: readonly CourtOutcome[] = ['ordered', 'postponed'];

const TRANSITIONS: Record<DossierAction, { from: readonly DossierStatus[]; to: DossierStatus }> = {
  notify: { from: ['draft'], to: 'notified' },
  close_reading: { from: ['notified'], to: 'reading_period_over' },
  submit: { from: ['reading_period_over'], to: 'submitted' },
  accept: { from: ['submitted'], to: 'accepted' },
  // A hearing may be moved: scheduling again while scheduled replaces the date.
  schedule_hearing: { from: ['accepted', 'hearing_scheduled'], to: 'hearing_scheduled' },
  decide: { from: ['hearing_scheduled'], to: 'decided' },
  // Each person is executed on their own; the dossier is executed when no ordered person is left.
  execute: { from: ['decided'], to: 'executed' },
};

export const documentKindLabels: Record<keyof Text, Record<DossierDocumentKind, string>> = {
  vi: Object.fromEntries(CHECKLIST_ITEMS.map((i) => [i.kind, i.label.vi])) as Record<
    DossierDocumentKind,
    string
  >,
  en: Object.fromEntries(CHECKLIST_ITEMS.map((i) => [i.kind, i.label.en])) as Record<
    DossierDocumentKind,
    string
  >,
};

// The rule each step follows, cited when a step is refused.
const PROCEDURE_BASIS: readonly LegalBasis[] = [{ instrument: I.adminViolations, article: '103' }];
const COURT_BASIS: readonly LegalBasis[] = [{ instrument: I.ordinance01_2022 }];

/** Whether `action` may happen to a dossier in `status`; refuses with a code and the rule it follows. */
export function checkTransition(status: DossierStatus, action: DossierAction): RuleCheck {
  const t = TRANSITIONS[action];
  if (t.from.includes(status)) return { ok: true };
  const basis = ['accept', 'schedule_hearing', 'decide'].includes(action) ? COURT_BASIS : PROCEDURE_BASIS;
  const needed = t.from.map((s) => dossierStatusLabels.vi[s]).join(' / ');
  const neededEn = t.from.map((s) => dossierStatusLabels.en[s]).join(' / ');
  return refuse(
    'DOSSIER_ILLEGAL_TRANSITION',
    `Không thể ${dossierActionLabels.vi[action]} khi hồ sơ ở trạng thái "${dossierStatusLabels.vi[status]}"; cần trạng thái "${needed}"${citation(basis, 'vi')}`,
    `Cannot ${dossierActionLabels.en[action]} while the dossier is "${dossierStatusLabels.en[status]}"; it must be "${neededEn}"${citation(basis, 'en')}`,
    basis,
  );
}

/** The status an action leads to. */
export function nextStatus(action: DossierAction): DossierStatus {
  return TRANSITIONS[action].to;
}

/** People may be added to or removed from the dossier only while it is being prepared, before the notice. */
export function canEditPersons(status: DossierStatus): RuleCheck {
  if (status === 'draft') return { ok: true };
  return refuse(
    'DOSSIER_PERSONS_LOCKED',
    `Chỉ được thêm, bớt người trong hồ sơ trước khi thông báo cho người bị đề nghị và gia đình${citation(PROCEDURE_BASIS, 'vi')}`,
    `People can be added or removed only before the person and family are notified${citation(PROCEDURE_BASIS, 'en')}`,
    PROCEDURE_BASIS,
  );
}

/** Documents may be added or removed until the dossier goes to the court. */
export function canEditDocuments(status: DossierStatus): RuleCheck {
  if (status === 'draft' || status === 'notified' || status === 'reading_period_over') return { ok: true };
  return refuse(
    'DOSSIER_DOCUMENTS_LOCKED',
    `Không thể thay đổi tài liệu sau khi hồ sơ đã chuyển Tòa án${citation(PROCEDURE_BASIS, 'vi')}`,
    `Documents cannot change after the dossier was submitted to the court${citation(PROCEDURE_BASIS, 'en')}`,
    PROCEDURE_BASIS,
  );
}

/** The reading period must have ended: the act is dated after its last day. */
export function checkReadingPeriodOver(readingEnd: string, date: string, rules: DossierRules): RuleCheck {
  if (date > readingEnd) return { ok: true };
  const r = rules.readingPeriodWorkingDays;
  return refuse(
    'READING_PERIOD_NOT_OVER',
    `Thời hạn đọc hồ sơ ${r.value} ngày làm việc chưa kết thúc (đến hết ngày ${readingEnd})${citation(r.basis, 'vi')}`,
    `The ${r.value}-working-day reading period has not ended (it runs to ${readingEnd})${citation(r.basis, 'en')}`,
    r.basis,
  );
}

/** Submission needs every required document for every person. */
export function checkChecklistComplete(
  missing: readonly { personId: string; kind: DossierDocumentKind }[],
  rules: DossierRules,
): RuleCheck {
  if (missing.length === 0) return { ok: true };
  const kinds = [...new Set(missing.map((m) => m.kind))];
  const basis = rules.checklist.basis;
  return refuse(
    'DOSSIER_INCOMPLETE',
    `Hồ sơ còn thiếu tài liệu: ${kinds.map((k) => documentKindLabels.vi[k]).join('; ')}${citation(basis, 'vi')}`,
    `The dossier is missing documents: ${kinds.map((k) => documentKindLabels.en[k]).join('; ')}${citation(basis, 'en')}`,
    basis,
  );
}

/** An act cannot be dated before the act it follows (e.g. a decision before the hearing). */
export function checkNotBefore(date: string, earliest: string, what: Text, after: Text): RuleCheck {
  if (date >= earliest) return { ok: true };
  return refuse(
    'DOSSIER_DATE_ORDER',
    `Ngày ${what.vi} (${date}) không thể trước ngày ${after.vi} (${earliest})`,
    `The date of ${what.en} (${date}) cannot be before ${after.en} (${earliest})`,
  );
}

export interface OutcomeInput {
  outcome: CourtOutcome;
  termMonths?: number | null;
  birthDate?: string | null;
  decisionDate: string;
  /** Whether the person had rehab of any form before (chooses first/repeat under fixed-term regimes). */
  priorRehab?: boolean;
}

/**
 * Checks the court's outcome for one person: an order (also when its execution is postponed) needs a term
 * within the legal range for the person's age on the decision date; a rejection or exemption has no term.
 */
export function checkOutcome(
  input: OutcomeInput,
  rules: DossierRules,
): { ok: true; termMonths: number | null } | { ok: false; error: RuleError } {
  if (!EXECUTABLE_OUTCOMES.includes(input.outcome)) {
    if (input.termMonths != null) {
      return refuse(
        'TERM_NOT_APPLICABLE',
        'Không ghi thời hạn khi Tòa án không áp dụng hoặc miễn chấp hành biện pháp',
        'No term is recorded when the court does not apply the measure or exempts the person',
      );
    }
    return { ok: true, termMonths: null };
  }
  const term = validateTerm({
    type: 'compulsory',
    months: input.termMonths ?? null,
    birthDate: input.birthDate ?? null,
    decisionDate: input.decisionDate,
    regime: rules.regime,
    priorRehab: input.priorRehab,
  });
  if (!term.ok) return term;
  return { ok: true, termMonths: term.months };
}

/** The dossier's status once its people stand where they stand after the decision. */
export function statusAfterExecution(people: readonly { status: DossierPersonStatus }[]): DossierStatus {
  const executed = people.some((p) => p.status === 'executed');
  const waiting = people.some((p) => p.status === 'ordered' || p.status === 'postponed');
  return executed && !waiting ? 'executed' : 'decided';
}

// ---------------------------------------------------------------------------------------------------------
// Work list

/** Tasks a dossier opens for the commune police: reading period end, court hearing, execution. */
export const DOSSIER_TASK_KINDS = {
  readingEnd: 'dossier_reading_end',
  hearing: 'court_hearing',
  execution: 'compulsory_execution',
} as const satisfies Record<string, TaskKind>;

/** The labels of the dossier's tasks (the work list's own labels, task-rules.ts). */
export const dossierTaskLabels: Record<keyof Text, Record<string, string>> = {
  vi: pick(taskKindLabels.vi),
  en: pick(taskKindLabels.en),
};
function pick(labels: Record<TaskKind, string>) {
  return Object.fromEntries(Object.values(DOSSIER_TASK_KINDS).map((k) => [k, labels[k]]));
}
