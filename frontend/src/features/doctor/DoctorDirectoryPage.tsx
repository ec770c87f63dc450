import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Link, useSearchParams } from 'react-router';
import { doctorsApi } from '../../api/endpoints';
import { errorMessage } from '../../api/client';
import { Avatar } from '../../ui/Avatar';
import { Empty, ErrorBox, Loading } from '../../ui/Feedback';
import { Pagination } from '../../ui/Pagination';
import { StarRating } from '../../ui/Stars';
import { useAsync } from '../../ui/useAsync';

const PAGE_SIZE = 12;

export function DoctorDirectoryPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const specialization = params.get('specialization') ?? '';
  const page = Math.max(0, Number(params.get('page') ?? 0) || 0);
  const [text, setText] = useState(q);

  const specs = useAsync(() => doctorsApi.specializations(), []);
  const doctors = useAsync(
    (signal) => doctorsApi.list({ q: q || undefined, specialization: specialization || undefined, page, size: PAGE_SIZE }, signal),
    [q, specialization, page],
  );

  function update(next: Record<string, string | number | null>) {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === null || v === '' || (k === 'page' && v === 0)) p.delete(k);
      else p.set(k, String(v));
    }
    // Paging adds history entries; typing and filtering replace the current one.
    const pagingOnly = Object.keys(next).length === 1 && 'page' in next;
    setParams(p, { replace: !pagingOnly });
  }

  // Follow the address when it changes from outside (back button, links).
  useEffect(() => {
    if (q !== text.trim()) setText(q);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  // Search as you type, a moment after the last key.
  const pendingSearch = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (text.trim() === q) return;
    const timer = setTimeout(() => update({ q: text.trim() || null, page: 0 }), 300);
    pendingSearch.current = timer;
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);
  // Following a result must win: a search firing during that navigation would pull the user back to the list.
  const cancelPendingSearch = (e: MouseEvent) => {
    if (pendingSearch.current && e.target instanceof Element && e.target.closest('a')) clearTimeout(pendingSearch.current);
  };

  const data = doctors.data;
  return (
    <section className="page">
      <h1>{t('directory.title')}</h1>
      <form
        className="search-bar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: text.trim() || null, page: 0 });
        }}
      >
        <div className="field">
          <label htmlFor="doctor-search">{t('directory.search')}</label>
          <input
            id="doctor-search"
            type="search"
            placeholder={t('directory.placeholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="doctor-specialization">{t('directory.specialization')}</label>
          <select
            id="doctor-specialization"
            value={specialization}
            onChange={(e) => update({ specialization: e.target.value || null, page: 0 })}
          >
            <option value="">{t('directory.all')}</option>
            {(specs.data ?? []).map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
      </form>

      {doctors.loading && !data && <Loading label={t('directory.loading')} />}
      {doctors.error != null && <ErrorBox onRetry={doctors.reload}>{errorMessage(doctors.error)}</ErrorBox>}
      {data && (
        <div aria-busy={doctors.loading} onClickCapture={cancelPendingSearch}>
          <p className="result-count" aria-live="polite">
            {data.totalElements === 0 ? t('directory.none') : t('directory.count', { count: data.totalElements })}
          </p>
          {data.content.length === 0 ? (
            <Empty>{t('directory.tryAnother')}</Empty>
          ) : (
            <ul className="card-grid">
              {data.content.map((d) => (
                <li key={d.id} className="card doctor-card">
                  <Avatar name={d.name} src={d.profileImage} size={56} />
                  <div>
                    <h2 className="doctor-card__name">
                      <Link to={`/doctors/${d.id}`}>{d.name}</Link>
                    </h2>
                    <p className="doctor-card__spec">{d.specialization}</p>
                    <p className="muted">
                      {d.qualification} · {t('directory.experience', { count: d.experience })}
                    </p>
                    <StarRating average={d.rating?.average ?? 0} count={d.rating?.count ?? 0} />
                  </div>
                </li>
              ))}
            </ul>
          )}
          <Pagination page={data.page ?? page} totalPages={data.totalPages} onChange={(p) => update({ page: p })} />
        </div>
      )}
    </section>
  );
}
