import type { TFunction } from 'i18next';
import { formatDate } from '../../i18n/format.ts';
import { type Admission, facilityApi } from './facility-api.ts';
import { isoToDmy } from './facility-form-kit.tsx';
import { asBody, type FieldSpec, type Parsed } from './spec-form.tsx';

// The dialogs of the resident page, each described by its fields and the request it sends.

export type Dialog =
  | 'stage'
  | 'bed'
  | 'visit'
  | 'incident'
  | 'reward'
  | 'support'
  | 'term'
  | 'notice'
  | 'release'
  | 'departure';

export type Act = <R>(run: () => Promise<R>, message?: (r: R) => string) => Promise<void>;
export type DialogSpec = { title: string; fields: FieldSpec[]; submit: (p: Parsed) => Promise<void> };

/** The forms of one stay; `act` sends, refreshes and reports. */
export function residentSpecs(a: Admission, t: TFunction<'facility'>, act: Act): Record<Dialog, DialogSpec> {
  const opts = (prefix: string, keys: readonly string[]) =>
    keys.map((k) => ({ value: k, label: t(`${prefix}.${k}`) }));
  const v = a.version;

  return {
    stage: {
      title: t('resident.moveStage', { n: a.stage + 1 }),
      fields: [
        { key: 'beganOn', label: t('resident.beganOn'), kind: 'date', required: true },
        { key: 'approvedBy', label: t('resident.approver'), kind: 'text', required: true },
      ],
      submit: (p) =>
        act(() => facilityApi.admissionAct.stages(a.id, asBody({ version: v, stage: a.stage + 1, ...p }))),
    },
    bed: {
      title: t('resident.changeBed'),
      fields: [
        { key: 'area', label: t('admit.area'), kind: 'text', initial: a.area ?? '' },
        { key: 'bed', label: t('admit.bed'), kind: 'text', initial: a.bed ?? '' },
      ],
      submit: (p) => act(() => facilityApi.setBed(a.id, asBody({ version: v, ...p }))),
    },
    visit: {
      title: t('visit.title'),
      fields: [
        { key: 'visitedOn', label: t('visit.visitedOn'), kind: 'date', required: true },
        {
          key: 'mode',
          label: t('visit.mode'),
          kind: 'select',
          options: opts('visit', ['in_person', 'online_call']),
        },
        { key: 'visitor', label: t('visit.visitor'), kind: 'text', required: true },
        { key: 'relation', label: t('visit.relation'), kind: 'text', required: true },
        { key: 'platform', label: t('visit.platform'), kind: 'text', when: (x) => x.mode === 'online_call' },
        { key: 'notes', label: t('common.notes'), kind: 'textarea' },
      ],
      submit: (p) => act(() => facilityApi.residentEvent.visits(a.id, asBody(p))),
    },
    incident: {
      title: t('incident.title'),
      fields: [
        { key: 'occurredOn', label: t('incident.occurredOn'), kind: 'date', required: true },
        {
          key: 'kind',
          label: t('incident.kind'),
          kind: 'select',
          options: opts('incident', ['rule_violation', 'fight', 'drug_found', 'escape', 'self_harm']),
        },
        { key: 'description', label: t('incident.description'), kind: 'textarea', required: true },
        { key: 'actionTaken', label: t('incident.actionTaken'), kind: 'textarea' },
      ],
      submit: (p) => act(() => facilityApi.residentEvent.incidents(a.id, asBody(p))),
    },
    reward: {
      title: t('reward.title'),
      fields: [
        { key: 'awardedOn', label: t('reward.awardedOn'), kind: 'date', required: true },
        {
          key: 'kind',
          label: t('reward.kind'),
          kind: 'select',
          options: opts('reward', ['commendation', 'merit_certificate', 'other']),
        },
        { key: 'reason', label: t('reward.reason'), kind: 'textarea', required: true },
        { key: 'decidedBy', label: t('reward.decidedBy'), kind: 'text', required: true },
      ],
      submit: (p) => act(() => facilityApi.residentEvent.rewards(a.id, asBody(p))),
    },
    support: {
      title: t('support.title'),
      fields: [
        { key: 'providedOn', label: t('support.providedOn'), kind: 'date', required: true },
        {
          key: 'kind',
          label: t('support.kind'),
          kind: 'select',
          options: opts('support', [
            'job_counselling',
            'overseas_labour_counselling',
            'employer_link',
            'loan_referral',
          ]),
        },
        { key: 'partner', label: t('support.partner'), kind: 'text' },
        { key: 'outcome', label: t('support.outcome'), kind: 'textarea' },
      ],
      submit: (p) => act(() => facilityApi.residentEvent.support(a.id, asBody(p))),
    },
    term: {
      title: t('term.title'),
      fields: [
        {
          key: 'kind',
          label: t('term.kind'),
          kind: 'select',
          options: opts(
            'termKind',
            a.absence ? ['return'] : ['reduction', 'early_release', 'postponement', 'suspension', 'escape'],
          ),
        },
        { key: 'decidedOn', label: t('term.decidedOn'), kind: 'date', required: true },
        {
          key: 'days',
          label: t('term.days'),
          kind: 'number',
          required: true,
          when: (x) => x.kind === 'reduction',
        },
        {
          key: 'releaseOn',
          label: t('term.releaseOn'),
          kind: 'date',
          required: true,
          when: (x) => x.kind === 'early_release',
        },
        { key: 'decisionNumber', label: t('term.decisionNumber'), kind: 'text' },
        { key: 'decidedBy', label: t('term.decidedBy'), kind: 'text', required: true },
        { key: 'reason', label: t('term.reason'), kind: 'textarea' },
      ],
      submit: (p) =>
        act(
          () => facilityApi.admissionAct.termChanges(a.id, asBody({ version: v, ...p })),
          (fresh) =>
            fresh.term.plannedRelease
              ? t('resident.newRelease', { date: formatDate(fresh.term.plannedRelease) })
              : t('resident.newReleaseNone'),
        ),
    },
    notice: {
      title: t('notice.title'),
      fields: [
        { key: 'noticeOn', label: t('notice.noticeOn'), kind: 'date', required: true },
        { key: 'communeChairman', label: t('notice.chairman'), kind: 'text', required: true },
        { key: 'communePolice', label: t('notice.police'), kind: 'text', required: true },
        { key: 'summary', label: t('notice.summary'), kind: 'textarea', required: true },
        { key: 'recommendations', label: t('notice.recommendations'), kind: 'textarea', required: true },
      ],
      submit: (p) => act(() => facilityApi.admissionAct.releaseNotice(a.id, asBody({ version: v, ...p }))),
    },
    release: {
      title: t('release.title'),
      fields: [
        {
          key: 'releasedOn',
          label: t('release.releasedOn'),
          kind: 'date',
          required: true,
          initial: a.term.plannedRelease ? isoToDmy(a.term.plannedRelease) : undefined,
        },
        { key: 'certificate.number', label: t('release.number'), kind: 'text', required: true },
        { key: 'certificate.issuedOn', label: t('release.issuedOn'), kind: 'date', required: true },
        { key: 'certificate.signer', label: t('release.signer'), kind: 'text', required: true },
      ],
      submit: (p) =>
        act(() =>
          facilityApi.admissionAct.release(
            a.id,
            asBody({
              version: v,
              releasedOn: p.releasedOn,
              certificate: {
                number: p['certificate.number'],
                issuedOn: p['certificate.issuedOn'],
                signer: p['certificate.signer'],
              },
            }),
          ),
        ),
    },
    departure: {
      title: t('departure.title'),
      fields: [
        { key: 'leftOn', label: t('departure.leftOn'), kind: 'date', required: true },
        {
          key: 'reason',
          label: t('departure.reason'),
          kind: 'select',
          options: opts('departure', [
            'court_rejected',
            'transferred',
            'quit',
            'expelled',
            'escaped',
            'died',
          ]),
        },
        { key: 'notes', label: t('common.notes'), kind: 'textarea' },
      ],
      submit: (p) => act(() => facilityApi.admissionAct.departure(a.id, asBody({ version: v, ...p }))),
    },
  };
}
