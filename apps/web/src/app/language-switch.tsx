import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Lang, setLang } from '../i18n/i18n.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('lang.label')}
      value={i18n.language === 'en' ? 'en' : 'vi'}
      onChange={(v) => void setLang(v as Lang)}
      data={[
        { value: 'vi', label: <span lang="vi">{t('lang.vi')}</span> },
        { value: 'en', label: <span lang="en">{t('lang.en')}</span> },
      ]}
    />
  );
}
