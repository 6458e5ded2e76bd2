import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session.ts';
import { usePageTitle } from '../../app/use-page-title.ts';
import { facilityOf } from './facility-api.ts';
import './facility-i18n.ts';

/**
 * What every facility-ops page starts with: its title (shown in the browser tab too), the session, and the
 * facility the user works in ('' for a province or national user, who picks one).
 */
export function useFacilityPage(titleKey: string) {
  const { t } = useTranslation('facility');
  usePageTitle(t(titleKey));
  const me = useSession();
  return { t, me, facilityId: facilityOf(me) };
}
