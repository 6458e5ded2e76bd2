// Deadlines of the work list. Each kind of task says who answers for it and how its due date follows from
// the event that opened it: a rule of the regime in force (rulesOn) where the law sets a deadline, a date
// the officer chose (a scheduled test, a court hearing), or an operational lead time where the law sets
// none. Operational lead times are office practice, not law: flagged as such and meant to be configured.

import type { RoleId } from './legal-basis.ts';
import type { RegimeRules, RuleKey } from './legal-regimes.ts';
import { vnToday } from './pathway-rules.ts';
import { vocabulary } from './vocabulary.ts';
import type { CalendarAdjustment } from './working-days.ts';
import { addWorkingDays } from './working-days.ts';

const taskKindVocabulary = vocabulary({
  user_management_decision: [
    'Ra quyết định quản lý người sử dụng trái phép chất ma túy',
    'Issue the decision on management of an illegal drug user',
  ],
  addiction_determination_due: ['Tổ chức xác định tình trạng nghiện', 'Arrange an addiction determination'],
  post_rehab_decision: ['Ra quyết định quản lý sau cai nghiện', 'Issue the post-rehab management decision'],
  management_period_end: [
    'Hết thời hạn quản lý: cấp giấy chứng nhận / kết thúc quản lý',
    'Management period ends: issue the certificate / close management',
  ],
  drug_test_due: ['Xét nghiệm chất ma túy theo kế hoạch', 'Scheduled drug test'],
  contact_due: ['Gặp gỡ, tiếp xúc người được quản lý', 'Contact with the managed person'],
  transfer_handover: ['Tiếp nhận hồ sơ người chuyển đến', 'Receive the record of a person who moved in'],
  court_hearing: [
    'Phiên họp xem xét áp dụng biện pháp cai nghiện bắt buộc',
    'Court hearing on compulsory rehab',
  ],
  dossier_reading_end: [
    'Hết thời hạn đọc hồ sơ đề nghị đưa vào cơ sở cai nghiện bắt buộc',
    'Compulsory-rehab dossier: reading period ends',
  ],
  compulsory_execution: [
    'Thi hành quyết định đưa vào cơ sở cai nghiện bắt buộc',
    'Execute the compulsory rehab order',
  ],
  monitoring_end: [
    'Kết thúc giám sát điện tử: gỡ thiết bị, ghi nhận kết thúc biện pháp',
    'Electronic monitoring ends: remove the device, record the end of the measure',
  ],
});
export const TASK_KINDS = taskKindVocabulary.values;
export type TaskKind = (typeof TASK_KINDS)[number];
export const taskKindLabels = taskKindVocabulary.labels;

/**
 * The app roles a task can fall to (the unit is the person's commune, the facility or, for a person with no
 * known residence, the province; a volunteer answers for follow-ups of the people assigned to them).
 */
export type TaskRole =
  | 'commune_officer'
  | 'commune_police'
  | 'facility_staff'
  | 'facility_medical'
  | 'province_officer'
  | 'volunteer';

export const TASK_ROLE: Record<TaskKind, TaskRole> = {
  user_management_decision: 'commune_officer',
  addiction_determination_due: 'commune_police',
  post_rehab_decision: 'commune_officer',
  management_period_end: 'commune_officer',
  drug_test_due: 'commune_police',
  contact_due: 'commune_officer',
  transfer_handover: 'commune_officer',
  court_hearing: 'commune_police',
  dossier_reading_end: 'commune_police',
  compulsory_execution: 'commune_police',
  monitoring_end: 'commune_police',
};

// The app role that acts for an official a rule names as deciding authority.
const AUTHORITY_TASK_ROLE: Partial<Record<RoleId, TaskRole>> = {
  commune_chairman: 'commune_officer',
  commune_police_head: 'commune_police',
};

/**
 * Who answers for a task under the rules in force on the event's date: where the rule behind the task names
 * an authority (overridable), the role acting for it — the decision on a drug user falls to the commune
 * police under Law 120/2025, to the commune officer (chairman's office) before —; otherwise TASK_ROLE.
 */
