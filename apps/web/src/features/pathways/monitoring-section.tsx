import { MONITORING_EVENT_KINDS, MONITORING_MEANS } from '@hoanhap/domain/monitoring-rules';
import { Badge, Button, Group, List, Select, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { can, useSession } from '../../api/session.ts';
import type { Person } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { DateField } from '../../components/date-field.tsx';
import { RecordSection, StaleRecordAlert, useRecordDialog } from '../../components/record-section.tsx';
import { formatDate } from '../../i18n/format.ts';
import { checker, type Errors, FormModal, todayDmy, tx } from './form-kit.tsx';
import {
  type EventBody,
  type Measure,
  type MeasureBody,
  useMeasureCreate,
  useMeasureEvent,
  useMeasures,
} from './monitoring-api.ts';
import './monitoring-i18n.ts';
import { useFields } from '../../components/form-fields.ts';

// The person page's section of electronic monitoring (Law 120/2025/QH15 Art. 12): readers of class legal see
// the measures with their decision, basis, period, means and events (dates dd/mm/yyyy); the commune police
// record a decision and its events. A removal ends the measure, so it asks for confirmation first. The server
// refuses a person outside the three situations or a date before 01/07/2026, citing the rule: shown as is.

const STATUS_COLOR = { active: 'blue', end_due: 'orange', ended: 'gray' } as const;

function fieldErrorOf(errors: Errors, error: unknown) {
  const e = error instanceof ApiError ? error : null;
  // A refusal of the rule (422) names its field too: show it under that input as well as above the buttons.
  const ruleField = e?.status === 422 && typeof e.body.field === 'string' ? e.body.field : null;
  return (name: string) =>
    errors[name] ??
    e?.errors.find((f) => f.field === name)?.message ??
    (ruleField === name ? e?.detail : undefined);
}

function MeasureForm({
  person,
  onClose,
  onSaved,
}: {
  person: Person;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('monitoring');
  const form = useFields({
    decisionNumber: '',
    decisionDate: todayDmy(),
    decisionSigner: '',
    startDate: todayDmy(),
    plannedEnd: '',
    means: 'bracelet' as MeasureBody['means'],
    meansOther: '',
    notes: '',
  });
  const { f: v, setF: setV, errors, setErrors } = form;
  const create = useMeasureCreate(person.id);
  const fieldError = fieldErrorOf(errors, create.error);

  const submit = () => {
    const c = checker((k) => t(`pathways:${k}`));
    const decisionNumber = c.required('decisionNumber', v.decisionNumber);
    const decisionDate = c.date('decisionDate', v.decisionDate);
    const startDate = c.date('startDate', v.startDate);
    const plannedEnd = c.date('plannedEnd', v.plannedEnd);
    if (v.means === 'other') c.required('meansOther', v.meansOther);
    setErrors(c.errors);
    if (!c.ok() || !decisionDate || !startDate || !plannedEnd) return;
    const body: MeasureBody = {
      decisionNumber,
      decisionDate,
      startDate,
      plannedEnd,
      means: v.means,
      ...(v.decisionSigner.trim() ? { decisionSigner: v.decisionSigner.trim() } : {}),
      ...(v.means === 'other' ? { meansOther: v.meansOther.trim() } : {}),
      ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
    };
    create.mutate(body, { onSuccess: onSaved });
  };

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('form.createTitle')}
      onSubmit={submit}
      busy={create.isPending}
      error={create.error}
      fields={['decisionNumber', 'decisionDate', 'startDate', 'plannedEnd', 'meansOther']}
    >
      <Group grow align="flex-start">
        <TextInput
          label={t('form.decisionNumber')}
          required
          {...form.text('decisionNumber')}
          error={fieldError('decisionNumber')}
          maxLength={60}
        />
        <DateField
          label={t('form.decisionDate')}
          required
          {...form.value('decisionDate')}
          error={fieldError('decisionDate')}
        />
      </Group>
      <TextInput
        label={t('form.decisionSigner')}
        {...form.text('decisionSigner')}
        error={fieldError('decisionSigner')}
        maxLength={160}
      />
      <Group grow align="flex-start">
        <DateField
          label={t('form.startDate')}
          required
          {...form.value('startDate')}
          error={fieldError('startDate')}
        />
        <DateField
          label={t('form.plannedEnd')}
          required
          {...form.value('plannedEnd')}
          error={fieldError('plannedEnd')}
        />
      </Group>
      <Select
        label={t('form.means')}
        required
        allowDeselect={false}
        data={MONITORING_MEANS.map((m) => ({ value: m, label: t(`means.${m}`) }))}
        value={v.means}
        onChange={(means) => setV({ ...v, means: means ?? 'bracelet' })}
      />
      {v.means === 'other' && (
        <TextInput
          label={t('form.meansOther')}
          required
          {...form.text('meansOther')}
          error={fieldError('meansOther')}
          maxLength={200}
        />
      )}
      <Textarea label={t('form.notes')} autosize minRows={1} {...form.text('notes')} maxLength={2000} />
    </FormModal>
  );
}

