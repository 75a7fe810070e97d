import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setLang, type Lang } from '../../i18n';

export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('lang.label')}
      value={i18n.language === 'en' ? 'en' : 'vi'}
      onChange={(v) => setLang(v as Lang)}
      data={[
        { value: 'vi', label: t('lang.vi') },
        { value: 'en', label: t('lang.en') },
      ]}
      data-testid="lang-toggle"
    />
  );
}
