import { Checkbox, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/date-field.tsx';
import { checker, FormModal, todayDmy, useFieldErrors } from './facility-form-kit.tsx';

// A dialog form described by its fields: texts, dd/mm/yyyy dates, selects, numbers and resident pickers.
// Each field carries the key the server names in its 400s, so the server's message lands next to it.

export type Option = { value: string; label: string };
export type FieldSpec = {
  key: string;
  label: string;
  kind: 'text' | 'textarea' | 'date' | 'select' | 'number' | 'people';
  required?: boolean;
  options?: Option[];
  /** Only shown (and sent) when this returns true for the current values. */
  when?: (v: Values) => boolean;
  initial?: string;
};
export type Values = Record<string, string>;
/** Parsed values: dates as ISO, numbers as numbers, people as ids; empty optional fields absent. */
export type Parsed = Record<string, string | number | string[] | undefined>;

/**
 * A form's values as the contract's body `B` (inferred from where they are sent): the form's checks passed
 * (required values present, dates ISO, numbers as numbers, choices from the contract's lists) and the server
 * validates them again, naming the field of any refusal (as `Draft` in components/form-kit.tsx).
 */
export const asBody = <B,>(values: object): B => values as B;

type Props = {
  opened: boolean;
  title: string;
  fields: FieldSpec[];
  submitLabel?: string;
  onClose: () => void;
  /** Sends the request; a thrown ApiError is shown next to the fields it names. */
  onSubmit: (values: Parsed, raw: Values) => Promise<void>;
  /** Asks before sending (destructive acts): return false to stop. */
  beforeSubmit?: (values: Parsed, raw: Values) => Promise<boolean>;
};

const initialOf = (fields: FieldSpec[]) =>
  Object.fromEntries(
    fields.map((f) => [
      f.key,
      f.initial ??
        (f.kind === 'date' ? todayDmy() : f.kind === 'select' ? (f.options?.[0]?.value ?? '') : ''),
    ]),
  );

export function SpecFormModal(p: Props) {
  const { t } = useTranslation('facility');
  const [values, setValues] = useState<Values>(() => initialOf(p.fields));
  const [busy, setBusy] = useState(false);
  const fe = useFieldErrors();
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (p.opened) {
      setValues(initialOf(p.fields));
      fe.reset();
    }
  }, [p.opened]);
  const set = (k: string, v: string) => setValues((x) => ({ ...x, [k]: v }));
  const shown = p.fields.filter((f) => !f.when || f.when(values));

  const submit = async () => {
    const c = checker((k) => t(k));
    const out: Parsed = {};
    for (const f of shown) {
      const v = values[f.key] ?? '';
      if (f.kind === 'date') out[f.key] = c.date(f.key, v, !f.required);
      else if (f.kind === 'people') {
        const ids = v ? v.split(',') : [];
        if (f.required && ids.length === 0) c.errors[f.key] = t('common.required');
        out[f.key] = ids;
      } else if (f.kind === 'number') {
        if (!v.trim()) {
          if (f.required) c.errors[f.key] = t('common.required');
        } else if (Number.isNaN(Number(v.replace(',', '.')))) c.errors[f.key] = t('common.required');
        else out[f.key] = Number(v.replace(',', '.'));
      } else {
        const s = f.required ? c.required(f.key, v) : v.trim();
        if (s) out[f.key] = s;
      }
    }
    fe.setClient(c.errors);
    fe.setServerError(null);
    if (!c.ok()) return;
    if (p.beforeSubmit && !(await p.beforeSubmit(out, values))) return;
    setBusy(true);
    try {
      await p.onSubmit(out, values);
    } catch (e) {
      fe.setServerError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormModal
      opened={p.opened}
      title={p.title}
      onClose={p.onClose}
      onSubmit={() => void submit()}
      busy={busy}
      error={fe.serverError}
      fields={shown.map((f) => f.key)}
      submitLabel={p.submitLabel}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {shown.map((f) => {
          const common = { label: f.label, required: f.required, error: fe.err(f.key) };
          const v = values[f.key] ?? '';
          switch (f.kind) {
            case 'date':
              return <DateField key={f.key} {...common} value={v} onChange={(x) => set(f.key, x)} />;
            case 'select':
              return (
                <NativeSelect
                  key={f.key}
                  {...common}
                  value={v}
                  onChange={(e) => set(f.key, e.currentTarget.value)}
                  data={f.options ?? []}
                />
              );
            case 'textarea':
              return (
                <Textarea
                  key={f.key}
                  {...common}
                  value={v}
                  autosize
                  minRows={2}
                  onChange={(e) => set(f.key, e.currentTarget.value)}
                  style={{ gridColumn: '1 / -1' }}
                />
              );
            case 'people':
              return (
                <PeoplePicker
                  key={f.key}
                  label={f.label}
                  error={fe.err(f.key)}
                  options={f.options ?? []}
                  value={v}
                  onChange={(x) => set(f.key, x)}
                />
              );
            default:
              return (
                <TextInput
                  key={f.key}
                  {...common}
                  value={v}
                  inputMode={f.kind === 'number' ? 'decimal' : undefined}
                  onChange={(e) => set(f.key, e.currentTarget.value)}
                />
              );
          }
        })}
      </SimpleGrid>
    </FormModal>
  );
}

/** Residents as checkboxes; the value is their ids joined by commas. */
function PeoplePicker(p: {
  label: string;
  error?: string;
  options: Option[];
  value: string;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation('facility');
  const chosen = p.value ? p.value.split(',') : [];
  return (
    <Checkbox.Group
      label={p.label}
      error={p.error}
      value={chosen}
      onChange={(v) => p.onChange(v.join(','))}
      style={{ gridColumn: '1 / -1' }}
      withAsterisk
    >
      <Stack gap={4} mt={4}>
        {p.options.length === 0 && <Text size="sm">{t('classes.noResidents')}</Text>}
        {p.options.map((o) => (
          <Checkbox key={o.value} value={o.value} label={o.label} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
