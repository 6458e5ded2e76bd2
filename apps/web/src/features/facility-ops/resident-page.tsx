import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { can, useSession } from '../../api/session.ts';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { formatDate } from '../../i18n/format.ts';
import {
  type Admission,
  type FacilityEvent,
  facilityApi,
  facilityKeys,
  facilityOf,
  useAdmission,
  useEvents,
} from './facility-api.ts';
import { isoToDmy, ServerProblem, useConfirm } from './facility-form-kit.tsx';
import { HealthSection } from './health-section.tsx';
import { type FieldSpec, type Parsed, SpecFormModal } from './spec-form.tsx';

type Dialog =
  | 'stage'
  | 'bed'
  | 'visit'
  | 'incident'
  | 'reward'
  | 'support'
  | 'term'
  | 'notice'
  | 'release'
  | 'departure'
  | null;

const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));

/** One line of the register, in words. */
function EventLine({ e }: { e: FacilityEvent }) {
  const { t } = useTranslation('facility');
  const d = e.data;
  let text = '';
  switch (e.kind) {
    case 'visit':
      text = `${t(`visit.${e.subkind}`)} — ${str(d.visitor)} (${str(d.relation)})${d.platform ? ` · ${str(d.platform)}` : ''}`;
      break;
    case 'incident':
      text = `${t(`incident.${e.subkind}`)}: ${str(d.description)}${d.actionTaken ? ` — ${str(d.actionTaken)}` : ''}`;
      break;
    case 'reward':
      text = `${t(`reward.${e.subkind}`)}: ${str(d.reason)} — ${str(d.decidedBy)}`;
      break;
    case 'support':
      text = `${t(`support.${e.subkind}`)}${d.partner ? ` — ${str(d.partner)}` : ''}${d.outcome ? `: ${str(d.outcome)}` : ''}`;
      break;
    case 'term_change':
      text = `${t(`termKind.${e.subkind}`)}${d.decisionNumber ? ` (${str(d.decisionNumber)})` : ''} — ${
        d.newRelease
          ? t('resident.newRelease', { date: formatDate(str(d.newRelease)) })
          : t('resident.newReleaseNone')
      }${d.previousRelease ? `, ${t('resident.previousRelease', { date: formatDate(str(d.previousRelease)) })}` : ''}`;
      break;
    case 'release_notice':
      text = `${str(d.communeChairman)}, ${str(d.communePolice)}: ${str(d.summary)}`;
      break;
    case 'release':
      text = str((d.certificate as { number?: string } | undefined)?.number);
      break;
    case 'departure':
      text = t(`departure.${str(d.reason)}`);
      break;
  }
  return (
    <Timeline.Item
      title={`${formatDate(e.occurredOn)} · ${t(`event.${e.kind}`)}`}
      data-testid={`event-${e.kind}`}
    >
      <Text size="sm">{text}</Text>
    </Timeline.Item>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

/** A resident's stay: stages, term and its changes, register, health (medical staff only), handover. */
export function ResidentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('facility');
  const me = useSession();
  const q = useAdmission(id);
  usePageTitle(q.data?.fullName ?? t('resident.loadingResident'));
  if (q.isPending) return <InlineLoader />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  return <Resident a={q.data} writable={can(me, 'facility.write')} medical={can(me, 'facility.health')} />;
}

function Resident({ a, writable, medical }: { a: Admission; writable: boolean; medical: boolean }) {
  const { t } = useTranslation('facility');
  const me = useSession();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const { ask, element: confirmElement } = useConfirm();
  const sessions = useEvents(facilityOf(me), 'session');
  const released = !!a.releasedOn;
  const active = writable && !released;
  const close = () => setDialog(null);

  /** Posts, refreshes the stay; a stale version reloads the stay and says so. */
  const act = async <R,>(run: () => Promise<R>, message?: (r: R) => string) => {
    let r: R;
    try {
      r = await run();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'stale_version') {
        await qc.invalidateQueries({ queryKey: facilityKeys.admission(a.id) });
        throw new ApiError(409, { ...e.body, detail: t('common.stale') });
      }
      throw e;
    }
    await qc.invalidateQueries({ queryKey: facilityKeys.all });
    setFlash(message ? message(r) : t('common.saved'));
    close();
  };
  const opts = (prefix: string, keys: readonly string[]) =>
    keys.map((k) => ({ value: k, label: t(`${prefix}.${k}`) }));
  const v = a.version;

  const specs: Record<
    Exclude<Dialog, null>,
    { title: string; fields: FieldSpec[]; submit: (p: Parsed) => Promise<void> }
  > = {
    stage: {
      title: t('resident.moveStage', { n: a.stage + 1 }),
      fields: [
        { key: 'beganOn', label: t('resident.beganOn'), kind: 'date', required: true },
        { key: 'approvedBy', label: t('resident.approver'), kind: 'text', required: true },
      ],
      submit: (p) =>
        act(() => facilityApi.admissionAct(a.id, 'stages', { version: v, stage: a.stage + 1, ...p })),
    },
    bed: {
      title: t('resident.changeBed'),
      fields: [
        { key: 'area', label: t('admit.area'), kind: 'text', initial: a.area ?? '' },
        { key: 'bed', label: t('admit.bed'), kind: 'text', initial: a.bed ?? '' },
      ],
      submit: (p) => act(() => facilityApi.setBed(a.id, { version: v, ...p })),
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
      submit: (p) => act(() => facilityApi.residentEvent(a.id, 'visits', p)),
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
      submit: (p) => act(() => facilityApi.residentEvent(a.id, 'incidents', p)),
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
      submit: (p) => act(() => facilityApi.residentEvent(a.id, 'rewards', p)),
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
      submit: (p) => act(() => facilityApi.residentEvent(a.id, 'support', p)),
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
          () => facilityApi.admissionAct(a.id, 'term-changes', { version: v, ...p }),
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
      submit: (p) => act(() => facilityApi.admissionAct(a.id, 'release-notice', { version: v, ...p })),
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
          facilityApi.admissionAct(a.id, 'release', {
            version: v,
            releasedOn: p.releasedOn,
            certificate: {
              number: p['certificate.number'],
              issuedOn: p['certificate.issuedOn'],
              signer: p['certificate.signer'],
            },
          }),
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
      submit: (p) => act(() => facilityApi.admissionAct(a.id, 'departure', { version: v, ...p })),
    },
  };

  const confirmFor = async (p: Parsed, raw: Record<string, string>) => {
    if (dialog === 'term')
      return ask({
        title: t('term.confirmTitle'),
        message: t('term.confirm', {
          kind: t(`termKind.${raw.kind}`),
          name: a.fullName,
          date: raw.decidedOn,
        }),
        confirmLabel: t('term.title'),
      });
    if (dialog === 'release')
      return ask({
        title: t('release.confirmTitle'),
        message: t('release.confirm', { name: a.fullName, date: raw.releasedOn }),
        confirmLabel: t('release.confirmButton'),
      });
    if (dialog === 'departure')
      return ask({
        title: t('departure.confirmTitle'),
        message: t('departure.confirm', { name: a.fullName, date: raw.leftOn }),
        confirmLabel: t('departure.confirmButton'),
      });
    return p !== null;
  };

  const spec = dialog ? specs[dialog] : null;
  const attended = (sessions.data ?? []).filter((e) =>
    ((e.data.attendeeAdmissionIds as string[] | undefined) ?? []).includes(a.id),
  );
  const register = a.events;

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={1} size="h2" data-testid="resident-name">
            {a.fullName}
          </Title>
          <Group gap="xs" mt={4}>
            <Badge variant="outline" color="blue.9">
              {t(`basis.${a.basis}`)}
            </Badge>
            <Badge variant="filled" color="blue.9" data-testid="current-stage">
              {t('stageShort', { n: a.stage })}
            </Badge>
            {a.absence && (
              <Badge color="red.9" variant="filled" data-testid="absence">
                {t('resident.absent', {
                  kind: t(`absence.${a.absence.kind}`),
                  date: formatDate(a.absence.from),
                })}
              </Badge>
            )}
            {a.releasedOn && (
              <Badge color="teal.9" variant="filled" data-testid="released">
                {t('resident.released', { date: formatDate(a.releasedOn) })}
              </Badge>
            )}
          </Group>
        </div>
        <Group>
          <Anchor component={Link} to={`/people/${a.personId}`}>
            {t('resident.personRecord')}
          </Anchor>
          <Anchor component={Link} to="/facility/residents">
            {t('resident.back')}
          </Anchor>
        </Group>
      </Group>
      {a.noKnownResidence && (
        <Alert color="orange" data-testid="no-residence">
          {t('resident.noKnownResidence')}
        </Alert>
      )}
      {active && !a.notice && (
        <Group>
          <Button
            variant="subtle"
            size="xs"
            onClick={async () => {
              const set = !a.noKnownResidence;
              const ok = await ask({
                title: t('resident.residenceConfirmTitle'),
                message: t(set ? 'resident.residenceConfirmSet' : 'resident.residenceConfirmClear', {
                  name: a.fullName,
                }),
                confirmLabel: t(set ? 'resident.markNoResidence' : 'resident.clearNoResidence'),
              });
              if (!ok) return;
              setProblem(null);
              try {
                await act(() => facilityApi.setResidence(a.id, { version: v, noKnownResidence: set }));
              } catch (e) {
                setProblem(e);
              }
            }}
          >
            {a.noKnownResidence ? t('resident.clearNoResidence') : t('resident.markNoResidence')}
          </Button>
        </Group>
      )}
      <ServerProblem error={problem} />
      {flash && (
        <Alert
          color="green"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setFlash(null)}
          data-testid="flash"
          role="status"
        >
          {flash}
        </Alert>
      )}

      <Paper withBorder p="md" component="section" aria-labelledby="term">
        <Title order={2} size="h4" id="term" mb="sm">
          {t('resident.term')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Fact label={t('resident.termStart')} value={formatDate(a.term.termStart)} />
          <Fact
            label={t('resident.decidedEnd')}
            value={a.term.decidedEnd ? formatDate(a.term.decidedEnd) : t('board.noRelease')}
          />
          <Fact
            label={t('resident.plannedRelease')}
            value={a.term.plannedRelease ? formatDate(a.term.plannedRelease) : t('board.noRelease')}
            testId="planned-release"
          />
          <Fact
            label={t('resident.served')}
            value={t('common.days', { count: a.term.daysServed })}
            testId="days-served"
          />
          <Fact
            label={t('resident.remaining')}
            value={
              a.term.daysRemaining === null
                ? t('common.none')
                : t('common.days', { count: a.term.daysRemaining })
            }
            testId="days-remaining"
          />
          <Fact label={t('resident.uncounted')} value={t('common.days', { count: a.term.uncountedDays })} />
          <Fact label={t('resident.reduction')} value={t('common.days', { count: a.term.reductionDays })} />
        </SimpleGrid>
        {active && (
          <Button mt="md" variant="default" onClick={() => setDialog('term')}>
            {t('resident.termChange')}
          </Button>
        )}
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="stages">
        <Title order={2} size="h4" id="stages" mb="sm">
          {t('resident.stages')}
        </Title>
        <Table data-testid="stages">
          <Table.Tbody>
            {[1, 2, 3, 4, 5].map((n) => {
              const s = a.stages.find((x) => x.stage === n);
              return (
                <Table.Tr key={n} data-testid={`stage-${n}`}>
                  <Table.Td fw={600}>{t('stageShort', { n })}</Table.Td>
                  <Table.Td>{t(`stage.${n}`)}</Table.Td>
                  <Table.Td>
                    {s
                      ? `${t('resident.stageFrom', { date: formatDate(s.beganOn) })}${s.endedOn ? ` ${t('resident.stageTo', { date: formatDate(s.endedOn) })}` : ''}`
                      : t('resident.notYet')}
                  </Table.Td>
                  <Table.Td>{s ? t('resident.approvedBy', { name: s.approvedBy }) : ''}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {active && a.stage < 5 && (
          <Button mt="md" onClick={() => setDialog('stage')}>
            {t('resident.moveStage', { n: a.stage + 1 })}
          </Button>
        )}
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="intake">
        <Title order={2} size="h4" id="intake" mb="sm">
          {t('resident.summary')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Fact label={t('admit.admittedOn')} value={formatDate(a.admittedOn)} />
          <Fact label={t('admit.recordNumber')} value={a.recordNumber ?? t('common.none')} />
          <Fact label={t('admit.classification')} value={t(`classification.${a.classification}`)} />
          <Fact
            label={t('resident.bed')}
            value={[a.area, a.bed].filter(Boolean).join(' / ') || t('common.none')}
            testId="bed"
          />
          <Fact
            label={t('resident.rapidTest')}
            value={`${formatDate(a.rapidTest.testedOn)} · ${t(`admit.${a.rapidTest.result}`)}${
              a.rapidTest.substances.length ? ` (${a.rapidTest.substances.join(', ')})` : ''
            }`}
          />
          <Fact
            label={t('resident.belongings')}
            value={a.belongings.map((b) => `${b.item} × ${b.quantity}`).join('; ') || t('common.none')}
          />
        </SimpleGrid>
        {active && (
          <Button mt="md" variant="default" size="xs" onClick={() => setDialog('bed')}>
            {t('resident.changeBed')}
          </Button>
        )}
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="register">
        <Title order={2} size="h4" id="register" mb="sm">
          {t('resident.register')}
        </Title>
        {active && (
          <Group mb="md" gap="xs">
            {(['visit', 'incident', 'reward', 'support'] as const).map((k) => (
              <Button key={k} variant="default" size="xs" onClick={() => setDialog(k)}>
                {`${t('resident.record')}: ${t(`event.${k}`)}`}
              </Button>
            ))}
          </Group>
        )}
        {register.length === 0 ? (
          <Text size="sm" data-testid="register-empty">
            {t('resident.registerEmpty')}
          </Text>
        ) : (
          <Timeline bulletSize={12} lineWidth={2} data-testid="register">
            {register.map((e) => (
              <EventLine key={e.id} e={e} />
            ))}
          </Timeline>
        )}
        <Title order={3} size="h5" mt="md" mb="xs">
          {t('resident.sessions')}
        </Title>
        {attended.length === 0 ? (
          <Text size="sm">{t('resident.sessionsEmpty')}</Text>
        ) : (
          <Stack gap={2} data-testid="sessions-attended">
            {attended.map((e) => (
              <Text size="sm" key={e.id}>
                {formatDate(e.occurredOn)} · {t(`classes.${e.subkind === 'group' ? 'groupKind' : e.subkind}`)}
                : {str(e.data.topic)} — {str(e.data.leader)}
              </Text>
            ))}
          </Stack>
        )}
      </Paper>

      {medical && <HealthSection a={a} writable={active} />}

      <Paper withBorder p="md" component="section" aria-labelledby="handover">
        <Title order={2} size="h4" id="handover" mb="sm">
          {t('resident.handover')}
        </Title>
        <Stack gap="xs">
          {a.notice ? (
            <Text size="sm" data-testid="notice">
              {t('resident.noticeSentOn', {
                date: formatDate(a.notice.noticeOn),
                chairman: a.notice.communeChairman,
                police: a.notice.communePolice,
              })}
              {a.notice.late ? ` — ${t('resident.noticeLate')}` : ''}
            </Text>
          ) : (
            !released && <Text size="sm">{t('resident.noticeFirst')}</Text>
          )}
          {a.release && (
            <Text size="sm" data-testid="release-info">
              {t('resident.releasedInfo', {
                number: a.release.certificate.number,
                date: formatDate(a.release.certificate.issuedOn),
                unit: a.release.flaggedForProvince
                  ? t('resident.handedProvince')
                  : t('resident.handedCommune'),
                due: formatDate(a.release.decisionDueDate),
              })}
            </Text>
          )}
          {active && (
            <Group>
              {!a.notice && (
                <Button variant="default" onClick={() => setDialog('notice')}>
                  {t('resident.notice')}
                </Button>
              )}
              <Button onClick={() => setDialog('release')} disabled={!a.notice}>
                {t('resident.release')}
              </Button>
              <Button variant="default" color="red.9" onClick={() => setDialog('departure')}>
                {t('resident.departure')}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>

      {spec && (
        <SpecFormModal
          key={dialog}
          opened
          title={spec.title}
          fields={spec.fields}
          onClose={close}
          onSubmit={(p) => spec.submit(p)}
          beforeSubmit={confirmFor}
        />
      )}
      {confirmElement}
    </Stack>
  );
}
