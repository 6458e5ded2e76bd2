import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorDetail } from '../api/client.ts';
import { currentLang } from '../i18n/i18n.ts';
import { DateField } from './date-field.tsx';
import { isoDate } from './dates.ts';
import '../offline/offline-i18n.ts';
import { useOnline } from '../offline/use-online.ts';

// The pieces every form dialog of the areas shares: { vi, en } texts, today's date, client checks, the
// server's refusal and the dialog itself. Texts come from the app's own `common` namespace.

export type Text2 = { vi: string; en: string };
/** The text of a { vi, en } pair in the UI language. */
export const tx = (t: Text2 | null | undefined) => (t ? t[currentLang()] : '');

export { todayDmy } from './dates.ts';

export type Errors = Record<string, string>;

type Loose<V> = V extends string
  ? string
  : V extends number
    ? number | string
    : V extends readonly (infer E)[]
      ? Loose<E>[]
      : V extends object
        ? Draft<V>
        : V;
/**
 * A request body as a form builds it before its checks pass: a field (also of a nested object or a list's
 * items) may still be missing, a choice is the select's plain string. The checker refuses a missing required
 * value before anything is sent, so a draft that passed is sent as the contract's body `B` (whose names and
 * nesting this type still checks); the server validates the values again.
 */
export type Draft<B> = { [K in keyof B]?: Loose<B[K]> | null };

/** Collects client-side problems: required texts and dd/mm/yyyy dates → ISO (messages in the caller's `t`). */
export function checker(t: (k: string) => string) {
  const errors: Errors = {};
  return {
    errors,
    required(key: string, value: string) {
      if (!value.trim()) errors[key] = t('common.required');
      return value.trim();
    },
    date: (key: string, value: string, optional = false) => isoDate(t, errors, key, value, optional),
    ok: () => Object.keys(errors).length === 0,
  };
}

export type Checker = ReturnType<typeof checker>;

/**
 * The server's refusal next to the form: its message, the legal basis it cites, and the field problems that
 * no input of the form shows (`fields`: those shown under their own input).
 */
export function ServerProblem({ error, fields = [] }: { error: unknown; fields?: string[] }) {
  const { t } = useTranslation();
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  const basis = Array.isArray(e?.body.basis) ? (e.body.basis as Text2[]) : [];
  const loose = e ? e.errors.filter((f) => !fields.includes(f.field)) : [];
  return (
    <Alert
      color="red"
      variant="light"
      title={e?.status === 422 ? t('common.ruleRefused') : undefined}
      role="alert"
      data-testid="server-problem"
    >
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {errorDetail(error)}
        </Text>
        {loose.length > 0 && (
          <List size="sm">
            {loose.map((f) => (
              <List.Item key={`${f.field}|${f.message}`}>
                {f.field}: {f.message}
              </List.Item>
            ))}
          </List>
        )}
        {basis.length > 0 && (
          <Text size="sm">
            {t('common.basis')}: {basis.map(tx).join('; ')}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

type ModalProps = {
  opened: boolean;
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  busy?: boolean;
  error?: unknown;
  /** Fields whose server errors show under their own input (left out of the problem list). */
  fields?: string[];
  submitLabel?: string;
  size?: string;
  /** The form's write can wait in the offline outbox (a drug test, a contact); otherwise it needs a connection. */
  worksOffline?: boolean;
  /** Replaces the default ServerProblem above the buttons (e.g. one that leaves field errors to the fields). */
  problem?: ReactNode;
  children: ReactNode;
};

/** A form in a dialog: fields, the server's problem just above the buttons, Cancel / Save. */
export function FormModal(p: ModalProps) {
  const { t } = useTranslation();
  // Without a connection a form either keeps its entry on the device or says plainly that it needs one.
  const online = useOnline();
  const blocked = !online && !p.worksOffline;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    p.onSubmit();
  };
  return (
    <Modal
      opened={p.opened}
      onClose={p.onClose}
      title={p.title}
      size={p.size ?? 'lg'}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {p.children}
          {p.problem ?? <ServerProblem error={p.error} fields={p.fields} />}
          {!online && (
            <Alert
              color={blocked ? 'yellow' : 'blue'}
              variant="light"
              role="status"
              data-testid={blocked ? 'needs-connection' : 'kept-offline'}
            >
              {blocked ? t('offline:onlineOnly') : t('offline:formKeptOffline')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={p.onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={p.busy}
              disabled={blocked}
              title={blocked ? t('offline:onlineOnly') : undefined}
            >
              {p.submitLabel ?? t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * A form of named text fields whose set depends on a choice (the type of episode, the dossier's next step):
 * the values (`blank` for one never typed in, `dateBlank` for a date), and inputs bound to them with the
 * problem found under each (`errors`, by the field's name).
 */
export function useTextFields(errors: Errors, initial: Record<string, string> = {}, dateBlank = '') {
  const [v, setV] = useState(initial);
  const val = (k: string, blank = '') => v[k] ?? blank;
  const set = (k: string) => (x: string) => setV((o) => ({ ...o, [k]: x }));
  /** The trimmed value, or undefined when empty (an optional member of the request body). */
  const opt = (k: string) => (val(k).trim() ? val(k).trim() : undefined);
  const text = (k: string, label: string, required = false, blank = '') => (
    <TextInput
      label={label}
      required={required}
      value={val(k, blank)}
      onChange={(e) => set(k)(e.currentTarget.value)}
      error={errors[k]}
    />
  );
  const date = (k: string, label: string, required = true) => (
    <DateField
      label={label}
      required={required}
      value={val(k, dateBlank)}
      onChange={set(k)}
      error={errors[k]}
    />
  );
  return { v, setV, val, set, opt, text, date };
}
