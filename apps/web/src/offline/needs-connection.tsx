import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import './offline-i18n.ts';
import { useOnline } from './use-online.ts';

// "Needs a connection" (issue 15): without a connection only the field pages work (kept on the device, writes
// kept in the outbox); everything else (decisions, documents, reports, imports, searches, settings) says so
// plainly instead of spinning. Form dialogs say it themselves (components/form-kit.tsx `worksOffline`).

/** Pages that work without a connection: the volunteer's, an officer's work list and person pages, the outbox. */
const WORKS_OFFLINE = [
  /^\/community\/my-(people|tasks)(\/|$)/,
  /^\/tasks$/,
  /^\/people\/(?!new$)[^/]+$/,
  /^\/outbox$/,
];
export const worksOffline = (pathname: string) => WORKS_OFFLINE.some((re) => re.test(pathname));

/** Above a page that needs the server: shown only while offline. */
export function NeedsConnectionBanner() {
  const { t } = useTranslation('offline');
  const online = useOnline();
  const { pathname } = useLocation();
  if (online || worksOffline(pathname)) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      mb="md"
      title={t('pageNeedsConnectionTitle')}
      data-testid="needs-connection"
    >
      {t('pageNeedsConnection')}
    </Alert>
  );
}

/** For one action that needs the server (a document, an export): disable it and say why while offline. */
export function useNeedsConnection(): { offline: boolean; why: string } {
  const { t } = useTranslation('offline');
  const online = useOnline();
  return { offline: !online, why: t('onlineOnly') };
}
