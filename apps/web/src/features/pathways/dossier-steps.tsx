import { COURT_OUTCOMES } from '@hoanhap/domain/dossier-rules';
import {
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useSession } from '../../api/session.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { DateField } from '../../components/date-field.tsx';
import { formatDate } from '../../i18n/format.ts';
import './dossiers-i18n.ts';
import { useTextFields } from '../../components/form-kit.tsx';
import { type Dossier, type DossierStepCall, dossierApi, useDossierWrite } from './dossiers-api.ts';
import { checker, type Errors, ServerProblem, todayDmy } from './form-kit.tsx';
import { useFacilities } from './pathways-api.ts';

type Step = DossierStepCall & {
  label: string;
  confirm?: { title: string; message: string };
};

/** Why no step is offered (the dossier is done, nobody to execute, or the role only reads). */
function NoStep({ testId, children }: { testId?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" data-testid={testId}>
        {children}
      </Text>
    </Paper>
  );
}

/** The one step the dossier's status allows next, as a small form; refusals show the server's rule. */
export function DossierNextStep({
  dossier: d,
  onDone,
}: {
  dossier: Dossier;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation('dossiers');
  const { t: tp } = useTranslation('pathways');
  const me = useSession();
  const [outcomes, setOutcomes] = useState<Record<string, Record<string, string>>>({});
  const [term, setTerm] = useState<Record<string, number | string>>({});
  const [errors, setErrors] = useState<Errors>({});
  const [confirming, setConfirming] = useState<Step | null>(null);
  const write = useDossierWrite((s: Step) => dossierApi.step(d.id, d.version, s));
  const executable = d.persons.filter((p) => p.status === 'ordered' || p.status === 'postponed');
  const facilities = useFacilities(d.status === 'decided');
  // A date not yet typed in is today.
  const { setV, val, set, opt, text, date } = useTextFields(errors, {}, todayDmy());

  if (d.status === 'executed') return <NoStep testId="dossier-done">{t('page.done')}</NoStep>;
  if (d.status === 'decided' && executable.length === 0)
    return <NoStep testId="dossier-nothing-to-execute">{t('page.nothingToExecute')}</NoStep>;
  if (!can(me, 'dossiers.write')) return <NoStep>{t('page.readOnly')}</NoStep>;

  const build = (): Step | null => {
    const c = checker(tp);
    let step: Step | null = null;
    switch (d.status) {
      case 'draft':
        step = {
          path: 'notify',
          label: t('step.notify'),
          body: { notifiedOn: c.date('notifiedOn', val('notifiedOn', todayDmy())) },
        };
        break;
      case 'notified':
        step = {
          path: 'close-reading',
          label: t('step.closeReading'),
          body: { closedOn: c.date('closedOn', val('closedOn', todayDmy())) },
        };
        break;
      case 'reading_period_over': {
        const courtName = c.required('courtName', val('courtName', d.court?.name ?? ''));
        step = {
          path: 'submit',
          label: t('step.submit'),
          body: {
            submittedOn: c.date('submittedOn', val('submittedOn', todayDmy())),
            courtName,
            submissionNumber: opt('submissionNumber'),
          },
          confirm: {
            title: t('step.confirmSubmitTitle'),
            message: t('step.confirmSubmit', { court: courtName }),
          },
        };
        break;
      }
      case 'submitted':
        step = {
          path: 'accept',
          label: t('step.accept'),
          body: {
            acceptedOn: c.date('acceptedOn', val('acceptedOn', todayDmy())),
            courtCaseNumber: opt('caseNumber'),
          },
        };
        break;
      case 'accepted':
      case 'hearing_scheduled':
        if (d.status === 'hearing_scheduled' && val('mode', 'decide') === 'decide') {
          const decidedOn = c.date('decidedOn', val('decidedOn', todayDmy()));
          const list = d.persons.map((p) => {
            const o = outcomes[p.personId] ?? {};
            const outcome = o.outcome ?? 'ordered';
            const termValue = term[p.personId];
            const months = termValue === '' || termValue === undefined ? undefined : Number(termValue);
            if ((outcome === 'ordered' || outcome === 'postponed') && months === undefined)
              c.errors[`term.${p.personId}`] = tp('common.required');
            const postponedUntil =
              outcome === 'postponed' ? c.date(`postponed.${p.personId}`, o.postponedUntil ?? '') : undefined;
            const trim = (x?: string) => (x?.trim() ? x.trim() : undefined);
            return {
              personId: p.personId,
              outcome,
              termMonths: outcome === 'ordered' || outcome === 'postponed' ? months : undefined,
              decisionNumber: trim(o.decisionNumber),
              decisionSigner: trim(o.decisionSigner),
              postponedUntil,
              note: trim(o.note),
            };
          });
          step = {
            path: 'decision',
            label: t('step.decide'),
            body: { decidedOn, outcomes: list },
            confirm: {
              title: t('step.confirmDecideTitle'),
              message: t('step.confirmDecide', { date: formatDate(decidedOn) }),
            },
          };
        } else {
          step = {
            path: 'hearing',
            label: d.status === 'accepted' ? t('step.hearing') : t('step.rescheduleHearing'),
            body: {
              hearingDate: c.date('hearingDate', val('hearingDate', '')),
              hearingPlace: opt('hearingPlace'),
            },
          };
        }
        break;
      case 'decided': {
        const personId = val('personId', executable[0]?.personId ?? '');
        const person = d.persons.find((p) => p.personId === personId);
        const facilityId = c.required('facilityId', val('facilityId'));
        const executedOn = c.date('executedOn', val('executedOn', todayDmy()));
        const admittedOn = c.date('admittedOn', val('admittedOn', ''), true);
        const facility = facilities.data?.find((f) => f.id === facilityId)?.name ?? '';
        step = {
          path: 'execute',
          label: t('step.execute'),
          body: { personId, executedOn, admittedOn, facilityId },
          confirm: {
            title: t('step.confirmExecuteTitle'),
            message: t('step.confirmExecute', {
              name: person?.fullName ?? '',
              facility,
              date: formatDate(executedOn),
            }),
          },
        };
        break;
      }
    }
    setErrors(c.errors);
    return c.ok() ? step : null;
  };

  const run = (s: Step) =>
    write.mutate(JSON.parse(JSON.stringify(s)), {
      onSuccess: () => {
        setConfirming(null);
        setV({});
        onDone(s.path === 'execute' ? t('step.executed') : t('step.done', { step: s.label }));
      },
      onError: () => setConfirming(null),
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const s = build();
    if (!s) return;
    if (s.confirm) setConfirming(s);
    else run(s);
  };

  const deciding = d.status === 'hearing_scheduled' && val('mode', 'decide') === 'decide';
  const title =
    d.status === 'draft'
      ? t('step.notify')
      : d.status === 'notified'
        ? t('step.closeReading')
        : d.status === 'reading_period_over'
          ? t('step.submit')
          : d.status === 'submitted'
            ? t('step.accept')
            : d.status === 'accepted'
              ? t('step.hearing')
              : d.status === 'hearing_scheduled'
                ? deciding
                  ? t('step.decide')
                  : t('step.rescheduleHearing')
                : t('step.execute');

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="dossier-next" data-testid="dossier-next">
      <Title order={2} size="h4" mb="sm" id="dossier-next">
        {t('page.next')}: {title}
      </Title>
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack>
          {d.status === 'hearing_scheduled' && (
            <Group>
              <Button
                variant={deciding ? 'filled' : 'default'}
                size="xs"
                onClick={() => set('mode')('decide')}
              >
                {t('step.decide')}
              </Button>
              <Button
                variant={deciding ? 'default' : 'filled'}
                size="xs"
                onClick={() => set('mode')('hearing')}
              >
                {t('step.rescheduleHearing')}
              </Button>
            </Group>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {d.status === 'draft' && date('notifiedOn', t('step.notifiedOn'))}
            {d.status === 'notified' && date('closedOn', t('step.closedOn'))}
            {d.status === 'reading_period_over' && (
              <>
                {date('submittedOn', t('step.submittedOn'))}
                {text('courtName', t('step.courtName'), true, d.court?.name ?? '')}
                {text('submissionNumber', t('step.submissionNumber'))}
              </>
            )}
            {d.status === 'submitted' && (
              <>
                {date('acceptedOn', t('step.acceptedOn'))}
                {text('caseNumber', t('step.caseNumber'))}
              </>
            )}
            {(d.status === 'accepted' || (d.status === 'hearing_scheduled' && !deciding)) && (
              <>
                <DateField
                  label={t('step.hearingDate')}
                  required
                  value={val('hearingDate')}
                  onChange={set('hearingDate')}
                  error={errors.hearingDate}
                />
                {text('hearingPlace', t('step.hearingPlace'))}
              </>
            )}
            {deciding && date('decidedOn', t('step.decidedOn'))}
            {d.status === 'decided' && (
              <>
                <NativeSelect
                  label={t('step.executePerson')}
                  value={val('personId', executable[0]?.personId ?? '')}
                  onChange={(e) => set('personId')(e.currentTarget.value)}
                  data={executable.map((p) => ({ value: p.personId, label: p.fullName }))}
                />
                <NativeSelect
                  label={t('step.facility')}
                  required
                  value={val('facilityId')}
                  onChange={(e) => set('facilityId')(e.currentTarget.value)}
                  data={[
                    { value: '', label: '—' },
                    ...(facilities.data ?? []).map((f) => ({ value: f.id, label: f.name })),
                  ]}
                  error={errors.facilityId}
                />
                {date('executedOn', t('step.executedOn'))}
                <DateField
                  label={t('step.admittedOn')}
                  value={val('admittedOn')}
                  onChange={set('admittedOn')}
                  error={errors.admittedOn}
                />
              </>
            )}
          </SimpleGrid>
          {deciding &&
            d.persons.map((p) => {
              const o = outcomes[p.personId] ?? {};
              const outcome = o.outcome ?? 'ordered';
              const setO = (k: string, x: string) =>
                setOutcomes((all) => ({ ...all, [p.personId]: { ...(all[p.personId] ?? {}), [k]: x } }));
              return (
                <Paper key={p.personId} withBorder p="sm" data-testid={`outcome-${p.personId}`}>
                  <Stack gap="xs">
                    <NativeSelect
                      label={t('step.outcome', { name: p.fullName })}
                      value={outcome}
                      onChange={(e) => setO('outcome', e.currentTarget.value)}
                      data={COURT_OUTCOMES.map((x) => ({ value: x, label: t(`court.${x}`) }))}
                    />
                    <SimpleGrid cols={{ base: 1, sm: 2 }}>
                      {(outcome === 'ordered' || outcome === 'postponed') && (
                        <NumberInput
                          label={t('step.termMonths')}
                          required
                          min={1}
                          max={120}
                          allowDecimal={false}
                          value={term[p.personId] ?? ''}
                          onChange={(x) => setTerm((all) => ({ ...all, [p.personId]: x }))}
                          error={errors[`term.${p.personId}`]}
                        />
                      )}
                      <TextInput
                        label={t('step.decisionNumber')}
                        value={o.decisionNumber ?? ''}
                        onChange={(e) => setO('decisionNumber', e.currentTarget.value)}
                      />
                      <TextInput
                        label={t('step.decisionSigner')}
                        value={o.decisionSigner ?? ''}
                        onChange={(e) => setO('decisionSigner', e.currentTarget.value)}
                      />
                      {outcome === 'postponed' && (
                        <DateField
                          label={t('step.postponedUntil')}
                          required
                          value={o.postponedUntil ?? ''}
                          onChange={(x) => setO('postponedUntil', x)}
                          error={errors[`postponed.${p.personId}`]}
                        />
                      )}
                      <TextInput
                        label={t('step.note')}
                        value={o.note ?? ''}
                        onChange={(e) => setO('note', e.currentTarget.value)}
                      />
                    </SimpleGrid>
                  </Stack>
                </Paper>
              );
            })}
          {!confirming && <ServerProblem error={write.error} />}
          <Group justify="flex-end">
            <Button type="submit" loading={write.isPending && !confirming}>
              {t('step.record')}
            </Button>
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        opened={!!confirming}
        title={confirming?.confirm?.title ?? ''}
        message={confirming?.confirm?.message ?? ''}
        confirmLabel={confirming?.label ?? ''}
        danger
        busy={write.isPending}
        onConfirm={() => confirming && run(confirming)}
        onClose={() => setConfirming(null)}
      />
    </Paper>
  );
}
