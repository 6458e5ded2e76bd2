import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyOf } from '../../api/schema.ts';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { DateField } from '../../components/date-field.tsx';
import type { Draft } from '../../components/form-kit.tsx';
import { formatDate, parseDmy } from '../../i18n/format.ts';
import './dossiers-i18n.ts';
import { useFields } from '../../components/form-fields.ts';
import { Panel } from '../../components/panel.tsx';
import { heads, RecordTable } from '../../components/record-list.tsx';
import {
  legalApi,
  type Override,
  type RuleInForce,
  useLegalWrite,
  useOverrides,
  useRegimes,
  useRulesInForce,
} from './dossiers-api.ts';
import { checker, type Errors, FormModal, todayDmy, tx } from './form-kit.tsx';

// The rules tab of the legal settings: rules in force on a date, dated overrides with their reason, revoking one.

export const isoToday = () => parseDmy(todayDmy()) ?? new Date().toISOString().slice(0, 10);

/** The name of one part of a multi-part value (the server's label, else the key itself). */
export function keyLabel(shape: RuleInForce['shape'], key: string): string {
  const label = shape.keyLabels?.[key];
  return label ? tx(label) : key;
}

export function valueText(
  value: unknown,
  r: Pick<RuleInForce, 'authority' | 'unitLabel' | 'shape'>,
  t: (k: string) => string,
): string {
  if (value === null) return t('rules.noValue');
  if (typeof value === 'boolean') return value ? t('rules.yes') : t('rules.no');
  if (typeof value === 'string')
    return r.authority && r.authority.id === value ? tx(r.authority.name) : value;
  if (typeof value === 'number') return `${value} ${tx(r.unitLabel)}`;
  const o = value as Record<string, number>;
  if (Object.keys(o).length === 2 && 'min' in o && 'max' in o) return `${o.min}–${o.max} ${tx(r.unitLabel)}`;
  return Object.entries(o)
    .map(([k, v]) => `${keyLabel(r.shape, k)}: ${v}`)
    .join(', ');
}

