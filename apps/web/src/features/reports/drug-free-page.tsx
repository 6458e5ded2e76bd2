import { Badge, Button, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, client } from '../../api/client.ts';
import type { BodyOf, ResponseOf } from '../../api/schema.ts';
import { can, useSession } from '../../api/session.ts';
import { useCommunes } from '../../api/units.ts';
import { usePageTitle } from '../../app/use-page-title.ts';
import { DateField } from '../../components/date-field.tsx';
import { formatDate, parseDmy } from '../../i18n/format.ts';
import { viOptionsFilter } from '../org/vi-options-filter.ts';
import { ReportDialog } from './report-dialog.tsx';
import './reports-i18n.ts';
import { PageHeader, QueryView, RecordTable } from '../../components/record-list.tsx';

type Recognition = ResponseOf<'listDrugFreeCommunes'>['items'][number];

const STATUS_COLOR: Record<string, string> = {
  in_force: 'teal.9',
  revoked: 'red.9',
  expired: 'gray.8',
  future: 'blue.9',
};

const fieldError = (e: unknown, name: string) =>
  e instanceof ApiError ? e.errors.find((x) => x.field === name)?.message : undefined;

/** Communes recognised as drug-free; the province records and revokes recognitions. */
export function DrugFreePage() {
  const { t } = useTranslation('reports');
  usePageTitle(t('drugFree.title'));
  const me = useSession();
  const list = useQuery({
    queryKey: ['drug-free'],
    queryFn: () => call(client.GET('/api/drug-free-communes')),
  });
  const recorder = can(me, 'reports.approve') && me.user.scopeKind === 'province';
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState<Recognition | null>(null);
  return (
    <Stack>
      <PageHeader
        title={t('drugFree.title')}
        action={recorder && <Button onClick={() => setAdding(true)}>{t('drugFree.add')}</Button>}
      />
      <Text size="sm">{t('drugFree.intro')}</Text>
      <QueryView q={list}>
        {({ items }) =>
          items.length === 0 ? (
            <Text data-testid="drug-free-empty">
              {recorder ? t('drugFree.emptyRecorder') : t('drugFree.empty')}
            </Text>
          ) : (
            <RecordTable
              minWidth={720}
              striped
              data-testid="drug-free-table"
              head={[
                t('drugFree.commune'),
                t('drugFree.decisionNumber'),
                t('drugFree.recognisedOn'),
                t('drugFree.validUntil'),
                t('drugFree.status'),
                recorder && t('drugFree.revoke'),
              ]}
            >
              {items.map((r) => (
                <Table.Tr key={r.id} data-testid={`drug-free-${r.communeCode}`}>
                  <Table.Td>{r.communeName ?? r.communeCode}</Table.Td>
                  <Table.Td>
                    {r.decisionNumber} — {r.decidedBy}
                  </Table.Td>
                  <Table.Td>{formatDate(r.recognisedOn)}</Table.Td>
                  <Table.Td>{formatDate(r.validUntil)}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[r.status]} variant="filled">
                      {t(`drugFree.st.${r.status}`)}
                    </Badge>
                    {r.revokedOn && (
                      <Text size="xs">
                        {formatDate(r.revokedOn)}: {r.revokeReason}
                      </Text>
                    )}
                  </Table.Td>
                  {recorder && (
                    <Table.Td>
                      {!r.revokedOn && (
                        <Button size="xs" variant="outline" color="red.9" onClick={() => setRevoking(r)}>
                          {t('drugFree.revoke')}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </RecordTable>
          )
        }
      </QueryView>
      {adding && <AddModal provinceCode={me.user.scopeCode} onClose={() => setAdding(false)} />}
      {revoking && <RevokeModal r={revoking} onClose={() => setRevoking(null)} />}
    </Stack>
  );
}

function AddModal({ provinceCode, onClose }: { provinceCode: string | null; onClose: () => void }) {
  const { t } = useTranslation('reports');
  const qc = useQueryClient();
  const communes = useCommunes(provinceCode);
  const [commune, setCommune] = useState<string | null>(null);
  const [date, setDate] = useState('');
  const [until, setUntil] = useState('');
  const [number, setNumber] = useState('');
  const [by, setBy] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: BodyOf<'recogniseDrugFreeCommune'>) =>
      call(client.POST('/api/drug-free-communes', { body })),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['drug-free'] });
      qc.invalidateQueries({ queryKey: ['dashboard'] });
      onClose();
    },
  });
  const submit = () => {
    const errors: Record<string, string> = {};
    const recognisedOn = parseDmy(date);
    const validUntil = until.trim() ? parseDmy(until) : undefined;
    if (!commune) errors.communeCode = t('common.required');
    if (!recognisedOn) errors.recognisedOn = date.trim() ? t('drugFree.invalidDate') : t('common.required');
    if (validUntil === null) errors.validUntil = t('drugFree.invalidDate');
    if (!number.trim()) errors.decisionNumber = t('common.required');
    if (!by.trim()) errors.decidedBy = t('common.required');
    setLocal(errors);
    if (Object.keys(errors).length) return;
    // The checks above passed: the commune and the date are there.
    save.mutate({
      communeCode: commune!,
      recognisedOn: recognisedOn!,
      decisionNumber: number.trim(),
      decidedBy: by.trim(),
      ...(validUntil ? { validUntil } : {}),
    });
  };
  const err = (name: string) => local[name] ?? fieldError(save.error, name);
  return (
    <ReportDialog
      title={t('drugFree.add')}
      size="lg"
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      busy={save.isPending}
      submitLabel={t('common.save')}
    >
      <Select
        label={t('drugFree.commune')}
        withAsterisk
        searchable
        filter={viOptionsFilter}
        data={(communes.data ?? []).map((c) => ({ value: c.code, label: c.name }))}
        value={commune}
        onChange={setCommune}
        error={err('communeCode')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('drugFree.decisionNumber')}
          withAsterisk
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          error={err('decisionNumber')}
        />
        <DateField
          label={t('drugFree.recognisedOn')}
          withAsterisk
          value={date}
          onChange={setDate}
          error={err('recognisedOn')}
        />
      </SimpleGrid>
      <TextInput
        label={t('drugFree.decidedBy')}
        withAsterisk
        value={by}
        onChange={(e) => setBy(e.currentTarget.value)}
        error={err('decidedBy')}
      />
      <DateField
        label={t('drugFree.validUntil')}
        value={until}
        onChange={setUntil}
        error={err('validUntil')}
      />
    </ReportDialog>
  );
}

