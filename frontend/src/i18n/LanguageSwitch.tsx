import { useEffect, useId } from 'react';
import { useTranslation } from './useTranslation';
import { useAuth } from '../features/auth/AuthProvider';
import { applyUserLanguage, chooseLanguage, LANGUAGE_NAMES, LANGUAGES, type Language } from './i18n';

/** The language picker in the header; a signed-in user's choice is remembered for them in this browser. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { user } = useAuth();
  const id = useId();
  const userId = user?.id;

  useEffect(() => {
    if (userId) void applyUserLanguage(userId);
  }, [userId]);

  return (
    <span className="language-switch">
      <label htmlFor={id} className="visually-hidden">
        {t('nav.language')}
      </label>
      <select id={id} value={i18n.language} onChange={(e) => void chooseLanguage(e.target.value as Language, userId)}>
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {LANGUAGE_NAMES[lng]}
          </option>
        ))}
      </select>
    </span>
  );
}
