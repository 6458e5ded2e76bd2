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
import { PageHeader, QueryView, RecordTable } from '../../components/record-list.tsx';
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
            head={[
              t('catalogue.id'),
              t('catalogue.name'),
              t('catalogue.kind'),
              t('catalogue.disaggregations'),
              t('catalogue.target'),
              t('catalogue.source'),
            ]}
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
  const [id, setId] = useState('');
  const [vi, setVi] = useState('');
  const [en, setEn] = useState('');
  const [kind, setKind] = useState<'count' | 'ratio'>('count');
  const [numerator, setNumerator] = useState<Ref>({ block: '', params: {} });
  const [denominator, setDenominator] = useState<Ref>({ block: '', params: {} });
  const [dis, setDis] = useState<string[]>([]);
  const [section, setSection] = useState('targets');
  const [targetOp, setTargetOp] = useState<'gte' | 'lte'>('gte');
  const [targetValue, setTargetValue] = useState<number | ''>('');
  const [sourceVi, setSourceVi] = useState('');
  const [sourceEn, setSourceEn] = useState('');
  const add = useMutation({
    mutationFn: () => {
      const source = { vi: sourceVi, en: sourceEn };
      // The choices are the server's own (blocks, sections, disaggregations); it checks them again, and refuses
      // an unchosen block under its field.
      const body = {
        id,
        vi,
        en,
        kind,
        numerator: { block: numerator.block, params: numerator.params },
        ...(kind === 'ratio'
          ? { denominator: { block: denominator.block, params: denominator.params } }
          : {}),
        disaggregations: dis,
        section,
        source,
        ...(targetValue === '' ? {} : { target: { op: targetOp, value: Number(targetValue), source } }),
      };
      return reportsApi.createIndicator(body as BodyOf<'createIndicator'>);
    },
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['indicators'] });
      qc.invalidateQueries({ queryKey: ['dashboard'] });
      onClose();
    },
  });
  const err = (field: string) =>
    add.error instanceof ApiError
      ? add.error.errors.find((e) => e.field === field || e.field.startsWith(`${field}.`))?.message
      : undefined;
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
        <TextInput
          label={t('catalogue.id')}
          required
          value={id}
          error={err('id')}
          onChange={(e) => setId(e.currentTarget.value)}
        />
        <TextInput
          label={t('catalogue.nameVi')}
          required
          value={vi}
          error={err('vi')}
          onChange={(e) => setVi(e.currentTarget.value)}
        />
        <TextInput
          label={t('catalogue.nameEn')}
          required
          value={en}
          error={err('en')}
          onChange={(e) => setEn(e.currentTarget.value)}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('catalogue.kind')}
          data={[
            { value: 'count', label: t('catalogue.count') },
            { value: 'ratio', label: t('catalogue.ratio') },
          ]}
          value={kind}
          allowDeselect={false}
          onChange={(v) => v && setKind(v as 'count' | 'ratio')}
        />
        <Select
          label={t('catalogue.section')}
          data={SECTIONS.map((s) => ({ value: s, label: t(`section.${s}`) }))}
          value={section}
          allowDeselect={false}
          onChange={(v) => v && setSection(v)}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <BlockPicker
          label={t('catalogue.numerator')}
          blocks={blocks}
          value={numerator}
          onChange={setNumerator}
          error={err('numerator')}
        />
        {kind === 'ratio' && (
          <BlockPicker
            label={t('catalogue.denominator')}
            blocks={blocks}
            value={denominator}
            onChange={setDenominator}
            error={err('denominator')}
          />
        )}
      </SimpleGrid>
      <Checkbox.Group
        label={t('catalogue.disaggregations')}
        value={dis}
        onChange={setDis}
        error={err('disaggregations')}
      >
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
          value={targetOp}
          allowDeselect={false}
          onChange={(v) => v && setTargetOp(v as 'gte' | 'lte')}
        />
        <NumberInput
          label={t('catalogue.targetValue')}
          value={targetValue}
          min={0}
          error={err('target')}
          onChange={(v) => setTargetValue(v === '' ? '' : Number(v))}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('catalogue.sourceVi')}
          required
          value={sourceVi}
          error={err('source')}
          onChange={(e) => setSourceVi(e.currentTarget.value)}
        />
        <TextInput
          label={t('catalogue.sourceEn')}
          required
          value={sourceEn}
          error={err('source')}
          onChange={(e) => setSourceEn(e.currentTarget.value)}
        />
      </SimpleGrid>
    </ReportDialog>
  );
}
