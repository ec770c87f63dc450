import { Link, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../api/client';
import { patientsApi } from '../../api/endpoints';
import { formatDay } from '../../lib/time';
import { Avatar } from '../../ui/Avatar';
import { ErrorBox, Loading } from '../../ui/Feedback';
import { useAsync } from '../../ui/useAsync';
import { StartCallButton } from '../call/StartCallButton';

function age(dob: string): number | null {
  const d = new Date(dob);
  if (Number.isNaN(d.getTime())) return null;
  const now = new Date();
  let a = now.getFullYear() - d.getFullYear();
  if (now.getMonth() < d.getMonth() || (now.getMonth() === d.getMonth() && now.getDate() < d.getDate())) a--;
  return a;
}

export default function PatientRecordPage() {
  const { id = '' } = useParams();
  const record = useAsync(() => patientsApi.get(id), [id]);
  if (record.loading) return <Loading page label="Loading the record…" />;
  if (record.error != null || !record.data) {
    const notFound = record.error instanceof ApiError && record.error.status === 404;
    return (
      <section className="page">
        <h1>{notFound ? 'Record not available' : 'Could not load the record'}</h1>
        <ErrorBox onRetry={notFound ? undefined : record.reload}>
          {notFound ? 'You can read a patient’s record only while you share an appointment with them.' : errorMessage(record.error)}
        </ErrorBox>
        <Link to="/patients">Back to my patients</Link>
      </section>
    );
  }
  const p = record.data;
  const years = p.dateOfBirth ? age(p.dateOfBirth) : null;
  return (
    <section className="page page--narrow">
      <header className="card record-head">
        <Avatar name={p.name} src={p.profileImage} size={72} />
        <div>
          <h1>{p.name}</h1>
          <p className="muted">Medical record · your view is logged for the patient</p>
        </div>
      </header>
      <div className="button-row">
        <StartCallButton peerId={p.id || id} peerName={p.name} />
        <Link className="btn btn--ghost" to={`/messages/${p.id || id}`}>
          Message {p.name}
        </Link>
      </div>
      <dl className="card details">
        <div>
          <dt>Date of birth</dt>
          <dd>{p.dateOfBirth ? `${formatDay(p.dateOfBirth)}${years != null ? ` (${years} years)` : ''}` : 'Not given'}</dd>
        </div>
        <div>
          <dt>Gender</dt>
          <dd>{p.gender || 'Not given'}</dd>
        </div>
        <div>
          <dt>Blood group</dt>
          <dd>{p.bloodGroup || 'Not known'}</dd>
        </div>
        <div>
          <dt>Allergies</dt>
          <dd className="pre">{p.allergies?.length ? p.allergies.join(', ') : 'None recorded'}</dd>
        </div>
        <div>
          <dt>Emergency contacts</dt>
          <dd>
            {p.emergencyContact?.length ? (
              <ul className="plain">
                {p.emergencyContact.map((c, i) => (
                  <li key={i}>
                    {c.name} ({c.relationship}) · <a href={`tel:${c.phone}`}>{c.phone}</a>
                  </li>
                ))}
              </ul>
            ) : (
              'None given'
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
