import { useId } from 'react';
import { useTranslation } from '../i18n/useTranslation';

/** A read-only rating, e.g. ★★★★☆ 4.2 (17 reviews). */
export function StarRating({ average, count }: { average: number; count: number }) {
  const { t, i18n } = useTranslation();
  if (!count) return <span className="rating rating--none">{t('common.noReviews')}</span>;
  const shown = average.toLocaleString(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const rounded = Math.round(average);
  return (
    <span className="rating" aria-label={t('common.rated', { average: shown, count })}>
      <span aria-hidden="true" className="rating__stars">
        {'★'.repeat(rounded)}
        {'☆'.repeat(5 - rounded)}
      </span>{' '}
      <span aria-hidden="true">
        {shown} ({count})
      </span>
    </span>
  );
}

/** A 1–5 star picker built on radio buttons, so keyboards and screen readers just work. */
export function StarInput({ value, onChange, label, error }: { value: number; onChange: (v: number) => void; label?: string; error?: string }) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="star-input" aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{label ?? t('common.rating')}</legend>
      {[1, 2, 3, 4, 5].map((n) => (
        <label key={n} className={n <= value ? 'star-input__star star-input__star--on' : 'star-input__star'}>
          <input type="radio" name={name} value={n} checked={value === n} onChange={() => onChange(n)} aria-invalid={error ? true : undefined} />
          <span aria-hidden="true">★</span>
          <span className="visually-hidden">
            {t('common.stars', { count: n })}
          </span>
        </label>
      ))}
      {error && (
        <p className="field__error" id={`${name}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
