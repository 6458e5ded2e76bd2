import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { login } from '../../api/session.ts';
import { LanguageSwitch } from '../../app/language-switch.tsx';
import { preloadSignedInWhenIdle } from '../../app/signed-in-preload.ts';
import { usePageTitle } from '../../app/use-page-title.ts';

/** Username and password; the server's message (wrong password, account locked) is shown as is. */
export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  // While the user types, the signed-in app downloads in the background (a slow link's seconds are spent once).
  useEffect(preloadSignedInWhenIdle, []);
  const qc = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError(t('login.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(qc, username.trim(), password);
    } catch (err) {
      setError(err instanceof ApiError ? err.detail : t('common.error'));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Box component="main" id="main" bg="gray.0" mih="100vh">
      <Group justify="flex-end" p="md">
        <LanguageSwitch />
      </Group>
      <Center px="md" pb="xl">
        <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
          <form onSubmit={submit} noValidate>
            <Stack>
              <div>
                <Title order={1} size="h2" c="blue.9">
                  {t('app.name')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('app.tagline')}
                </Text>
              </div>
              <Title order={2} size="h4">
                {t('login.title')}
              </Title>
              {error && (
                <Alert color="red" role="alert" title={t('login.failed')}>
                  {error}
                </Alert>
              )}
              <TextInput
                label={t('login.username')}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
                required
                autoFocus
              />
              <PasswordInput
                visibilityToggleButtonProps={{ 'aria-label': t('password.toggle') }}
                label={t('login.password')}
                name="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                required
              />
              <Button type="submit" loading={busy} fullWidth>
                {t('login.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
