import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';

/**
 * A form in a centred dialog of the reporting pages: its fields, the server's refusal under them (its detail,
 * and `problemExtra` after it), Cancel and the submit button. `onSubmit` gets the submit event stopped.
 */
export function ReportDialog({
  title,
  size,
  onClose,
  onSubmit,
  error,
  problemExtra,
  busy,
  submitLabel,
  submitColor,
  children,
}: {
  title: string;
  size?: string;
  onClose: () => void;
  onSubmit: () => void;
  error: unknown;
  problemExtra?: ReactNode;
  busy: boolean;
  submitLabel: string;
  submitColor?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation('reports');
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      title={title}
      size={size}
      centered
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Stack>
          {children}
          {!!error && (
            <Alert color="red" role="alert">
              {error instanceof ApiError ? error.detail : String(error)}
              {problemExtra}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={submitColor} loading={busy}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
