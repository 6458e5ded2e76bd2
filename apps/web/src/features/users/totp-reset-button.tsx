import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client } from '../../api/client.ts';
import type { User } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { useRequest } from '../../components/use-request.ts';
import { SECURITY_NS } from '../auth/security-i18n.ts';

/** An administrator resets a user's second factor (lost phone): confirmed first, audited by the server. */
export function TotpResetButton({ user }: { user: User }) {
  const { t } = useTranslation(SECURITY_NS);
  const [open, setOpen] = useState(false);
  const { busy, error, run } = useRequest();

  const reset = () =>
    run(async () => {
      await call(client.POST('/api/users/{id}/totp/reset', { params: { path: { id: user.id } } }));
      setOpen(false);
      notifications.show({ color: 'green', message: t('reset.done', { username: user.username }) });
    });

  return (
    <>
      <Button size="xs" variant="default" onClick={() => setOpen(true)}>
        {t('reset.action')}
      </Button>
      <ConfirmDialog
        opened={open}
        title={t('reset.action')}
        message={t('reset.confirm', { username: user.username })}
        confirmLabel={t('reset.action')}
        danger
        busy={busy}
        error={error}
        onConfirm={() => void reset()}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