function EventForm({
  person,
  measure,
  onClose,
  onSaved,
}: {
  person: Person;
  measure: Measure;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('monitoring');
  const [base, setBase] = useState(measure);
  const form = useFields({ kind: 'breach' as EventBody['kind'], occurredOn: todayDmy(), description: '' });
  const { f: v, setF: setV, errors, setErrors } = form;
  const [confirming, setConfirming] = useState<string | null>(null);
  const write = useMeasureEvent(person.id);
  const serverError = write.error instanceof ApiError ? write.error : null;
  const current = serverError?.status === 409 ? (serverError.body.current as Measure | undefined) : undefined;
  const fieldError = fieldErrorOf(errors, write.error);

  const send = (occurredOn: string) =>
    write.mutate(
      {
        id: base.id,
        body: {
          version: base.version,
          kind: v.kind,
          occurredOn,
          ...(v.description.trim() ? { description: v.description.trim() } : {}),
        },
      },
      { onSuccess: onSaved, onSettled: () => setConfirming(null) },
    );

  const submit = () => {
    const c = checker((k) => t(`pathways:${k}`));
    const occurredOn = c.date('occurredOn', v.occurredOn);
    setErrors(c.errors);
    if (!c.ok() || !occurredOn) return;
    if (v.kind === 'removal') setConfirming(occurredOn);
    else send(occurredOn);
  };

  return (
    <>
      <FormModal
        opened={confirming === null}
        onClose={onClose}
        title={t('form.eventTitle')}
        onSubmit={submit}
        busy={write.isPending}
        error={current ? null : write.error}
        fields={['occurredOn', 'description']}
      >
        {current && (
          <StaleRecordAlert
            testId="monitoring-stale"
            text={t('form.stale', { version: current.version })}
            loadLabel={t('form.loadCurrent')}
            onLoad={() => {
              setBase(current);
              write.reset();
            }}
          />
        )}
        <Select
          label={t('form.kind')}
          required
          allowDeselect={false}
          data={MONITORING_EVENT_KINDS.map((k) => ({ value: k, label: t(`eventKind.${k}`) }))}
          value={v.kind}
          onChange={(kind) => setV({ ...v, kind: kind ?? 'breach' })}
        />
        <DateField
          label={t('form.occurredOn')}
          required
          {...form.value('occurredOn')}
          error={fieldError('occurredOn')}
        />
        <Textarea
          label={t('form.description')}
          autosize
          minRows={2}
          {...form.text('description')}
          error={fieldError('description')}
          maxLength={2000}
        />
      </FormModal>
      <ConfirmDialog
        opened={confirming !== null}
        title={t('confirmRemoval.title')}
        message={t('confirmRemoval.message', { date: formatDate(confirming) })}
        confirmLabel={t('confirmRemoval.confirm')}
        danger
        busy={write.isPending}
        onConfirm={() => confirming && send(confirming)}
        onClose={() => setConfirming(null)}
      />
    </>
  );
}

/** The electronic-monitoring section of the person page; absent for roles that may not read class legal. */
export function PersonMonitoring({ person }: { person: Person }) {
  const { t } = useTranslation('monitoring');
  const me = useSession();
  const reads = can(me, 'monitoring.read') && me.abilities.readableClasses.includes('legal');
  const writes = can(me, 'monitoring.write');
  const list = useMeasures(person.id, reads);
  const d = useRecordDialog<{ kind: 'create' } | { kind: 'event'; measure: Measure }>();
  if (!reads) return null;

  return (
    <RecordSection
      id="monitoring"
      testId="monitoring"
      title={t('title')}
      intro={t('intro')}
      add={writes ? { label: t('add'), onClick: () => d.open({ kind: 'create' }) } : null}
      saved={d.saved(t('saved'), 'monitoring-saved')}
      q={list}
      empty={{ text: t('empty'), next: writes ? t('emptyNext') : t('emptyNextReader') }}
      table={{
        minWidth: 760,
        testId: 'monitoring-table',
        head: [
          t('col.decision'),
          t('col.period'),
          t('col.means'),
          t('col.situation'),
          t('col.status'),
          t('col.basis'),
          t('col.events'),
          writes && t('col.actions'),
        ],
      }}
      row={(m) => (
        <Table.Tr key={m.id} data-testid="monitoring-row">
          <Table.Td>
            {t('decisionLine', {
              number: m.decision.number,
              date: formatDate(m.decision.date),
              authority: tx(m.authority.label),
            })}
          </Table.Td>
          <Table.Td>
            {t('periodLine', { start: formatDate(m.startDate), end: formatDate(m.plannedEnd) })}
            {m.actualEnd && (
              <Text size="sm" c="dimmed">
                {t('endedOn', { date: formatDate(m.actualEnd) })}
              </Text>
            )}
            {!m.actualEnd && m.basisEndsOn && m.basisEndsOn < m.plannedEnd && (
              <Text size="sm" c="red.9" data-testid="monitoring-basis-ended">
                {t('basisEndsOn', { date: formatDate(m.basisEndsOn) })}
              </Text>
            )}
          </Table.Td>
          <Table.Td>{m.meansOther ?? tx(m.meansLabel)}</Table.Td>
          <Table.Td>{tx(m.episode.label)}</Table.Td>
          <Table.Td>
            <Badge color={STATUS_COLOR[m.status]} variant="light" data-testid="monitoring-status">
              {t(`status.${m.status}`)}
            </Badge>
          </Table.Td>
          <Table.Td>{m.basis.map(tx).join('; ')}</Table.Td>
          <Table.Td>
            {m.events.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('noEvents')}
              </Text>
            ) : (
              <List size="sm">
                {m.events.map((e) => (
                  <List.Item key={e.id}>
                    {formatDate(e.occurredOn)}: {tx(e.label)}
                    {e.description ? ` — ${e.description}` : ''}
                  </List.Item>
                ))}
              </List>
            )}
          </Table.Td>
          {writes && (
            <Table.Td>
              {m.status !== 'ended' && (
                <Button
                  size="xs"
                  variant="default"
                  aria-label={t('recordEventLabel', { number: m.decision.number })}
                  onClick={() => d.open({ kind: 'event', measure: m })}
                >
                  {t('recordEvent')}
                </Button>
              )}
            </Table.Td>
          )}
        </Table.Tr>
      )}
    >
      {d.dialog?.kind === 'create' && <MeasureForm person={person} onClose={d.close} onSaved={d.done} />}
      {d.dialog?.kind === 'event' && (
        <EventForm person={person} measure={d.dialog.measure} onClose={d.close} onSaved={d.done} />
      )}
    </RecordSection>
  );
}
