import { periodLabel, periodRange, periodReferenceDate } from '@hoanhap/domain/reporting-periods';
import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { can, useSession } from '../../api/session.ts';
import { usePageTitle } from '../../app/use-page-title.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { DateField } from '../../components/date-field.tsx';
import { useFields } from '../../components/form-fields.ts';
import { formatDate, formatDateTime, parseDmy } from '../../i18n/format.ts';
import { currentLang } from '../../i18n/i18n.ts';
import { type CutoffInfo, reportsApi, useCutoff } from './reports-api.ts';
import './reports-i18n.ts';
import './cutoff-i18n.ts';
import { FormProblem, fieldError, PlainForm, problemText } from '../../components/kit-b/plain-form.tsx';
import { Panel } from '../../components/panel.tsx';
import { heads, PageTitle, QueryView, RecordTable } from '../../components/record-list.tsx';

/** The first month a change from `date` applies to, as printed, with its range under `day`. */
function example(date: string, day: number) {
  let year = Number(date.slice(0, 4));
  let month = Number(date.slice(5, 7));
  // A change from mid-month applies from the next month's period on.
  if (periodReferenceDate('month', year, month) < date) {
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  const range = periodRange('month', year, month, day);
  return {
    label: periodLabel('month', year, month)[currentLang()],
    from: formatDate(range.from),
    to: formatDate(range.to),
  };
}

/** The national reporting cut-off day: what is in force, its dated history, and (national officers) a change. */
export function CutoffPage() {
  const { t } = useTranslation('reports');
  usePageTitle(t('cutoff.title'));
  const me = useSession();
  const info = useCutoff();
  const mayChange = can(me, 'reports.settings') && me.user.scopeKind === 'nation';
  return (
    <Stack>
      <PageTitle title={t('cutoff.title')} intro={t('cutoff.intro')} />
      <QueryView q={info}>
        {(data) => (
          <>
            <Current info={data} />
            {mayChange && <ChangeForm info={data} />}
            <History info={data} />
          </>
        )}
      </QueryView>
    </Stack>
  );
}

function Current({ info }: { info: CutoffInfo }) {
  const { t } = useTranslation('reports');
  const ex = example(info.today, info.day);
  return (
    <Paper withBorder p="sm" data-testid="cutoff-current">
      <Text fw={700}>
        {t('cutoff.inForce', { today: formatDate(info.today), day: info.day })}{' '}
        {info.effectiveFrom
          ? t('cutoff.since', { date: formatDate(info.effectiveFrom) })
          : t('cutoff.byDefault')}
      </Text>
      <Text size="sm">{t('cutoff.example', ex)}</Text>
    </Paper>
  );
}

function History({ info }: { info: CutoffInfo }) {
  const { t } = useTranslation('reports');
  return (
    <section aria-labelledby="cutoff-history">
      <Title order={2} size="h4" id="cutoff-history" mb="xs">
        {t('cutoff.history')}
      </Title>
      {info.history.length === 0 ? (
        <Text size="sm" data-testid="cutoff-history-empty">
          {t('cutoff.noHistory')}
        </Text>
      ) : (
        <RecordTable
          minWidth={640}
          striped
          data-testid="cutoff-history"
          head={heads(t, 'cutoff', ['effectiveFrom', 'day', 'reason', 'recordedBy', 'recordedAt'])}
        >
          {[...info.history].reverse().map((h) => (
            <Table.Tr key={h.id}>
              <Table.Td>
                {formatDate(h.effectiveFrom)}{' '}
                {h.inForce && (
                  <Badge size="sm" color="teal.9" variant="filled">
                    {t('cutoff.current')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{h.day}</Table.Td>
              <Table.Td>{h.reason}</Table.Td>
              <Table.Td>{h.createdBy ?? ''}</Table.Td>
              <Table.Td>{formatDateTime(h.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </RecordTable>
      )}
    </section>
  );
}

function ChangeForm({ info }: { info: CutoffInfo }) {
  const { t } = useTranslation('reports');
  const qc = useQueryClient();
  const [local, setLocal] = useState<Record<string, string>>({});
  const [asking, setAsking] = useState<{ day: number; effectiveFrom: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: { day: number; effectiveFrom: string }) =>
      reportsApi.setCutoff({
        ...body,
        reason: form.f.reason.trim(),
        version: info.version,
      }),
    onSuccess: (next) => {
      qc.setQueryData(['reporting-cutoff'], next);
      qc.invalidateQueries({ queryKey: ['dashboard'] });
      qc.invalidateQueries({ queryKey: ['trend'] });
      setAsking(null);
      setSaved(true);
      form.setF((f) => ({ ...f, effectiveFrom: '', reason: '' }));
    },
    onError: (e) => {
      // A field error belongs next to its field: close the question.
      if (e instanceof ApiError && e.errors.length) setAsking(null);
      // Someone else changed it meanwhile: show the current setting.
      if (e instanceof ApiError && e.status === 409) qc.invalidateQueries({ queryKey: ['reporting-cutoff'] });
    },
  });
  // Each input is bound to the API field it fills: the client's problem first, else the server's 400.
  const form = useFields(
    { day: info.day as number | string, effectiveFrom: '', reason: '' },
    (name): string | undefined => local[name] ?? fieldError(save.error, name),
  );
  const submit = () => {
    const { f } = form;
    const errors: Record<string, string> = {};
    const n = Number(f.day);
    const effectiveFrom = parseDmy(f.effectiveFrom);
    if (!Number.isInteger(n) || n < 1 || n > 28) errors.day = t('cutoff.invalidDay');
    if (!effectiveFrom)
      errors.effectiveFrom = f.effectiveFrom.trim() ? t('cutoff.invalidDate') : t('common.required');
    if (!f.reason.trim()) errors.reason = t('common.required');
    setLocal(errors);
    setSaved(false);
    save.reset();
    if (Object.keys(errors).length || !effectiveFrom) return;
    setAsking({ day: n, effectiveFrom });
  };
  return (
    <Panel id="cutoff-change" p="sm" gap="0" title={t('cutoff.change')}>
      <Text size="sm" mb="sm">
        {t('cutoff.changeHint')}
      </Text>
      <PlainForm onSubmit={submit}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t('cutoff.day')}
              description={t('cutoff.dayHint')}
              withAsterisk
              min={1}
              max={28}
              allowDecimal={false}
              {...form.value('day')}
            />
            <DateField label={t('cutoff.effectiveFrom')} withAsterisk {...form.value('effectiveFrom')} />
          </SimpleGrid>
          <Textarea label={t('cutoff.reason')} withAsterisk autosize minRows={2} {...form.text('reason')} />
          {saved && (
            <Alert color="teal" role="status" data-testid="cutoff-saved">
              {t('cutoff.saved')}
            </Alert>
          )}
          {!asking && <FormProblem error={save.error} />}
          <Group justify="flex-end">
            <Button type="submit">{t('cutoff.change')}</Button>
          </Group>
        </Stack>
      </PlainForm>
      {asking && (
        <ConfirmDialog
          opened
          title={t('cutoff.confirmTitle')}
          message={t('cutoff.confirm', {
            date: formatDate(asking.effectiveFrom),
            day: asking.day,
            ...example(asking.effectiveFrom, asking.day),
          })}
          confirmLabel={t('cutoff.confirmButton')}
          busy={save.isPending}
          error={save.error instanceof ApiError ? problemText(save.error) : null}
          onConfirm={() => save.mutate(asking)}
          onClose={() => setAsking(null)}
        />
      )}
    </Panel>
  );
}