export function taskRoleFor(kind: TaskKind, rules: RegimeRules): TaskRole {
  const authority =
    kind === 'user_management_decision'
      ? rules.userManagementMonths.authority
      : kind === 'transfer_handover'
        ? rules.moveHandoverHours.authority
        : undefined;
  return (authority && AUTHORITY_TASK_ROLE[authority]) || TASK_ROLE[kind];
}

/**
 * Moving house. Where the rules set an hour limit (Law 120/2025: the person reports the move within 24 h and
 * the police of the OLD commune notify the new commune's police within 24 h), the move is recorded by the
 * role acting for the rule's authority in the old commune — recording it is that notice — and the new
 * commune's police get the handover task, due within the hours. Before, no such duty: any commune role
 * records the move and the new commune's officer receives the record.
 */
export function moveHandover(rules: RegimeRules): { recordedBy: RoleId | null; receiver: TaskRole } {
  const rule = rules.moveHandoverHours;
  if (rule.value === null) return { recordedBy: null, receiver: TASK_ROLE.transfer_handover };
  return { recordedBy: rule.authority ?? null, receiver: taskRoleFor('transfer_handover', rules) };
}

export interface Deadline {
  /** Last day (Vietnam calendar) on which the act is on time. */
  dueDate: string;
  /** Exact moment for deadlines in hours; null for day deadlines. */
  dueAt: string | null;
  /** The regime rule the deadline comes from, when the law sets it. */
  ruleKey: RuleKey | null;
}

/**
 * Deadline of a task opened by an event. `eventDate` is the date of the act (e.g. the facility's discharge
 * notice), `eventAt` the moment it was recorded (hour rules count from it). Returns null when the rules in
 * force set no deadline for this kind (e.g. no 24-hour rule before Law 120/2025): no task is due then.
 */
export function deadlineFor(
  kind: Exclude<
    TaskKind,
    | 'drug_test_due'
    | 'contact_due'
    | 'court_hearing'
    | 'management_period_end'
    | 'dossier_reading_end'
    | 'compulsory_execution'
    | 'monitoring_end'
  >,
  eventDate: string,
  eventAt: Date,
  rules: RegimeRules,
  adjustments: readonly CalendarAdjustment[] = [],
): Deadline | null {
  const inHours = (hours: number | null, ruleKey: RuleKey): Deadline | null => {
    if (hours === null) return null;
    const at = new Date(eventAt.getTime() + hours * 3_600_000);
    return { dueDate: vnToday(at), dueAt: at.toISOString(), ruleKey };
  };
  switch (kind) {
    case 'post_rehab_decision':
      return {
        dueDate: addWorkingDays(eventDate, rules.postRehabDecisionWorkingDays.value, adjustments),
        dueAt: null,
        ruleKey: 'postRehabDecisionWorkingDays',
      };
    case 'user_management_decision':
      return inHours(rules.userManagementDecisionHours.value, 'userManagementDecisionHours');
    case 'transfer_handover':
      return inHours(rules.moveHandoverHours.value, 'moveHandoverHours');
    case 'addiction_determination_due':
      return {
        dueDate: addWorkingDays(eventDate, rules.relapseDeterminationWorkingDays.value, adjustments),
        dueAt: null,
        ruleKey: 'relapseDeterminationWorkingDays',
      };
  }
}

export type TaskTiming = 'overdue' | 'today' | 'upcoming';

/** Where an open task stands at `now`: hour deadlines compare moments, day deadlines compare Vietnam dates. */
export function taskTiming(task: { dueDate: string; dueAt?: string | null }, now: Date): TaskTiming {
  return taskTimer(now)(task);
}

/**
 * `taskTiming` at one moment for many tasks (a work list page of 100): the moment and Vietnam's date are worked
 * out once instead of per task.
 */
export function taskTimer(now: Date): (task: { dueDate: string; dueAt?: string | null }) => TaskTiming {
  const nowIso = now.toISOString();
  const today = vnToday(now);
  return (task) => {
    if (task.dueAt && task.dueAt < nowIso) return 'overdue';
    if (!task.dueAt && task.dueDate < today) return 'overdue';
    return task.dueDate === today ? 'today' : 'upcoming';
  };
}