function RevokeModal({ r, onClose }: { r: Recognition; onClose: () => void }) {
  const { t } = useTranslation('reports');
  const qc = useQueryClient();
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const revoke = useMutation({
    mutationFn: (body: BodyOf<'revokeDrugFreeCommune'>) =>
      call(client.POST('/api/drug-free-communes/{id}/revoke', { params: { path: { id: r.id } }, body })),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['drug-free'] });
      qc.invalidateQueries({ queryKey: ['dashboard'] });
      onClose();
    },
  });
  const err = (name: string) => local[name] ?? fieldError(revoke.error, name);
  const submit = () => {
    const revokedOn = parseDmy(date);
    const errors: Record<string, string> = {};
    if (!revokedOn) errors.revokedOn = date.trim() ? t('drugFree.invalidDate') : t('common.required');
    if (!reason.trim()) errors.reason = t('common.required');
    setLocal(errors);
    if (!Object.keys(errors).length)
      revoke.mutate({ version: r.version, revokedOn: revokedOn!, reason: reason.trim() });
  };
  return (
    <ReportDialog
      title={t('drugFree.revokeTitle')}
      onClose={onClose}
      onSubmit={submit}
      error={revoke.error}
      busy={revoke.isPending}
      submitLabel={t('drugFree.revoke')}
      submitColor="red.9"
    >
      <Text size="sm">
        {r.communeName} — {r.decisionNumber}
      </Text>
      <DateField
        label={t('drugFree.revokedOn')}
        withAsterisk
        value={date}
        onChange={setDate}
        error={err('revokedOn')}
      />
      <TextInput
        label={t('drugFree.reason')}
        withAsterisk
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={err('reason')}
      />
    </ReportDialog>
  );
}
