import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/use-page-title.ts';
import './dossiers-i18n.ts';
import { PageTitle } from '../../components/record-list.tsx';
import { CalendarTab } from './rules-calendar.tsx';
import { RulesTab } from './rules-overrides.tsx';

/**
 * Legal settings for national officers and system administrators: the rules in force on a date with their
 * basis and "(verify)" flags, dated overrides with their reason, and the working-day calendar.
 */
export function RulesPage() {
  const { t } = useTranslation('dossiers');
  usePageTitle(t('rules.title'));
  return (
    <Stack>
      <PageTitle title={t('rules.title')} />
      <Tabs defaultValue="rules" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="rules">{t('rules.tabRules')}</Tabs.Tab>
          <Tabs.Tab value="calendar">{t('rules.tabCalendar')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="rules" pt="md">
          <RulesTab />
        </Tabs.Panel>
        <Tabs.Panel value="calendar" pt="md">
          <CalendarTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
