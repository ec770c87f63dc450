import { useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Link } from 'react-router';
import { errorMessage } from '../../api/client';
import { callsApi } from '../../api/endpoints';
import type { CallLogEntry } from '../../api/types';
import { formatDuration, formatInstant, formatShortInstant } from '../../lib/time';
import { Empty, ErrorBox, Loading } from '../../ui/Feedback';
import { Pagination } from '../../ui/Pagination';
import { useAsync } from '../../ui/useAsync';

function duration(c: CallLogEntry): string {
  if (!c.answeredAt || !c.endedAt) return '—';
  return formatDuration(new Date(c.endedAt).getTime() - new Date(c.answeredAt).getTime());
}

export default function CallHistoryPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  const calls = useAsync(() => callsApi.history(page, 20), [page]);
  return (
    <section className="page">
      <h1>{t('call.history')}</h1>
      {calls.loading && !calls.data && <Loading />}
      {calls.error != null && <ErrorBox onRetry={calls.reload}>{errorMessage(calls.error)}</ErrorBox>}
      {calls.data &&
        (calls.data.content.length === 0 ? (
          <Empty>{t('call.noCalls')}</Empty>
        ) : (
          <div className="table-wrap">
            <table className="table table--compact">
              <caption className="visually-hidden">{t('call.historyCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('call.when')}</th>
                  <th scope="col">{t('call.with')}</th>
                  <th scope="col">{t('call.outcome')}</th>
                  <th scope="col">{t('call.duration')}</th>
                </tr>
              </thead>
              <tbody>
                {calls.data.content.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <time dateTime={c.startedAt} title={formatInstant(c.startedAt)}>
                        {formatShortInstant(c.startedAt)}
                      </time>
                    </td>
                    <td>
                      <Link to={`/messages/${c.peer.id}`}>{c.peer.name}</Link>
                    </td>
                    <td>{t(`call.outcome_${c.outcome}`)}</td>
                    <td>{duration(c)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {calls.data && <Pagination page={page} totalPages={calls.data.totalPages} onChange={setPage} />}
    </section>
  );
}
