import { Alert, type AlertProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorDetail } from '../api/client.ts';

/** A logout that did not land (`useLogoutAction().failed`): the session is still open; press again. */
export function LogoutFailed({ failed, ...props }: { failed: unknown } & AlertProps) {
  const { t } = useTranslation();
  if (failed == null) return null;
  return (
    <Alert color="red" role="alert" data-testid="logout-failed" title={t('nav.logoutFailed')} {...props}>
      {errorDetail(failed)}
    </Alert>
  );
}
