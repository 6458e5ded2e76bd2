import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { parseDmy } from '../../i18n/format.ts';
import { currentLang } from '../../i18n/i18n.ts';
import './facility-i18n.ts';

type Text2 = { vi: string; en: string };
const tx = (t: Text2) => t[currentLang()];

/** Field errors of a form: the client's own checks first, then the server's 400 naming the field. */
export function useFieldErrors() {
  const [client, setClient] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const server: Record<string, string> = {};
  if (serverError instanceof ApiError)
    for (const f of serverError.errors) if (!server[f.field]) server[f.field] = f.message;
  return {
    err: (key: string) => client[key] ?? server[key],
    serverError,
    setServerError,
    setClient,
    reset: () => {
      setClient({});
      setServerError(null);
    },
  };
}
export type FieldErrors = ReturnType<typeof useFieldErrors>;

/** Collects client-side problems: required texts and dd/mm/yyyy dates → ISO. */
export function checker(t: (k: string) => string) {
  const errors: Record<string, string> = {};
  return {
    errors,
    required(key: string, value: string) {
      if (!value.trim()) errors[key] = t('common.required');
      return value.trim();
    },
    date(key: string, value: string, optional = false): string | undefined {
      if (!value.trim()) {
        if (!optional) errors[key] = t('common.required');
        return undefined;
      }
      const iso = parseDmy(value);
      if (!iso) errors[key] = t('common.invalidDate');
      return iso ?? undefined;
    },
    ok: () => Object.keys(errors).length === 0,
  };
}

/** The server's refusal: its message, the legal basis it cites, and field problems no input shows. */
export function ServerProblem({ error, fields = [] }: { error: unknown; fields?: string[] }) {
  const { t } = useTranslation('facility');
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
          {e ? e.detail : String((error as Error)?.message ?? error)}
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
  fields?: string[];
  submitLabel?: string;
  size?: string;
  children: ReactNode;
};

/** A form in a dialog: fields (each with its own error), the server's message above Cancel / Save. */
export function FormModal(p: ModalProps) {
  const { t } = useTranslation('facility');
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
          <ServerProblem error={p.error} fields={p.fields} />
          <Group justify="flex-end">
            <Button variant="default" onClick={p.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={p.busy}>
              {p.submitLabel ?? t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Today in the browser's calendar as dd/mm/yyyy (the default of date fields). */
export function todayDmy() {
  const d = new Date();
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** An ISO date as dd/mm/yyyy for a date field's initial value. */
export const isoToDmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

type Ask = { title: string; message: string; confirmLabel: string };

/** A confirmation asked from an async flow: `await ask(...)` resolves true on confirm, false on cancel. */
export function useConfirm() {
  const [pending, setPending] = useState<(Ask & { resolve: (ok: boolean) => void }) | null>(null);
  const ask = (a: Ask) => new Promise<boolean>((resolve) => setPending({ ...a, resolve }));
  const done = (ok: boolean) => {
    pending?.resolve(ok);
    setPending(null);
  };
  // Mounted only while asking, so that its portal comes after (above) the form dialog that asked.
  const element = pending ? (
    <ConfirmDialog
      opened
      title={pending.title}
      message={pending.message}
      confirmLabel={pending.confirmLabel}
      danger
      onConfirm={() => done(true)}
      onClose={() => done(false)}
    />
  ) : null;
  return { ask, element };
}
