import { Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { heads, RecordTable } from '../../components/record-list.tsx';
import { formatDate } from '../../i18n/format.ts';
import { plainFields, VoidForm } from './corrections.tsx';
import {
  type Admission,
  type FacilityEvent,
  facilityApi,
  facilityKeys,
  type HealthRecord,
} from './facility-api.ts';
import { FixButton, isoToDmy, useConfirm } from './facility-form-kit.tsx';
import { asBody, type FieldSpec, SpecFormModal } from './spec-form.tsx';

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
  const [fixing, setFixing] = useState<{ mode: 'correct' | 'void'; id: string } | null>(null);
  const { ask, element: confirmElement } = useConfirm();
  const opts = (keys: string[]) => keys.map((k) => ({ value: k, label: t(`health.${k}`) }));
  // The same fields to record and to correct; a correction starts from what was recorded.
  const fields = (r?: HealthRecord): FieldSpec[] => {
    const list: FieldSpec[] = [
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
    ];
    if (!r) return list;
    const init: Record<string, string | null> = {
      kind: r.kind,
      occurredOn: isoToDmy(r.occurredOn),
      performedBy: r.performedBy,
      disease: r.disease,
      testResult: r.testResult,
      hospital: r.hospital,
      treatmentPlan: r.treatmentPlan,
      diagnosis: r.diagnosis,
      medicalNotes: r.medicalNotes,
    };
    return list.map((f) => (init[f.key] ? { ...f, initial: init[f.key] ?? undefined } : f));
  };
  const target = fixing ? records.find((r) => r.id === fixing.id && !r.voided) : undefined;
  const what = t('resident.health');
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: facilityKeys.admission(a.id) });
    setFixing(null);
  };
  const line = (c: FacilityEvent) => {
    const h = c as unknown as HealthRecord;
    return `${t(`health.${h.kind}`)} — ${h.performedBy}${h.diagnosis ? ` — ${h.diagnosis}` : ''}`;
  };
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
        <RecordTable
          data-testid="health-records"
          head={[
            ...heads(t, 'health', ['occurredOn', 'kind', 'performedBy', 'diagnosis']),
            writable && t('fix.actions'),
          ]}
        >
          {records.map((r) => (
            <Table.Tr key={r.id} td={r.voided ? 'line-through' : undefined} data-testid="health-record">
              <Table.Td>{formatDate(r.occurredOn)}</Table.Td>
              <Table.Td>
                {t(`health.${r.kind}`)}
                {r.disease ? ` · ${t(`health.${r.disease}`)}: ${t(`health.${r.testResult}`)}` : ''}
                {r.hospital ? ` · ${r.hospital}` : ''}
              </Table.Td>
              <Table.Td>{r.performedBy}</Table.Td>
              <Table.Td>
                {[r.diagnosis, r.treatmentPlan, r.medicalNotes].filter(Boolean).join(' — ')}
                {r.voided && (
                  <Text size="xs" c="red.9" fw={600} td="none" data-testid="health-voided">
                    {t('fix.voided', { reason: r.voided.reason })}
                  </Text>
                )}
              </Table.Td>
              {writable && (
                <Table.Td>
                  {!r.voided && (
                    <Group gap="xs">
                      {(['correct', 'void'] as const).map((mode) => (
                        <FixButton
                          key={mode}
                          mode={mode}
                          what={what}
                          on={r.occurredOn}
                          onClick={() => setFixing({ mode, id: r.id })}
                        />
                      ))}
                    </Group>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </RecordTable>
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
          fields={fields()}
          onSubmit={async (p) => {
            await facilityApi.health(a.id, asBody(p));
            await qc.invalidateQueries({ queryKey: facilityKeys.admission(a.id) });
            setOpen(false);
          }}
        />
      )}
      {fixing?.mode === 'correct' && target && (
        <SpecFormModal
          key={`correct-${target.version}`}
          opened
          title={t('fix.correctTitle', { what })}
          onClose={() => setFixing(null)}
          fields={fields(target)}
          onSubmit={async (p) => {
            await plainFields(
              () => facilityApi.correctEvent(target.id, asBody({ version: target.version, input: p })),
              t,
              line,
            );
            await refresh();
          }}
        />
      )}
      {fixing?.mode === 'void' && target && (
        <VoidForm
          e={target}
          what={what}
          ask={ask}
          onClose={() => setFixing(null)}
          sent={async (run) => {
            await run();
            await refresh();
          }}
        />
      )}
      {confirmElement}
    </Paper>
  );
}
