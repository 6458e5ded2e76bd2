import { Alert, Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatDate } from '../../i18n/format.ts';
import './facility-i18n.ts';

export { checker, FormModal, ServerProblem, todayDmy } from '../../components/form-kit.tsx';

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

/** What a page just did (a saved act, a void), shown until closed. */
export function Flash({ text, onClose }: { text: string | null; onClose: () => void }) {
  const { t } = useTranslation('facility');
  if (!text) return null;
  return (
    <Alert
      color="green"
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={onClose}
      role="status"
      data-testid="flash"
    >
      {text}
    </Alert>
  );
}

/** The button that corrects or voids one entry, named by what it is and the day it happened. */
export function FixButton(p: { mode: 'correct' | 'void'; what: string; on: string; onClick: () => void }) {
  const { t } = useTranslation('facility');
  const voids = p.mode === 'void';
  return (
    <Button
      variant="default"
      c={voids ? 'red.9' : undefined}
      size="compact-xs"
      aria-label={t(voids ? 'fix.voidLabel' : 'fix.correctLabel', { what: p.what, date: formatDate(p.on) })}
      onClick={p.onClick}
    >
      {t(voids ? 'fix.void' : 'fix.correct')}
    </Button>
  );
}

/** An ISO date as dd/mm/yyyy for a date field's initial value. */
export const isoToDmy = (iso: string) => formatDate(iso);

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
