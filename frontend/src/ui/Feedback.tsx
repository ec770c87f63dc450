import type { ReactNode } from 'react';
import { useTranslation } from '../i18n/useTranslation';

/**
 * A loading state. `page` draws the shape of a page (a title and a few cards) while a whole page loads, so the content
 * area is never blank; inline it is a spinner and a line of text.
 */
export function Loading({ label, page = false }: { label?: string; page?: boolean }) {
  const { t } = useTranslation();
  label ??= t('common.loading');
  if (page)
    return (
      <section className="page skeleton" role="status" aria-label={label}>
        <div className="skeleton__title" />
        <div className="skeleton__card" />
        <div className="skeleton__card" />
        <div className="skeleton__card skeleton__card--short" />
      </section>
    );
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

export function ErrorBox({ children, onRetry }: { children: ReactNode; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!children) return null;
  return (
    <div className="error-box" role="alert">
      <span>{children}</span>
      {onRetry && (
        <button type="button" className="btn btn--small" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

export function Notice({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <p className="notice" role="status">
      {children}
    </p>
  );
}
