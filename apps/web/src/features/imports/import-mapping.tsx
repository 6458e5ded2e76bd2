import { FIELD_LABELS, IMPORT_FIELDS, type ImportField } from '@hoanhap/domain/import/headers';
import { Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../i18n/i18n.ts';
import { type ImportBatch, saveMapping } from './imports-api.ts';
import './imports-i18n.ts';
import { Panel } from '../../components/panel.tsx';
import { RecordTable } from '../../components/record-list.tsx';
import { fieldError, problem } from './import-kit.ts';

// The first steps of an import: which column holds which field, and how a file of several communes is split.

export function fieldLabel(f: ImportField) {
  return FIELD_LABELS[f][currentLang()];
}

export function MappingStep(p: {
  batch: ImportBatch;
  mapping: (ImportField | null)[];
  onChange: (m: (ImportField | null)[]) => void;
  canApply: boolean;
  busy: boolean;
  error?: string;
  onApply: () => void;
  signature: string | null;
}) {
  const { t } = useTranslation('imports');
  const [name, setName] = useState(p.batch.fileName.replace(/\.[^.]+$/, ''));
  const save = useMutation({ mutationFn: () => saveMapping(p.signature!, name.trim(), p.mapping) });
  const options = [
    { value: '', label: t('notImported') },
    ...IMPORT_FIELDS.map((f) => ({ value: f, label: fieldLabel(f) })),
  ];
  const changed = p.mapping.some((f, i) => f !== (p.batch.mapping[i] ?? null));
  return (
    <Panel id="import-mapping" gap="0" title={<>2. {t('mappingTitle')}</>}>
      <Text size="sm" mb="sm">
        {t('mappingHint')}
      </Text>
      <RecordTable striped withTableBorder data-testid="import-mapping" head={[t('column'), t('field')]}>
        {p.batch.labels.map((label, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
          <Table.Tr key={i}>
            <Table.Td>{label || `#${i + 1}`}</Table.Td>
            <Table.Td>
              <Select
                aria-label={t('fieldFor', { label: label || `#${i + 1}` })}
                data={options}
                value={p.mapping[i] ?? ''}
                onChange={(v) => {
                  const next = [...p.mapping];
                  while (next.length < p.batch.labels.length) next.push(null);
                  next[i] = (v || null) as ImportField | null;
                  p.onChange(next);
                }}
                allowDeselect={false}
                size="xs"
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </RecordTable>
      {p.error && (
        <Text size="sm" c="red.9" role="alert" mt="xs">
          {p.error}
        </Text>
      )}
      <Group mt="sm" align="flex-end">
        <Button
          onClick={p.onApply}
          disabled={!p.canApply}
          loading={p.busy}
          variant={changed ? 'filled' : 'default'}
        >
          {t('applyMapping')}
        </Button>
        {p.signature && (
          <>
            <TextInput
              label={t('mappingName')}
              description={t('mappingNameHint')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fieldError(save.error, 'name')}
            />
            <Button
              variant="default"
              onClick={() => save.mutate()}
              loading={save.isPending}
              disabled={!name.trim()}
            >
              {t('saveMapping')}
            </Button>
          </>
        )}
      </Group>
      {save.isSuccess && (
        <Text size="sm" c="teal.9" role="status" mt="xs" data-testid="mapping-saved">
          {t('mappingSaved', { name: name.trim() })}
        </Text>
      )}
      {problem(save.error, ['name']) && (
        <Text size="sm" c="red.9" role="alert" mt="xs">
          {problem(save.error, ['name'])}
        </Text>
      )}
    </Panel>
  );
}

export function SplitStep(p: {
  batch: ImportBatch;
  choices: Record<string, string>;
  onChoose: (oldCode: string, newCode: string) => void;
  canApply: boolean;
  busy: boolean;
  onApply: () => void;
}) {
  const { t } = useTranslation('imports');
  const [tried, setTried] = useState(false);
  const unresolved = p.batch.summary.unresolved;
  return (
    <Panel id="import-split" gap="0" title={<>3. {t('splitTitle')}</>}>
      {unresolved.length === 0 ? (
        <Text size="sm" data-testid="split-none">
          {t('splitNone')}
        </Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm">{t('splitHint')}</Text>
          {unresolved.map((u) => (
            <Select
              key={u.oldCommuneCode}
              label={t('splitPick', { name: u.oldCommuneName })}
              description={t('splitOld', { name: u.oldCommuneName, count: u.rows })}
              data={u.candidates.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
              value={p.choices[u.oldCommuneCode] ?? null}
              onChange={(v) => v && p.onChoose(u.oldCommuneCode, v)}
              error={tried && !p.choices[u.oldCommuneCode] ? t('splitRequired') : undefined}
              maw={520}
            />
          ))}
          <Group>
            <Button
              onClick={() => {
                setTried(true);
                if (unresolved.every((u) => p.choices[u.oldCommuneCode])) p.onApply();
              }}
              disabled={!p.canApply}
              loading={p.busy}
            >
              {t('applySplit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Panel>
  );
}
