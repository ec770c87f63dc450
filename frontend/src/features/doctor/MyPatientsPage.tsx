import { useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Link } from 'react-router';
import { errorMessage } from '../../api/client';
import { allMyPatients } from '../../api/endpoints';
import { Avatar } from '../../ui/Avatar';
import { Empty, ErrorBox, Loading } from '../../ui/Feedback';
import { useAsync } from '../../ui/useAsync';
import { usePresence } from '../messaging/presenceStore';

export default function MyPatientsPage() {
  const { t } = useTranslation();
  const patients = useAsync((signal) => allMyPatients(signal), []);
  const [filter, setFilter] = useState('');
  const list = (patients.data ?? []).filter((p) => p.name.toLowerCase().includes(filter.trim().toLowerCase()));
  const presence = usePresence((patients.data ?? []).map((p) => p.id));

  return (
    <section className="page">
      <h1>{t('patients.title')}</h1>
      <p className="muted">{t('patients.intro')}</p>
      {patients.loading && <Loading />}
      {patients.error != null && <ErrorBox onRetry={patients.reload}>{errorMessage(patients.error)}</ErrorBox>}
      {patients.data && patients.data.length > 0 && (
        <div className="field field--inline">
          <label htmlFor="patient-filter">{t('patients.filter')}</label>
          <input id="patient-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
      )}
      {patients.data &&
        (list.length === 0 ? (
          <Empty>{patients.data.length === 0 ? t('patients.none') : t('patients.noMatch')}</Empty>
        ) : (
          <ul className="card-grid">
            {list.map((p) => (
              <li key={p.id} className="card person-card">
                <Avatar name={p.name} src={p.profileImage} size={48} online={presence.get(p.id) ?? null} />
                <div>
                  <h2 className="person-card__name">
                    <Link to={`/patients/${p.id}`}>{p.name}</Link>
                  </h2>
                  <p className="small">
                    <Link to={`/messages/${p.id}`}>{t('patients.message')}</Link>
                  </p>
                </div>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
