import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/client';
import { callsApi } from '../../api/endpoints';
import type { CallLogEntry } from '../../api/types';
import { formatDuration, formatInstant, formatShortInstant } from '../../lib/time';
import { Empty, ErrorBox, Loading } from '../../ui/Feedback';
import { Pagination } from '../../ui/Pagination';
import { useAsync } from '../../ui/useAsync';
import { t } from '../../i18n/i18n';

const OUTCOME: Record<Exclude<CallLogEntry['outcome'], 'dropped'>, string> = {
  completed: 'Completed',
  missed: 'Missed',
  rejected: 'Declined',
  failed: 'Failed',
};

function outcomeText(outcome: CallLogEntry['outcome']): string {
  return outcome === 'dropped' ? t('callDrop.outcomeDropped') : (OUTCOME[outcome] ?? outcome);
}

function duration(c: CallLogEntry): string {
  if (!c.answeredAt || !c.endedAt) return '—';
  return formatDuration(new Date(c.endedAt).getTime() - new Date(c.answeredAt).getTime());
}

export default function CallHistoryPage() {
  const [page, setPage] = useState(0);
  const calls = useAsync(() => callsApi.history(page, 20), [page]);
  return (
    <section className="page">
      <h1>Call history</h1>
      {calls.loading && !calls.data && <Loading />}
      {calls.error != null && <ErrorBox onRetry={calls.reload}>{errorMessage(calls.error)}</ErrorBox>}
      {calls.data &&
        (calls.data.content.length === 0 ? (
          <Empty>No calls yet.</Empty>
        ) : (
          <div className="table-wrap">
            <table className="table table--compact">
              <caption className="visually-hidden">Your calls, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">With</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Duration</th>
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
                    <td>{outcomeText(c.outcome)}</td>
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
