import { useTranslation } from '../../i18n/useTranslation';
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
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const record = useAsync(() => patientsApi.get(id), [id]);
  if (record.loading) return <Loading page label={t('record.loading')} />;
  if (record.error != null || !record.data) {
    const notFound = record.error instanceof ApiError && record.error.status === 404;
    return (
      <section className="page">
        <h1>{notFound ? t('record.notAvailable') : t('record.couldNotLoad')}</h1>
        <ErrorBox onRetry={notFound ? undefined : record.reload}>
          {notFound ? t('record.onlyShared') : errorMessage(record.error)}
        </ErrorBox>
        <Link to="/patients">{t('record.back')}</Link>
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
          <p className="muted">{t('record.logged')}</p>
        </div>
      </header>
      <div className="button-row">
        <StartCallButton peerId={p.id || id} peerName={p.name} />
        <Link className="btn btn--ghost" to={`/messages/${p.id || id}`}>
          {t('record.message', { name: p.name })}
        </Link>
      </div>
      <dl className="card details">
        <div>
          <dt>{t('record.dob')}</dt>
          <dd>{p.dateOfBirth ? `${formatDay(p.dateOfBirth)}${years != null ? ` (${t('record.years', { count: years })})` : ''}` : t('record.notGiven')}</dd>
        </div>
        <div>
          <dt>{t('record.gender')}</dt>
          <dd>{p.gender || t('record.notGiven')}</dd>
        </div>
        <div>
          <dt>{t('record.bloodGroup')}</dt>
          <dd>{p.bloodGroup || t('record.notKnown')}</dd>
        </div>
        <div>
          <dt>{t('record.allergies')}</dt>
          <dd className="pre">{p.allergies?.length ? p.allergies.join(', ') : t('record.noneRecorded')}</dd>
        </div>
        <div>
          <dt>{t('record.contacts')}</dt>
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
              t('record.noneGiven')
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
