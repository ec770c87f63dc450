import { useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { errorMessage } from '../../api/client';
import { patientsApi } from '../../api/endpoints';
import { formatInstant } from '../../lib/time';
import { Empty, ErrorBox, Loading } from '../../ui/Feedback';
import { Pagination } from '../../ui/Pagination';
import { useAsync } from '../../ui/useAsync';

/** The server's action codes, as a person says them (catalogue keys under accessLog). */
export const ACTIONS: Record<string, string> = {
  READ: 'viewed',
  read: 'viewed',
  VIEW: 'viewed',
  'patient-record.read': 'viewed',
  'visit-notes.write': 'wroteNotes',
};

export default function AccessLogPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  const log = useAsync(() => patientsApi.accessLog(page, 20), [page]);
  return (
    <section className="page">
      <h1>{t('accessLog.title')}</h1>
      <p className="muted">{t('accessLog.intro')}</p>
      {log.loading && !log.data && <Loading />}
      {log.error != null && <ErrorBox onRetry={log.reload}>{errorMessage(log.error)}</ErrorBox>}
      {log.data &&
        (log.data.content.length === 0 ? (
          <Empty>{t('accessLog.nobody')}</Empty>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('accessLog.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('accessLog.when')}</th>
                  <th scope="col">{t('accessLog.who')}</th>
                  <th scope="col">{t('accessLog.what')}</th>
                </tr>
              </thead>
              <tbody>
                {log.data.content.map((e, i) => (
                  <tr key={`${e.at}-${i}`}>
                    <td>
                      <time dateTime={e.at}>{formatInstant(e.at)}</time>
                    </td>
                    <td>
                      {e.actor?.name ?? t('accessLog.unknown')}{' '}
                      <span className="muted small">
                        ({e.actor?.role === 'doctor' || e.actor?.role === 'patient' ? t(`common.role_${e.actor.role}`) : t('accessLog.staff')})
                      </span>
                    </td>
                    <td>{t(`accessLog.${ACTIONS[e.action] ?? 'other'}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {log.data && <Pagination page={page} totalPages={log.data.totalPages} onChange={setPage} />}
    </section>
  );
}
