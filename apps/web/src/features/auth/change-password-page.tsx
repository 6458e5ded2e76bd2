import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import { meKey, useLogout, useSession } from '../../api/session.ts';
import { LanguageSwitch } from '../../app/language-switch.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';

type Fields = 'currentPassword' | 'newPassword' | 'confirm';

function PasswordForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [values, setValues] = useState<Record<Fields, string>>({
    currentPassword: '',
    newPassword: '',
    confirm: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Fields, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (k: Fields) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const v = e.currentTarget.value;
    setValues((s) => ({ ...s, [k]: v }));
    setErrors((s) => ({ ...s, [k]: undefined }));
  };

  // The same rule as the server's (10+ characters, letters and digits); the server checks again.
  function check(): Partial<Record<Fields, string>> {
    const errs: Partial<Record<Fields, string>> = {};
    if (!values.currentPassword) errs.currentPassword = t('login.required');
    if (values.newPassword.length < 10) errs.newPassword = t('password.tooShort');
    else if (!/[A-Za-z]/.test(values.newPassword) || !/\d/.test(values.newPassword))
      errs.newPassword = t('password.needsMix');
    if (values.confirm !== values.newPassword) errs.confirm = t('password.mismatch');
    return errs;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs = check();
    setErrors(errs);
    setGeneral(null);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      await api.post('/api/auth/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      notifications.show({ color: 'green', message: t('password.done') });
      setValues({ currentPassword: '', newPassword: '', confirm: '' });
      await qc.invalidateQueries({ queryKey: meKey });
      onDone?.();
    } catch (err) {
      if (err instanceof ApiError) {
        const fieldErrs: Partial<Record<Fields, string>> = {};
        for (const f of err.errors)
          if (f.field === 'currentPassword' || f.field === 'newPassword') fieldErrs[f.field] = f.message;
        setErrors(fieldErrs);
        if (!Object.keys(fieldErrs).length) setGeneral(err.detail);
      } else setGeneral(t('common.error'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        <PasswordInput
          visibilityToggleButtonProps={{ 'aria-label': t('password.toggle') }}
          label={t('password.current')}
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={set('currentPassword')}
          error={errors.currentPassword}
          required
        />
        <PasswordInput
          visibilityToggleButtonProps={{ 'aria-label': t('password.toggle') }}
          label={t('password.next')}
          description={t('password.rule')}
          autoComplete="new-password"
          value={values.newPassword}
          onChange={set('newPassword')}
          error={errors.newPassword}
          required
        />
        <PasswordInput
          visibilityToggleButtonProps={{ 'aria-label': t('password.toggle') }}
          label={t('password.confirm')}
          autoComplete="new-password"
          value={values.confirm}
          onChange={set('confirm')}
          error={errors.confirm}
          required
        />
        <Button type="submit" loading={busy}>
          {t('password.submit')}
        </Button>
      </Stack>
    </form>
  );
}

/** Voluntary change, inside the shell. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('password.title'));
  return (
    <Stack maw={480}>
      <Title order={1} size="h2">
        {t('password.title')}
      </Title>
      <PasswordForm />
    </Stack>
  );
}

/** The only screen a user sees until the first (or reset) password has been replaced. */
export function ForcedPasswordChange() {
  const { t } = useTranslation();
  usePageTitle(t('password.title'));
  const me = useSession();
  const logout = useLogout();
  return (
    <Box component="main" id="main" bg="gray.0" mih="100vh">
      <Group justify="space-between" p="md">
        <Text fw={700} c="blue.9">
          {t('app.name')}
        </Text>
        <Group gap="sm">
          <LanguageSwitch />
          <Button variant="default" size="xs" onClick={() => void logout()}>
            {t('nav.logout')}
          </Button>
        </Group>
      </Group>
      <Center px="md" pb="xl">
        <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={480}>
          <Stack>
            <Title order={1} size="h3">
              {t('password.title')}
            </Title>
            <Text size="sm">
              {me.user.fullName} ({me.user.username})
            </Text>
            <Alert color="blue">{t('password.forcedIntro')}</Alert>
            <PasswordForm />
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
