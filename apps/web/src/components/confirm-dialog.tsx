import { Button, type ButtonProps, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
};

/** A yes/no question before an action that cannot be undone from the UI. */
export function ConfirmDialog(p: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={p.opened}
      onClose={p.onClose}
      title={p.title}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Text size="sm">{p.message}</Text>
      {p.error && (
        <Text size="sm" c="red.9" mt="sm" role="alert">
          {p.error}
        </Text>
      )}
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={p.onClose}>
          {t('common.cancel')}
        </Button>
        <Button color={p.danger ? 'red.9' : undefined} onClick={p.onConfirm} loading={p.busy}>
          {p.confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}

/**
 * A button whose action waits for a yes in a ConfirmDialog (stopping, closing, removing): `onConfirm` gets
 * `close`, to call when the action has succeeded; a failure stays in the dialog (`error`).
 */
export function ConfirmButton(p: {
  label: string;
  title: string;
  message: string;
  confirmLabel?: string;
  busy?: boolean;
  error?: unknown;
  onConfirm: (close: () => void) => void;
  button?: ButtonProps & { 'data-testid'?: string };
}) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <Button size="compact-sm" variant="default" {...p.button} onClick={() => setOpen(true)}>
        {p.label}
      </Button>
      <ConfirmDialog
        opened={open}
        title={p.title}
        message={p.message}
        confirmLabel={p.confirmLabel ?? p.label}
        danger
        busy={p.busy}
        error={p.error ? (p.error as Error).message : null}
        onConfirm={() => p.onConfirm(close)}
        onClose={close}
      />
    </>
  );
}
