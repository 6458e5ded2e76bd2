import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, client } from '../../api/client.ts';
import { meKey } from '../../api/session.ts';
import { usePageTitle } from '../../app/use-page-title.ts';
import { PageTitle } from '../../components/record-list.tsx';
import { BeforeAppFrame } from './before-app-frame.tsx';

type Fields = 'currentPassword' | 'newPassword' | 'confirm';

/** The form's three password inputs, in order: their texts and what the browser may fill in. */
const PASSWORD_FIELDS: { name: Fields; label: string; description?: string; autoComplete: string }[] = [
  { name: 'currentPassword', label: 'password.current', autoComplete: 'current-password' },
  { name: 'newPassword', label: 'password.next', description: 'password.rule', autoComplete: 'new-password' },
  { name: 'confirm', label: 'password.confirm', autoComplete: 'new-password' },
];

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
      await call(
        client.POST('/api/auth/password', {
          body: { currentPassword: values.currentPassword, newPassword: values.newPassword },
        }),
      );
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
        {PASSWORD_FIELDS.map((f) => (
          <PasswordInput
            key={f.name}
            visibilityToggleButtonProps={{ 'aria-label': t('password.toggle') }}
            label={t(f.label)}
            description={f.description && t(f.description)}
            autoComplete={f.autoComplete}
            value={values[f.name]}
            onChange={set(f.name)}
            error={errors[f.name]}
            required
          />
        ))}
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
      <PageTitle title={t('password.title')} />
      <PasswordForm />
    </Stack>
  );
}

/** The only screen a user sees until the first (or reset) password has been replaced. */
export function ForcedPasswordChange() {
  const { t } = useTranslation();
  usePageTitle(t('password.title'));
  return (
    <BeforeAppFrame title={t('password.title')} width={480}>
      <Alert color="blue">{t('password.forcedIntro')}</Alert>
      <PasswordForm />
    </BeforeAppFrame>
  );
}
