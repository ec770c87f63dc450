import { useTranslation } from '../i18n/useTranslation';

interface PaginationProps {
  page: number;
  totalPages: number;
  onChange: (page: number) => void;
  label?: string;
}

export function Pagination({ page, totalPages, onChange, label }: PaginationProps) {
  const { t } = useTranslation();
  if (totalPages <= 1) return null;
  return (
    <nav className="pagination" aria-label={label ?? t('common.pages')}>
      <button type="button" className="btn btn--ghost" disabled={page <= 0} onClick={() => onChange(page - 1)}>
        {t('common.previousPage')}
      </button>
      <span aria-live="polite">
        {t('common.pageOf', { page: page + 1, total: totalPages })}
      </span>
      <button type="button" className="btn btn--ghost" disabled={page >= totalPages - 1} onClick={() => onChange(page + 1)}>
        {t('common.nextPage')}
      </button>
    </nav>
  );
}
