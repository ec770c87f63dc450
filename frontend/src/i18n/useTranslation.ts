import { useSyncExternalStore } from 'react';
import { currentLanguage, subscribe, t } from './i18n';

/** The texts of the current language; a component using it draws again when the language changes. */
export function useTranslation() {
  const language = useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
  return { t, i18n: { language } };
}
