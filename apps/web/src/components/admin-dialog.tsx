import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

/** A form's problems by field; `general` is the one shown above the fields. */
export type DialogErrors = Record<string, string>;

/**
 * The send of an administration dialog (users, facilities): busy while it runs, and the problems it ends with.
 * A refusal goes through `mapError` (the server's field problems onto the form's fields); when no field takes
 * it, the server's detail shows above the fields. `mapError` answers null when it handled the refusal itself
 * (a stale version reloaded). Any other failure is the generic error.
 */
export function useDialogSend() {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<DialogErrors>({});
  const [busy, setBusy] = useState(false);
  async function run(send: () => Promise<void>, mapError: (err: ApiError) => DialogErrors | null) {
    setBusy(true);
    try {
      await send();
    } catch (err) {
      if (err instanceof ApiError) {
        const mapped = mapError(err);
        setErrors(mapped === null ? {} : Object.keys(mapped).length ? mapped : { general: err.detail });
      } else setErrors({ general: t('common.error') });
    } finally {
      setBusy(false);
    }
  }
  return { errors, setErrors, busy, run };
}

/** Every field problem the server sent, under the field of the same name. */
export const byField = (err: ApiError): DialogErrors =>
  Object.fromEntries(err.errors.map((f) => [f.field, f.message]));

/** The problems of the named fields only (the others show as the general problem). */
export const pick = (errors: DialogErrors, fields: string[]): DialogErrors =>
  Object.fromEntries(Object.entries(errors).filter(([field]) => fields.includes(field)));

/**
 * An administration form in a dialog: a notice and the general problem above the fields, Cancel and the submit
 * button below them. The form is checked by the page (noValidate); `onSubmit` gets the submit event stopped.
 */
export function AdminDialog({
  opened = true,
  title,
  size,
  onClose,
  onSubmit,
  busy,
  general,
  notice,
  submitLabel,
  after,
  children,
}: {
  opened?: boolean;
  title: string;
  size?: string;
  onClose: () => void;
  onSubmit: () => void;
  busy: boolean;
  general?: string;
  notice?: string | null;
  submitLabel?: string;
  /** What the dialog shows under the form (a section with its own actions). */
  after?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size={size}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {notice && (
            <Alert color="yellow" role="status">
              {notice}
            </Alert>
          )}
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {submitLabel ?? t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      {after}
    </Modal>
  );
}
