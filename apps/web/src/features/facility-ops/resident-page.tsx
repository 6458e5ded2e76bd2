import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
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
import { Panel } from '../../components/panel.tsx';
import { formatDate } from '../../i18n/format.ts';
import { type Fix, FixDialog, isCorrectable } from './corrections.tsx';
import { EventLine, str } from './event-line.tsx';
import {
  type Admission,
  facilityApi,
  facilityKeys,
  facilityOf,
  useAdmission,
  useEvents,
} from './facility-api.ts';
import { FixButton, Flash, ServerProblem, useConfirm } from './facility-form-kit.tsx';
import { HealthSection } from './health-section.tsx';
import { type Dialog, residentSpecs } from './resident-specs.ts';
import { type Parsed, SpecFormModal } from './spec-form.tsx';

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
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [fixing, setFixing] = useState<{ mode: 'correct' | 'void'; id: string } | 'intake' | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const { ask, element: confirmElement } = useConfirm();
  const sessions = useEvents(facilityOf(me), 'session');
  const released = !!a.releasedOn;
  const active = writable && !released;
  const close = () => {
    setDialog(null);
    setFixing(null);
  };

  /** Posts, refreshes the stay; a stale version reloads the stay and says so. */
  const act = async <R,>(run: () => Promise<R>, message?: (r: R) => string) => {
    let r: R;
    try {
      r = await run();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'stale_version') {
        await qc.invalidateQueries({ queryKey: facilityKeys.admission(a.id) });
        throw new ApiError(409, { ...e.body, detail: e.body.keepDetail ? e.detail : t('common.stale') });
      }
      throw e;
    }
    await qc.invalidateQueries({ queryKey: facilityKeys.all });
    setFlash(message ? message(r) : t('common.saved'));
    close();
  };
  const specs = residentSpecs(a, t, act);

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
  const attended = (sessions.data ?? []).filter(
    (e) => !e.voided && ((e.data.attendeeAdmissionIds as string[] | undefined) ?? []).includes(a.id),
  );
  const register = a.events;
  // The event is looked up on each render, so a reload after a 409 brings its current version.
  const fixTarget = fixing && fixing !== 'intake' ? register.find((e) => e.id === fixing.id) : undefined;
  const fix: Fix | null =
    fixing === 'intake'
      ? { mode: 'intake' }
      : fixing && fixTarget
        ? { mode: fixing.mode, e: fixTarget }
        : null;

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
                await act(() =>
                  facilityApi.setResidence(a.id, { version: a.version, noKnownResidence: set }),
                );
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
      <Flash text={flash} onClose={() => setFlash(null)} />

      <Panel id="term" title={t('resident.term')}>
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
      </Panel>

      <Panel id="stages" title={t('resident.stages')}>
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
      </Panel>

      <Panel id="intake" title={t('resident.summary')}>
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
          <Group mt="md" gap="xs">
            <Button variant="default" size="xs" onClick={() => setDialog('bed')}>
              {t('resident.changeBed')}
            </Button>
            <Button variant="default" size="xs" onClick={() => setFixing('intake')}>
              {t('fix.intake')}
            </Button>
          </Group>
        )}
      </Panel>

      <Panel id="register" title={t('resident.register')}>
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
              <EventLine
                key={e.id}
                e={e}
                actions={
                  active && isCorrectable(e)
                    ? (['correct', 'void'] as const).map((mode) => (
                        <FixButton
                          key={mode}
                          mode={mode}
                          what={t(`event.${e.kind}`)}
                          on={e.occurredOn}
                          onClick={() => setFixing({ mode, id: e.id })}
                        />
                      ))
                    : undefined
                }
              />
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
      </Panel>

      {medical && <HealthSection a={a} writable={active} />}

      <Panel id="handover" title={t('resident.handover')}>
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
              {t(a.release.decisionDueDate ? 'resident.releasedInfo' : 'resident.releasedInfoVoluntary', {
                number: a.release.certificate.number,
                date: formatDate(a.release.certificate.issuedOn),
                unit: a.release.flaggedForProvince
                  ? t('resident.handedProvince')
                  : t('resident.handedCommune'),
                due: a.release.decisionDueDate ? formatDate(a.release.decisionDueDate) : '',
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
      </Panel>

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
      {fix && (
        <FixDialog
          key={fixing === 'intake' ? 'intake' : `${fix.mode}`}
          a={a}
          fix={fix}
          act={act}
          ask={ask}
          onClose={close}
        />
      )}
      {confirmElement}
    </Stack>
  );
}
