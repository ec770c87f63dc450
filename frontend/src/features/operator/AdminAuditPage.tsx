import { useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { errorMessage } from '../../api/client';
import { formatInstant } from '../../lib/time';
import { Empty, ErrorBox, Loading } from '../../ui/Feedback';
import { Pagination } from '../../ui/Pagination';
import { useAsync } from '../../ui/useAsync';
import { operatorApi } from './operatorApi';

/** The audit log: who did what to which record, when (no medical content). */
export default function AdminAuditPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  const log = useAsync(() => operatorApi.audit(page), [page]);
  return (
    <section className="page">
      <h1>{t('operator.auditTitle')}</h1>
      <p className="muted">{t('operator.auditIntro')}</p>
      {log.loading && !log.data && <Loading />}
      {log.error != null && <ErrorBox onRetry={log.reload}>{errorMessage(log.error)}</ErrorBox>}
      {log.data &&
        (log.data.content.length === 0 ? (
          <Empty>{t('operator.auditNone')}</Empty>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('operator.auditCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('accessLog.when')}</th>
                  <th scope="col">{t('accessLog.who')}</th>
                  <th scope="col">{t('accessLog.what')}</th>
                  <th scope="col">{t('operator.record')}</th>
                  <th scope="col">{t('operator.about')}</th>
                </tr>
              </thead>
              <tbody>
                {log.data.content.map((e, i) => (
                  <tr key={`${e.at}-${i}`}>
                    <td>
                      <time dateTime={e.at}>{formatInstant(e.at)}</time>
                    </td>
                    <td>
                      {e.actor?.name ?? t('accessLog.unknown')} <span className="muted small">({e.actor?.role})</span>
                    </td>
                    <td>{e.action}</td>
                    <td>
                      {e.recordType} <span className="muted small">{e.recordId}</span>
                    </td>
                    <td className="muted small">{e.subjectId}</td>
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
