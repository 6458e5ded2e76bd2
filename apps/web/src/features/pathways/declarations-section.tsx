import { DECLARED_SUBSTANCES, declarationProblems } from '@hoanhap/domain/declaration-rules';
import type { Substance } from '@hoanhap/domain/pathway-rules';
import { Button, Checkbox, SimpleGrid, Table, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { can, useSession } from '../../api/session.ts';
import type { Person } from '../../api/types.ts';
import { DateField } from '../../components/date-field.tsx';
import { RecordSection, StaleRecordAlert, useRecordDialog } from '../../components/record-section.tsx';
import { formatDate } from '../../i18n/format.ts';
import { currentLang } from '../../i18n/i18n.ts';
import {
  type Declaration,
  type DeclarationBody,
  useDeclarations,
  useDeclarationWrite,
} from './declarations-api.ts';
import './declarations-i18n.ts';
import { checker, type Errors, FormModal, todayDmy, tx } from './form-kit.tsx';

// The person page's section of declarations of substances used and their source (Law 120/2025/QH15): readers of
// class drug_use see the list (dd/mm/yyyy, with the basis in force on each date); the commune police record and
// correct them (the version read is sent with a correction; a 409 shows the current one to load).

const SHOWN = ['declaredOn', 'substances', 'otherSubstance', 'source', 'notes'];

const toDmy = (iso: string) => formatDate(iso);

type FormValues = {
  declaredOn: string;
  substances: string[];
  otherSubstance: string;
  source: string;
  notes: string;
};

const formOf = (d?: Declaration): FormValues =>
  d
    ? {
        declaredOn: toDmy(d.declaredOn),
        substances: d.substances,
        otherSubstance: d.otherSubstance ?? '',
        source: d.source,
        notes: d.notes ?? '',
      }
    : { declaredOn: todayDmy(), substances: [], otherSubstance: '', source: '', notes: '' };

function DeclarationForm({
  person,
  record,
  onClose,
  onSaved,
}: {
  person: Person;
  record?: Declaration;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('declarations');
  const [base, setBase] = useState<Declaration | undefined>(record);
  const [v, setV] = useState<FormValues>(() => formOf(record));
  const [errors, setErrors] = useState<Errors>({});
  const write = useDeclarationWrite(person.id);
  const serverError = write.error instanceof ApiError ? write.error : null;
  const current =
    serverError?.status === 409 ? (serverError.body.current as Declaration | undefined) : undefined;
  const fieldError = (name: string) =>
    errors[name] ?? serverError?.errors.find((e) => e.field === name)?.message ?? undefined;

  const submit = () => {
    const c = checker((k) => t(`pathways:${k}`));
    const declaredOn = c.date('declaredOn', v.declaredOn);
    if (declaredOn) {
      const today = new Date().toISOString().slice(0, 10);
      const problems = declarationProblems(
        {
          declaredOn,
          substances: v.substances as Substance[],
          otherSubstance: v.otherSubstance,
          source: v.source,
        },
        { today, birthDate: person.birthDate ?? null, birthYear: person.birthYear ?? null },
      );
      // The server checks the date against Vietnam's today; the browser's may differ by a few hours.
      for (const p of problems) if (p.rule !== 'not_future') c.errors[p.field] ??= p[currentLang()];
    }
    setErrors(c.errors);
    if (!c.ok() || !declaredOn) return;
    const body: DeclarationBody = {
      declaredOn,
      // The checkboxes offer the contract's substances (DECLARED_SUBSTANCES).
      substances: v.substances as DeclarationBody['substances'],
      source: v.source.trim(),
      ...(v.substances.includes('other') ? { otherSubstance: v.otherSubstance.trim() } : {}),
      ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
    };
    write.mutate({ id: base?.id, version: base?.version, body }, { onSuccess: onSaved });
  };

  return (
    <FormModal
      opened
      onClose={onClose}
      title={record ? t('form.editTitle') : t('form.createTitle')}
      onSubmit={submit}
      busy={write.isPending}
      error={current ? null : write.error}
      fields={SHOWN}
    >
      {current && (
        <StaleRecordAlert
          testId="declaration-stale"
          text={t('form.stale', { version: current.version })}
          loadLabel={t('form.loadCurrent')}
          onLoad={() => {
            setBase(current);
            setV(formOf(current));
            write.reset();
          }}
        />
      )}
      <DateField
        label={t('form.declaredOn')}
        required
        value={v.declaredOn}
        onChange={(declaredOn) => setV({ ...v, declaredOn })}
        error={fieldError('declaredOn')}
      />
      <Checkbox.Group
        label={t('form.substances')}
        withAsterisk
        value={v.substances}
        onChange={(substances) => setV({ ...v, substances })}
        error={fieldError('substances')}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
          {DECLARED_SUBSTANCES.map((s) => (
            <Checkbox key={s} value={s} label={t(`pathways:substance.${s}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      {v.substances.includes('other') && (
        <TextInput
          label={t('form.otherSubstance')}
          required
          value={v.otherSubstance}
          onChange={(e) => setV({ ...v, otherSubstance: e.currentTarget.value })}
          error={fieldError('otherSubstance')}
          maxLength={120}
        />
      )}
      <Textarea
        label={t('form.source')}
        required
        autosize
        minRows={2}
        value={v.source}
        onChange={(e) => setV({ ...v, source: e.currentTarget.value })}
        error={fieldError('source')}
        maxLength={1000}
      />
      <Textarea
        label={t('form.notes')}
        autosize
        minRows={1}
        value={v.notes}
        onChange={(e) => setV({ ...v, notes: e.currentTarget.value })}
        error={fieldError('notes')}
        maxLength={2000}
      />
    </FormModal>
  );
}

/** The declarations section of the person page; absent for roles that may not read class drug_use. */
export function PersonDeclarations({ person }: { person: Person }) {
  const { t } = useTranslation('declarations');
  const me = useSession();
  const reads = can(me, 'screening.read') && me.abilities.readableClasses.includes('drug_use');
  const writes = can(me, 'declarations.write');
  const list = useDeclarations(person.id, reads);
  const d = useRecordDialog<{ record?: Declaration }>();
  if (!reads) return null;

  const substances = (d: Declaration) =>
    d.substances
      .map((s) => (s === 'other' && d.otherSubstance ? d.otherSubstance : t(`pathways:substance.${s}`)))
      .join(', ');

  return (
    <RecordSection
      id="declarations"
      testId="declarations"
      title={t('title')}
      intro={t('intro')}
      add={writes ? { label: t('add'), onClick: () => d.open({}) } : null}
      saved={d.saved(t('form.saved'), 'declaration-saved')}
      q={list}
      empty={{ text: t('empty'), next: writes ? t('emptyNext') : t('emptyNextReader') }}
      table={{
        minWidth: 640,
        testId: 'declarations-table',
        head: [
          t('col.declaredOn'),
          t('col.substances'),
          t('col.source'),
          t('col.recordedBy'),
          t('col.basis'),
          writes && t('col.actions'),
        ],
      }}
      row={(r) => (
        <Table.Tr key={r.id} data-testid="declaration-row">
          <Table.Td>{formatDate(r.declaredOn)}</Table.Td>
          <Table.Td>{substances(r)}</Table.Td>
          <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.source}</Table.Td>
          <Table.Td>{r.recordedBy.name ?? ''}</Table.Td>
          <Table.Td>{r.basis.length > 0 ? r.basis.map(tx).join('; ') : t('noBasis')}</Table.Td>
          {writes && (
            <Table.Td>
              <Button
                size="xs"
                variant="default"
                aria-label={t('editLabel', { date: formatDate(r.declaredOn) })}
                onClick={() => d.open({ record: r })}
              >
                {t('edit')}
              </Button>
            </Table.Td>
          )}
        </Table.Tr>
      )}
    >
      {d.dialog && (
        <DeclarationForm person={person} record={d.dialog.record} onClose={d.close} onSaved={d.done} />
      )}
    </RecordSection>
  );
}