export function RulesTab() {
  const { t } = useTranslation('dossiers');
  const [dateText, setDateText] = useState(todayDmy());
  const date = parseDmy(dateText) ?? isoToday();
  const rules = useRulesInForce(date);
  const overrides = useOverrides();
  const [editing, setEditing] = useState<RuleInForce | null>(null);
  const [revoking, setRevoking] = useState<Override | null>(null);
  const [flash, setFlash] = useState('');
  const regimes = useRegimes();
  return (
    <Stack>
      <Group align="flex-end">
        <DateField label={t('rules.date')} value={dateText} onChange={setDateText} w={220} />
        {(regimes.data?.items ?? []).map((r) => (
          <Button
            key={r.id}
            size="xs"
            variant={rules.data?.regime.id === r.id ? 'filled' : 'default'}
            onClick={() => setDateText(formatDate(r.from))}
            title={tx(r.name)}
          >
            {t('rules.regimeFrom', { date: formatDate(r.from) })}
          </Button>
        ))}
      </Group>
      {flash && (
        <Alert color="green" role="status" data-testid="rules-flash">
          {flash}
        </Alert>
      )}
      {rules.isPending ? (
        <InlineLoader />
      ) : rules.isError ? (
        <ErrorState error={rules.error} onRetry={() => rules.refetch()} />
      ) : (
        <Paper withBorder p="md" component="section" aria-labelledby="rules-regime">
          <Title order={2} size="h4" id="rules-regime">
            {t('rules.regime', {
              name: tx(rules.data.regime.name),
              from: formatDate(rules.data.regime.from),
              to: rules.data.regime.to ? formatDate(rules.data.regime.to) : t('rules.now'),
            })}
          </Title>
          <Text size="sm" c="dimmed" my="xs">
            {t('rules.verifyHint')}
          </Text>
          <RecordTable
            data-testid="rules-table"
            verticalSpacing="xs"
            head={[t('rules.rule'), t('rules.value'), t('rules.basis'), t('rules.adjust')]}
          >
            {rules.data.rules.map((r) => (
              <Table.Tr key={r.key} data-testid={`rule-${r.key}`}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {tx(r.label)}
                  </Text>
                  {r.note && (
                    <Text size="xs" c="dimmed">
                      {tx(r.note)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {valueText(r.value, r, t)}{' '}
                    {r.verify && !r.overridden && (
                      <Text span c="red.9" fw={700} data-testid="verify-flag">
                        {t('rules.verify')}
                      </Text>
                    )}
                  </Text>
                  {r.authority && (
                    <Text size="xs" data-testid="rule-authority">
                      {t('rules.authority')}: {tx(r.authority.name)}
                    </Text>
                  )}
                  {r.overridden && r.overriddenBy && (
                    <Text size="xs" c="blue.9" data-testid="overridden">
                      {t('rules.overridden', {
                        date: formatDate(r.overriddenBy.effectiveFrom),
                        reason: r.overriddenBy.reason,
                      })}{' '}
                      ({t('rules.defaultWas', { value: valueText(r.defaultValue, r, t) })})
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{r.basis.map((b) => tx(b.citation)).join('; ')}</Text>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => {
                      setFlash('');
                      setEditing(r);
                    }}
                    aria-label={`${t('rules.adjust')}: ${tx(r.label)}`}
                  >
                    {t('rules.adjust')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </RecordTable>
        </Paper>
      )}
      <Panel id="rules-overrides" title={t('rules.overrides')}>
        {overrides.isPending ? (
          <InlineLoader />
        ) : overrides.isError ? (
          <ErrorState error={overrides.error} onRetry={() => overrides.refetch()} />
        ) : overrides.data.length === 0 ? (
          <Text size="sm" data-testid="overrides-empty">
            {t('rules.overridesEmpty')}
          </Text>
        ) : (
          <RecordTable
            data-testid="overrides-table"
            head={[
              ...heads(t, 'rules', ['rule', 'newValue', 'effectiveFrom', 'reason']),
              t('list.status'),
              t('rules.revoke'),
            ]}
          >
            {overrides.data.map((o) => (
              <Table.Tr key={o.id} data-testid="override-row">
                <Table.Td>{tx(o.ruleLabel)}</Table.Td>
                <Table.Td>
                  {!o.changesValue
                    ? t('rules.sameValue')
                    : typeof o.value === 'object' && o.value !== null
                      ? JSON.stringify(o.value)
                      : String(o.value)}
                  {o.authority && (
                    <Text size="xs">
                      {t('rules.authority')}: {tx(o.authority.name)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{formatDate(o.effectiveFrom)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{o.reason}</Text>
                  <Text size="xs" c="dimmed">
                    {tx(o.basis.citation)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {o.status === 'active' ? t('rules.active') : t('rules.revoked')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {o.status === 'active' && (
                    <Button size="xs" variant="outline" color="red.9" onClick={() => setRevoking(o)}>
                      {t('rules.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </RecordTable>
        )}
      </Panel>
      {editing && (
        <OverrideForm
          rule={editing}
          regimeId={rules.data?.regime.id ?? ''}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            setFlash(t('rules.saved'));
          }}
        />
      )}
      {revoking && <RevokeForm override={revoking} onClose={() => setRevoking(null)} />}
    </Stack>
  );
}

export function OverrideForm({
  rule,
  regimeId,
  onClose,
  onDone,
}: {
  rule: RuleInForce;
  regimeId: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('dossiers');
  const { t: tp } = useTranslation('pathways');
  const regimes = useRegimes();
  const shape = rule.shape;
  const initial = rule.value;
  const [num, setNum] = useState<number | string>(typeof initial === 'number' ? initial : '');
  const [obj, setObj] = useState<Record<string, number | string>>(
    typeof initial === 'object' && initial !== null ? { ...(initial as Record<string, number>) } : {},
  );
  const [str, setStr] = useState(typeof initial === 'string' ? initial : '');
  const [bool, setBool] = useState(initial === true ? 'true' : 'false');
  const [isNull, setIsNull] = useState(initial === null);
  const form = useFields({
    effectiveFrom: todayDmy(),
    reason: '',
    instrument: '',
    article: '',
    clause: '',
  });
  const { f: v, errors, setErrors } = form;
  const [onlyRegime, setOnlyRegime] = useState(false);
  // What the override changes: the value, the deciding (and signing) official, or both.
  const [what, setWhat] = useState<'value' | 'authority' | 'both'>('value');
  const [authority, setAuthority] = useState(rule.authority?.id ?? '');
  const write = useLegalWrite(legalApi.addOverride);
  const roleOptions = (regimes.data?.roles ?? []).map((r) => ({ value: r.id, label: tx(r.name) }));

  const submit = () => {
    const c = checker(tp);
    const effectiveFrom = c.date('effectiveFrom', v.effectiveFrom);
    const reason = c.required('reason', v.reason);
    const instrument = c.required('instrument', v.instrument);
    let value: unknown = null;
    const changesValue = what !== 'authority';
    const newAuthority = what === 'value' ? undefined : c.required('authority', authority);
    if (changesValue && !isNull) {
      if (shape.type === 'number') value = num === '' ? c.required('value', '') : Number(num);
      else if (shape.type === 'boolean') value = bool === 'true';
      else if (shape.type === 'string') value = c.required('value', str);
      else value = Object.fromEntries((shape.keys ?? []).map((k) => [k, Number(obj[k] ?? 0)]));
    }
    setErrors(c.errors);
    if (!c.ok()) return;
    const trim = (x: string) => (x.trim() ? x.trim() : undefined);
    const body: Draft<BodyOf<'createRuleOverride'>> = {
      ruleKey: rule.key,
      ...(changesValue && { value }),
      ...(newAuthority !== undefined && { authority: newAuthority }),
      effectiveFrom,
      regimeId: onlyRegime ? regimeId : undefined,
      reason,
      basis: { instrument: { vi: instrument }, article: trim(v.article), clause: trim(v.clause) },
    };
    // Sent without the members left undefined (JSON drops them); the checker passed (see Draft).
    write.mutate(JSON.parse(JSON.stringify(body)) as BodyOf<'createRuleOverride'>, { onSuccess: onDone });
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('rules.adjustTitle', { rule: tx(rule.label) })}
      onSubmit={submit}
      busy={write.isPending}
      error={write.error}
    >
      <Text size="sm">
        {t('rules.value')}: {valueText(rule.value, rule, t)} {rule.verify ? t('rules.verify') : ''}
      </Text>
      {rule.authority && (
        <Text size="sm">
          {t('rules.authority')}: {tx(rule.authority.name)}
        </Text>
      )}
      <NativeSelect
        label={t('rules.changeWhat')}
        value={what}
        onChange={(e) => setWhat(e.currentTarget.value as typeof what)}
        data={[
          { value: 'value', label: t('rules.changeValue') },
          { value: 'authority', label: t('rules.changeAuthority') },
          { value: 'both', label: t('rules.changeBoth') },
        ]}
      />
      {what !== 'value' && (
        <NativeSelect
          label={t('rules.newAuthority')}
          required
          value={authority}
          onChange={(e) => setAuthority(e.currentTarget.value)}
          data={[{ value: '', label: '—' }, ...roleOptions]}
          error={errors.authority}
        />
      )}
      {what !== 'authority' && shape.nullable && (
        <Checkbox
          label={t('rules.noValue')}
          checked={isNull}
          onChange={(e) => setIsNull(e.currentTarget.checked)}
        />
      )}
      {what !== 'authority' && !isNull && shape.type === 'number' && (
        <NumberInput
          label={`${t('rules.newValue')} (${tx(rule.unitLabel)})`}
          required
          value={num}
          onChange={setNum}
          min={0}
          error={errors.value}
        />
      )}
      {what !== 'authority' && !isNull && shape.type === 'boolean' && (
        <NativeSelect
          label={t('rules.newValue')}
          value={bool}
          onChange={(e) => setBool(e.currentTarget.value)}
          data={[
            { value: 'true', label: t('rules.yes') },
            { value: 'false', label: t('rules.no') },
          ]}
        />
      )}
      {what !== 'authority' && !isNull && shape.type === 'string' && (
        <NativeSelect
          label={t('rules.newValue')}
          required
          value={str}
          onChange={(e) => setStr(e.currentTarget.value)}
          data={roleOptions}
          error={errors.value}
        />
      )}
      {what !== 'authority' && !isNull && shape.type === 'object' && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {(shape.keys ?? []).map((k) => (
            <NumberInput
              key={k}
              label={`${t('rules.newValue')}: ${keyLabel(shape, k)}`}
              value={obj[k] ?? ''}
              onChange={(x) => setObj((o) => ({ ...o, [k]: x }))}
              min={0}
            />
          ))}
        </SimpleGrid>
      )}
      <DateField label={t('rules.effectiveFrom')} required {...form.value('effectiveFrom')} />
      <Checkbox
        label={t('rules.onlyRegime')}
        checked={onlyRegime}
        onChange={(e) => setOnlyRegime(e.currentTarget.checked)}
      />
      <Textarea label={t('rules.reason')} required {...form.text('reason')} />
      <TextInput label={t('rules.instrument')} required {...form.text('instrument')} />
      <Group grow>
        <TextInput label={t('rules.article')} {...form.text('article')} />
        <TextInput label={t('rules.clause')} {...form.text('clause')} />
      </Group>
    </FormModal>
  );
}

/** Revoking an override is destructive: the dialog asks for the reason and is the confirmation. */
export function RevokeForm({ override: o, onClose }: { override: Override; onClose: () => void }) {
  const { t } = useTranslation('dossiers');
  const { t: tp } = useTranslation('pathways');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const write = useLegalWrite((body: BodyOf<'revokeRuleOverride'>) => legalApi.revokeOverride(o.id, body));
  const submit = () => {
    const c = checker(tp);
    const r = c.required('reason', reason);
    setErrors(c.errors);
    if (c.ok()) write.mutate({ version: o.version, reason: r }, { onSuccess: onClose });
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('rules.revokeTitle', { rule: tx(o.ruleLabel) })}
      onSubmit={submit}
      busy={write.isPending}
      error={write.error}
      submitLabel={t('rules.revoke')}
      size="md"
    >
      <Textarea
        label={t('rules.reason')}
        required
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
      />
    </FormModal>
  );
}
