import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shows a generated password once; it is not kept anywhere in the app afterwards. */
export function PasswordRevealModal({
  username,
  password,
  onClose,
}: {
  username: string;
  password: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={!!password}
      onClose={onClose}
      title={t('users.initialPasswordTitle', { username })}
      centered
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <Alert color="orange">{t('users.initialPasswordNote')}</Alert>
        <div>
          <Text size="sm">{t('users.initialPasswordLabel')}</Text>
          <Code block fz="lg" data-testid="initial-password" style={{ userSelect: 'all', letterSpacing: 1 }}>
            {password}
          </Code>
        </div>
        <Group justify="flex-end">
          <CopyButton value={password ?? ''}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
