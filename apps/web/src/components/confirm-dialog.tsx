import { Button, Group, Modal, Text } from '@mantine/core';
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
