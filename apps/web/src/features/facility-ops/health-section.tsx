import { Button, Paper, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format.ts';
import { type Admission, facilityApi, facilityKeys } from './facility-api.ts';
import { SpecFormModal } from './spec-form.tsx';

const KINDS = ['entry_check', 'periodic_check', 'treatment', 'referral', 'infectious_test'];
const DISEASES = ['hiv', 'hepatitis_b', 'hepatitis_c', 'tuberculosis', 'syphilis', 'other'];

/**
 * Health records (class health): rendered only for medical staff. The server sends them only to medical
 * staff too; everyone else gets their count, and this section is not in their page at all.
 */
export function HealthSection({ a, writable }: { a: Admission; writable: boolean }) {
  const { t } = useTranslation('facility');
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const records = a.healthRecords ?? [];
  const opts = (keys: string[]) => keys.map((k) => ({ value: k, label: t(`health.${k}`) }));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="health" data-testid="health-section">
      <Title order={2} size="h4" id="health">
        {t('resident.health')}
      </Title>
      <Text size="xs" mb="sm">
        {t('resident.healthOnlyMedical')}
      </Text>
      {records.length === 0 ? (
        <Text size="sm">{t('resident.healthEmpty')}</Text>
      ) : (
        <Table data-testid="health-records">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('health.occurredOn')}</Table.Th>
              <Table.Th>{t('health.kind')}</Table.Th>
              <Table.Th>{t('health.performedBy')}</Table.Th>
              <Table.Th>{t('health.diagnosis')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {records.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{formatDate(r.occurredOn)}</Table.Td>
                <Table.Td>
                  {t(`health.${r.kind}`)}
                  {r.disease ? ` · ${t(`health.${r.disease}`)}: ${t(`health.${r.testResult}`)}` : ''}
                  {r.hospital ? ` · ${r.hospital}` : ''}
                </Table.Td>
                <Table.Td>{r.performedBy}</Table.Td>
                <Table.Td>
                  {[r.diagnosis, r.treatmentPlan, r.medicalNotes].filter(Boolean).join(' — ')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {writable && (
        <Button mt="md" variant="default" onClick={() => setOpen(true)}>
          {t('resident.addHealth')}
        </Button>
      )}
      {open && (
        <SpecFormModal
          opened
          title={t('health.title')}
          onClose={() => setOpen(false)}
          fields={[
            { key: 'kind', label: t('health.kind'), kind: 'select', options: opts(KINDS) },
            { key: 'occurredOn', label: t('health.occurredOn'), kind: 'date', required: true },
            { key: 'performedBy', label: t('health.performedBy'), kind: 'text', required: true },
            {
              key: 'disease',
              label: t('health.disease'),
              kind: 'select',
              options: opts(DISEASES),
              when: (v) => v.kind === 'infectious_test',
            },
            {
              key: 'testResult',
              label: t('health.testResult'),
              kind: 'select',
              options: opts(['negative', 'positive', 'indeterminate']),
              when: (v) => v.kind === 'infectious_test',
            },
            {
              key: 'hospital',
              label: t('health.hospital'),
              kind: 'text',
              required: true,
              when: (v) => v.kind === 'referral',
            },
            {
              key: 'treatmentPlan',
              label: t('health.treatmentPlan'),
              kind: 'textarea',
              required: true,
              when: (v) => v.kind === 'treatment',
            },
            { key: 'diagnosis', label: t('health.diagnosis'), kind: 'textarea' },
            { key: 'medicalNotes', label: t('health.medicalNotes'), kind: 'textarea' },
          ]}
          onSubmit={async (p) => {
            await facilityApi.health(a.id, p);
            await qc.invalidateQueries({ queryKey: facilityKeys.admission(a.id) });
            setOpen(false);
          }}
        />
      )}
    </Paper>
  );
}
