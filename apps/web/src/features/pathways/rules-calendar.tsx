import { Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyOf } from '../../api/schema.ts';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { DateField } from '../../components/date-field.tsx';
import { formatDate } from '../../i18n/format.ts';
import './dossiers-i18n.ts';
import { useFields } from '../../components/form-fields.ts';
import { Panel } from '../../components/panel.tsx';
import { type Adjustment, legalApi, useHolidays, useLegalWrite } from './dossiers-api.ts';
import { checker, FormModal, ServerProblem, tx } from './form-kit.tsx';
import { isoToday } from './rules-overrides.tsx';

// The calendar tab of the legal settings: holidays and the working-day adjustments that move them.

export function CalendarTab() {
  const { t } = useTranslation('dossiers');
  const thisYear = Number(isoToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const q = useHolidays(year);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Adjustment | null>(null);
  const remove = useLegalWrite((id: string) => legalApi.removeAdjustment(id));
  const kindLabel = (k: string) =>
    k === 'holiday'
      ? t('rules.kindHoliday')
      : k === 'compensatory'
        ? t('rules.kindCompensatory')
        : k === 'official'
          ? t('rules.kindOfficial')
          : t('rules.kindAdjustment');
  return (
    <Stack>
      <Group align="flex-end">
        <NativeSelect
          label={t('rules.year')}
          value={String(year)}
          onChange={(e) => setYear(Number(e.currentTarget.value))}
          data={[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map(String)}
        />
        <Button onClick={() => setAdding(true)}>{t('rules.addDay')}</Button>
      </Group>
      <ServerProblem error={remove.error} />
      {q.isPending ? (
        <InlineLoader />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Panel id="cal-holidays" title={t('rules.holidays')}>
            <Table data-testid="holidays-table" verticalSpacing={4}>
              <Table.Tbody>
                {q.data.holidays.map((h) => {
                  const adj = q.data.adjustments.find((a) => a.id === h.adjustmentId);
                  return (
                    <Table.Tr key={`${h.date}-${h.id}`} data-testid={`holiday-${h.date}`}>
                      <Table.Td>{formatDate(h.date)}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{tx(h.name)}</Text>
                        <Text size="xs" c="dimmed">
                          {kindLabel(h.kind)}
                        </Text>
                      </Table.Td>
                      <RemoveDayCell adjustment={adj} onRemove={setRemoving} />
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Panel>
          <Panel id="cal-working" title={t('rules.workingDays')}>
            {q.data.workingDays.length === 0 ? (
              <Text size="sm">{t('rules.noWorkingDays')}</Text>
            ) : (
              <Table data-testid="working-days-table">
                <Table.Tbody>
                  {q.data.workingDays.map((w) => {
                    const adj = q.data.adjustments.find((a) => a.id === w.adjustmentId);
                    return (
                      <Table.Tr key={w.date} data-testid={`working-${w.date}`}>
                        <Table.Td>{formatDate(w.date)}</Table.Td>
                        <Table.Td>{w.reason}</Table.Td>
                        <RemoveDayCell adjustment={adj} onRemove={setRemoving} />
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            )}
          </Panel>
        </SimpleGrid>
      )}
      {adding && <AdjustmentForm onClose={() => setAdding(false)} />}
      <ConfirmDialog
        opened={!!removing}
        title={t('rules.removeDayTitle')}
        message={t('rules.removeDayConfirm', {
          date: formatDate(removing?.date),
          reason: removing?.reason ?? '',
        })}
        confirmLabel={t('rules.removeDay')}
        danger
        busy={remove.isPending}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, { onSuccess: () => setRemoving(null), onError: () => setRemoving(null) })
        }
        onClose={() => setRemoving(null)}
      />
    </Stack>
  );
}

/** The cell of a day the calendar's own adjustment made: the button that removes it. */
function RemoveDayCell({
  adjustment,
  onRemove,
}: {
  adjustment: Adjustment | undefined;
  onRemove: (a: Adjustment) => void;
}) {
  const { t } = useTranslation('dossiers');
  return (
    <Table.Td>
      {adjustment && (
        <Button size="xs" variant="outline" color="red.9" onClick={() => onRemove(adjustment)}>
          {t('rules.removeDay')}
        </Button>
      )}
    </Table.Td>
  );
}

export function AdjustmentForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('dossiers');
  const { t: tp } = useTranslation('pathways');
  const form = useFields({
    date: '',
    kind: 'day_off' as BodyOf<'createCalendarAdjustment'>['kind'],
    reason: '',
  });
  const { f: v, setErrors } = form;
  const write = useLegalWrite(legalApi.addAdjustment);
  const submit = () => {
    const c = checker(tp);
    const date = c.date('date', v.date);
    const reason = c.required('reason', v.reason);
    setErrors(c.errors);
    if (c.ok() && date) write.mutate({ date, kind: v.kind, reason }, { onSuccess: onClose });
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('rules.addDayTitle')}
      onSubmit={submit}
      busy={write.isPending}
      error={write.error}
      size="md"
    >
      <DateField label={t('rules.dayName')} required {...form.value('date')} />
      <NativeSelect
        label={t('rules.dayKind')}
        {...form.text('kind')}
        data={[
          { value: 'day_off', label: t('rules.dayOff') },
          { value: 'working_day', label: t('rules.workingDay') },
        ]}
      />
      <TextInput label={t('rules.dayReason')} required {...form.text('reason')} />
    </FormModal>
  );
}
