import { activityKindLabels } from '@hoanhap/domain/community-rules';
import { episodeTypeLabels } from '@hoanhap/domain/episode-types';
import {
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { BodyOf } from '../../api/schema.ts';
import { can, useSession } from '../../api/session.ts';
import { usePageTitle } from '../../app/use-page-title.ts';
import { useFields } from '../../components/form-fields.ts';
import { heads, PageHeader, QueryView, RecordTable } from '../../components/record-list.tsx';
import { currentLang } from '../../i18n/i18n.ts';
import { useStatusLabel } from '../people/status-badge.tsx';
import { SECTIONS } from './dashboard-page.tsx';
import { ReportDialog } from './report-dialog.tsx';
import { type BlockItem, formatTarget, nameOf, reportsApi, tx, useCatalogue } from './reports-api.ts';

const DIS = ['sex', 'age_group', 'unit', 'substance', 'legal_basis'] as const;

/** The indicator catalogue; a national administrator adds indicators from the building blocks. */
export function CataloguePage() {
  const { t } = useTranslation('reports');
  usePageTitle(t('catalogue.title'));
  const me = useSession();
  const cat = useCatalogue();
  const [adding, setAdding] = useState(false);
  const mayAdd = can(me, 'indicators.manage') && me.user.scopeKind === 'nation';
  return (
    <Stack>
      <PageHeader
        title={t('catalogue.title')}
        action={mayAdd && <Button onClick={() => setAdding(true)}>{t('catalogue.add')}</Button>}
      />
      <QueryView q={cat}>
        {(data) => (
          <RecordTable
            minWidth={900}
            striped
            data-testid="catalogue-table"
            head={heads(t, 'catalogue', ['id', 'name', 'kind', 'disaggregations', 'target', 'source'])}
          >
            {data.items.map((i) => (
              <Table.Tr key={i.id} data-testid={`indicator-${i.id}`}>
                <Table.Td>
                  <code>{i.id}</code>
                </Table.Td>
                <Table.Td>
                  {nameOf(i)}
                  {i.definition && (
                    <Text size="xs" c="dimmed" data-testid="indicator-definition">
                      {tx(i.definition)}
                    </Text>
                  )}
                  <Group gap={4}>
                    {i.custom && (
                      <Badge size="xs" color="blue.9" variant="filled">
                        {t('catalogue.custom')}
                      </Badge>
                    )}
                    {!i.computable && (
                      <Badge size="xs" color="gray.8" variant="filled">
                        {t('catalogue.pending')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{i.kind === 'ratio' ? t('catalogue.ratio') : t('catalogue.count')}</Table.Td>
                <Table.Td>{i.disaggregations.map((d) => t(`catalogue.dis.${d}`)).join(', ')}</Table.Td>
                <Table.Td>{formatTarget(i.target, i.kind)}</Table.Td>
                <Table.Td>{tx(i.source)}</Table.Td>
              </Table.Tr>
            ))}
          </RecordTable>
        )}
      </QueryView>
      {adding && cat.data && <AddIndicatorModal blocks={cat.data.blocks} onClose={() => setAdding(false)} />}
    </Stack>
  );
}

type Ref = { block: string; params: Record<string, string> };

function BlockPicker({
  label,
  blocks,
  value,
  onChange,
  error,
}: {
  label: string;
  blocks: BlockItem[];
  value: Ref;
  onChange: (r: Ref) => void;
  error?: string;
}) {
  const { t, i18n } = useTranslation('reports');
  const statusLabel = useStatusLabel();
  const block = blocks.find((b) => b.id === value.block);
  // A parameter value in words (the code is what the definition stores).
  const paramLabel = (name: string, v: string): string => {
    const lang = currentLang();
    if (i18n.exists(`reports:catalogue.paramValue.${v}`)) return t(`catalogue.paramValue.${v}`);
    if (name === 'status') return statusLabel(v);
    if (name === 'type') return (episodeTypeLabels[lang] as Record<string, string>)[v] ?? v;
    if (name === 'kind') return (activityKindLabels[lang] as Record<string, string>)[v] ?? v;
    return v;
  };
  return (
    <Stack gap="xs">
      <Select
        label={label}
        required
        searchable
        data={blocks.map((b) => ({
          value: b.id,
          label: `${nameOf(b)}${b.pending ? ` (${t('catalogue.pending')})` : ''}`,
        }))}
        value={value.block || null}
        error={error}
        onChange={(v) => {
          const b = blocks.find((x) => x.id === v);
          onChange({
            block: v ?? '',
            params: Object.fromEntries((b?.params ?? []).map((p) => [p.name, p.values[0]])),
          });
        }}
      />
      {block?.params.map((p) => (
        <Select
          key={p.name}
          label={t('catalogue.param', { name: p.name })}
          data={p.values.map((v) => ({ value: v, label: paramLabel(p.name, v) }))}
          value={value.params[p.name] ?? null}
          allowDeselect={false}
          onChange={(v) => v && onChange({ ...value, params: { ...value.params, [p.name]: v } })}
        />
      ))}
    </Stack>
  );
}

function AddIndicatorModal({ blocks, onClose }: { blocks: BlockItem[]; onClose: () => void }) {
  const { t } = useTranslation('reports');
  const qc = useQueryClient();
  const add = useMutation({
    mutationFn: () => {
      const f = form.f;
      const source = { vi: f.sourceVi, en: f.sourceEn };
      // The choices are the server's own (blocks, sections, disaggregations); it checks them again, and refuses
      // an unchosen block under its field.
      const body = {
        id: f.id,
        vi: f.vi,
        en: f.en,
        kind: f.kind,
        numerator: { block: f.numerator.block, params: f.numerator.params },
        ...(f.kind === 'ratio'
          ? { denominator: { block: f.denominator.block, params: f.denominator.params } }
          : {}),
        disaggregations: f.disaggregations,
        section: f.section,
        source,
        ...(f.targetValue === '' ? {} : { target: { op: f.targetOp, value: Number(f.targetValue), source } }),
      };
      return reportsApi.createIndicator(body as BodyOf<'createIndicator'>);
    },
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['indicators'] });
      qc.invalidateQueries({ queryKey: ['dashboard'] });
      onClose();
    },
  });
  // The server names a nested field by its path (numerator.block): its problem shows under the whole input.
  const form = useFields(
    {
      id: '',
      vi: '',
      en: '',
      kind: 'count' as 'count' | 'ratio',
      numerator: { block: '', params: {} } as Ref,
      denominator: { block: '', params: {} } as Ref,
      disaggregations: [] as string[],
      section: 'targets',
      targetOp: 'gte' as 'gte' | 'lte',
      targetValue: '' as number | string,
      sourceVi: '',
      sourceEn: '',
    },
    (field): string | undefined =>
      add.error instanceof ApiError
        ? add.error.errors.find((e) => e.field === field || e.field.startsWith(`${field}.`))?.message
        : undefined,
  );
  return (
    <ReportDialog
      title={t('catalogue.addTitle')}
      size="xl"
      onClose={onClose}
      onSubmit={() => add.mutate()}
      error={add.error}
      busy={add.isPending}
      submitLabel={t('catalogue.add')}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('catalogue.id')} required {...form.text('id')} />
        <TextInput label={t('catalogue.nameVi')} required {...form.text('vi')} />
        <TextInput label={t('catalogue.nameEn')} required {...form.text('en')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('catalogue.kind')}
          data={[
            { value: 'count', label: t('catalogue.count') },
            { value: 'ratio', label: t('catalogue.ratio') },
          ]}
          {...form.pick('kind', 'count')}
        />
        <Select
          label={t('catalogue.section')}
          data={SECTIONS.map((s) => ({ value: s, label: t(`section.${s}`) }))}
          {...form.pick('section', 'targets')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <BlockPicker label={t('catalogue.numerator')} blocks={blocks} {...form.value('numerator')} />
        {form.f.kind === 'ratio' && (
          <BlockPicker label={t('catalogue.denominator')} blocks={blocks} {...form.value('denominator')} />
        )}
      </SimpleGrid>
      <Checkbox.Group label={t('catalogue.disaggregations')} {...form.value('disaggregations')}>
        <Group mt={4}>
          {DIS.map((d) => (
            <Checkbox key={d} value={d} label={t(`catalogue.dis.${d}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('catalogue.targetOp')}
          data={[
            { value: 'gte', label: t('catalogue.gte') },
            { value: 'lte', label: t('catalogue.lte') },
          ]}
          {...form.pick('targetOp', 'gte')}
        />
        <NumberInput label={t('catalogue.targetValue')} min={0} {...form.value('targetValue', 'target')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('catalogue.sourceVi')} required {...form.text('sourceVi', 'source')} />
        <TextInput label={t('catalogue.sourceEn')} required {...form.text('sourceEn', 'source')} />
      </SimpleGrid>
    </ReportDialog>
  );
}
