interface PaginationProps {
  page: number;
  totalPages: number;
  onChange: (page: number) => void;
  label?: string;
}

export function Pagination({ page, totalPages, onChange, label = 'Pages' }: PaginationProps) {
  if (totalPages <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      <button type="button" className="btn btn--ghost" disabled={page <= 0} onClick={() => onChange(page - 1)}>
        Previous page
      </button>
      <span aria-live="polite">
        Page {page + 1} of {totalPages}
      </span>
      <button type="button" className="btn btn--ghost" disabled={page >= totalPages - 1} onClick={() => onChange(page + 1)}>
        Next page
      </button>
    </nav>
  );
}
