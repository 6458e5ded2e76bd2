import { Alert, Button, Center, Loader, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorDetail } from '../api/client.ts';

export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="60vh" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader aria-hidden />
        <Text>{t('app.loading')}</Text>
      </Stack>
    </Center>
  );
}

export function InlineLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      {/* The spinner is decoration; its name is text (aria-label on its span is not allowed: axe, serious). */}
      <Loader size="sm" aria-hidden />
      <VisuallyHidden>{t('app.loading')}</VisuallyHidden>
    </Center>
  );
}

/** A failed request, with the server's message when there is one. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const detail = errorDetail(error);
  return (
    <Alert color="red" title={t('common.error')} role="alert" my="md">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{detail}</Text>
        {onRetry && (
          <Button size="xs" variant="default" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

export function NotFound({ forbidden = false }: { forbidden?: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert color="gray" my="md">
      {forbidden ? t('common.forbidden') : t('common.notFound')}
    </Alert>
  );
}
