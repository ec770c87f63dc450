import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { patientsApi } from '../../api/endpoints';
import { formatInstant } from '../../lib/time';
import { Empty, ErrorBox, Loading } from '../../ui/Feedback';
import { Pagination } from '../../ui/Pagination';
import { useAsync } from '../../ui/useAsync';

export const ACTIONS: Record<string, string> = {
  READ: 'Viewed your record',
  read: 'Viewed your record',
  VIEW: 'Viewed your record',
  'patient-record.read': 'Viewed your record',
  'visit-notes.write': 'Wrote visit notes',
};

export default function AccessLogPage() {
  const [page, setPage] = useState(0);
  const log = useAsync(() => patientsApi.accessLog(page, 20), [page]);
  return (
    <section className="page">
      <h1>Who read my record</h1>
      <p className="muted">Every time a doctor opens your medical profile it is written here.</p>
      {log.loading && !log.data && <Loading />}
      {log.error != null && <ErrorBox onRetry={log.reload}>{errorMessage(log.error)}</ErrorBox>}
      {log.data &&
        (log.data.content.length === 0 ? (
          <Empty>Nobody has opened your record yet.</Empty>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Record access log, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                </tr>
              </thead>
              <tbody>
                {log.data.content.map((e, i) => (
                  <tr key={`${e.at}-${i}`}>
                    <td>
                      <time dateTime={e.at}>{formatInstant(e.at)}</time>
                    </td>
                    <td>
                      {e.actor?.name ?? 'Unknown'} <span className="muted small">({e.actor?.role === 'doctor' ? 'Doctor' : e.actor?.role === 'patient' ? 'Patient' : 'Staff'})</span>
                    </td>
                    <td>{ACTIONS[e.action] ?? 'Other access'}</td>
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
