import { Badge, Button, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client } from '../../api/client.ts';
import type { BodyOf, ResponseOf } from '../../api/schema.ts';
import { can, useSession } from '../../api/session.ts';
import { useCommunes } from '../../api/units.ts';
import { usePageTitle } from '../../app/use-page-title.ts';
import { DateField } from '../../components/date-field.tsx';
import { useFields } from '../../components/form-fields.ts';
import type { Errors } from '../../components/form-kit.tsx';
import { fieldError } from '../../components/kit-b/plain-form.tsx';
import { formatDate, parseDmy } from '../../i18n/format.ts';
import { viOptionsFilter } from '../org/vi-options-filter.ts';
import { ReportDialog } from './report-dialog.tsx';
import './reports-i18n.ts';
import { heads, PageHeader, QueryView, RecordTable } from '../../components/record-list.tsx';

type Recognition = ResponseOf<'listDrugFreeCommunes'>['items'][number];

const STATUS_COLOR: Record<string, string> = {
  in_force: 'teal.9',
  revoked: 'red.9',
  expired: 'gray.8',
  future: 'blue.9',
};

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
              head={heads(t, 'drugFree', [
                'commune',
                'decisionNumber',
                'recognisedOn',
                'validUntil',
                'status',
                recorder && 'revoke',
              ])}
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
  const [local, setLocal] = useState<Errors>({});
  const save = useMutation({
    mutationFn: (body: BodyOf<'recogniseDrugFreeCommune'>) =>
      call(client.POST('/api/drug-free-communes', { body })),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['drug-free'] });
      qc.invalidateQueries({ queryKey: ['dashboard'] });
      onClose();
    },
  });
  // Each input is bound to the API field it fills, so the server's 400 lands under it.
  const form = useFields(
    {
      communeCode: null as string | null,
      decisionNumber: '',
      recognisedOn: '',
      decidedBy: '',
      validUntil: '',
    },
    (k): string | undefined => local[k] ?? fieldError(save.error, k),
  );
  const submit = () => {
    const f = form.f;
    const errors: Errors = {};
    const recognisedOn = parseDmy(f.recognisedOn);
    const validUntil = f.validUntil.trim() ? parseDmy(f.validUntil) : undefined;
    if (!f.communeCode) errors.communeCode = t('common.required');
    if (!recognisedOn)
      errors.recognisedOn = f.recognisedOn.trim() ? t('drugFree.invalidDate') : t('common.required');
    if (validUntil === null) errors.validUntil = t('drugFree.invalidDate');
    if (!f.decisionNumber.trim()) errors.decisionNumber = t('common.required');
    if (!f.decidedBy.trim()) errors.decidedBy = t('common.required');
    setLocal(errors);
    if (Object.keys(errors).length) return;
    // The checks above passed: the commune and the date are there.
    save.mutate({
      communeCode: f.communeCode!,
      recognisedOn: recognisedOn!,
      decisionNumber: f.decisionNumber.trim(),
      decidedBy: f.decidedBy.trim(),
      ...(validUntil ? { validUntil } : {}),
    });
  };
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
        {...form.value('communeCode')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('drugFree.decisionNumber')} withAsterisk {...form.text('decisionNumber')} />
        <DateField label={t('drugFree.recognisedOn')} withAsterisk {...form.value('recognisedOn')} />
      </SimpleGrid>
      <TextInput label={t('drugFree.decidedBy')} withAsterisk {...form.text('decidedBy')} />
      <DateField label={t('drugFree.validUntil')} {...form.value('validUntil')} />
    </ReportDialog>
  );
}

function RevokeModal({ r, onClose }: { r: Recognition; onClose: () => void }) {
  const { t } = useTranslation('reports');
  const qc = useQueryClient();
  const [local, setLocal] = useState<Errors>({});
  const revoke = useMutation({
    mutationFn: (body: BodyOf<'revokeDrugFreeCommune'>) =>
      call(client.POST('/api/drug-free-communes/{id}/revoke', { params: { path: { id: r.id } }, body })),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['drug-free'] });
      qc.invalidateQueries({ queryKey: ['dashboard'] });
      onClose();
    },
  });
  const form = useFields(
    { revokedOn: '', reason: '' },
    (k): string | undefined => local[k] ?? fieldError(revoke.error, k),
  );
  const submit = () => {
    const { f } = form;
    const revokedOn = parseDmy(f.revokedOn);
    const errors: Errors = {};
    if (!revokedOn) errors.revokedOn = f.revokedOn.trim() ? t('drugFree.invalidDate') : t('common.required');
    if (!f.reason.trim()) errors.reason = t('common.required');
    setLocal(errors);
    if (!Object.keys(errors).length)
      revoke.mutate({ version: r.version, revokedOn: revokedOn!, reason: f.reason.trim() });
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
      <DateField label={t('drugFree.revokedOn')} withAsterisk {...form.value('revokedOn')} />
      <TextInput label={t('drugFree.reason')} withAsterisk {...form.text('reason')} />
    </ReportDialog>
  );
}
