import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client';
import type { Verification } from '../../api/types';
import { formatInstant } from '../../lib/time';
import { Empty, ErrorBox, Loading, Notice } from '../../ui/Feedback';
import { Field } from '../../ui/Field';
import { Pagination } from '../../ui/Pagination';
import { useAsync } from '../../ui/useAsync';
import { operatorApi, type DoctorForReview } from './operatorApi';

const TABS: { value: Verification; label: string }[] = [
  { value: 'pending', label: 'Awaiting verification' },
  { value: 'verified', label: 'Verified' },
  { value: 'rejected', label: 'Rejected' },
];

/** Doctors awaiting verification (and the ones decided): verify, or reject with a reason the doctor is sent. */
export default function AdminDoctorsPage() {
  const [verification, setVerification] = useState<Verification>('pending');
  const [page, setPage] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useAsync(() => operatorApi.doctors(verification, page), [verification, page]);

  function decided(message: string) {
    setNotice(message);
    list.reload();
  }

  return (
    <section className="page">
      <h1>Doctors to verify</h1>
      <div role="group" aria-label="Show doctors" className="page__head">
        {TABS.map((t) => (
          <button
            key={t.value}
            type="button"
            className={`btn btn--small${t.value === verification ? ' btn--primary' : ''}`}
            aria-pressed={t.value === verification}
            onClick={() => {
              setVerification(t.value);
              setPage(0);
              setNotice(null);
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <Notice>{notice}</Notice>
      {list.loading && !list.data && <Loading />}
      {list.error != null && <ErrorBox onRetry={list.reload}>{errorMessage(list.error)}</ErrorBox>}
      {list.data &&
        (list.data.content.length === 0 ? (
          <Empty>No doctors here.</Empty>
        ) : (
          <ul className="stack">
            {list.data.content.map((d) => (
              <DoctorReview key={d.id} doctor={d} onDecided={decided} />
            ))}
          </ul>
        ))}
      {list.data && <Pagination page={page} totalPages={list.data.totalPages} onChange={setPage} />}
    </section>
  );
}

function DoctorReview({ doctor, onDecided }: { doctor: DoctorForReview; onDecided: (message: string) => void }) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function verify() {
    setBusy(true);
    setError(null);
    try {
      await operatorApi.verify(doctor.id);
      onDecided(`${doctor.name} is verified and now listed.`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function reject(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) {
      setError('Give the doctor a reason.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await operatorApi.reject(doctor.id, reason.trim());
      onDecided(`${doctor.name} is rejected; they have been told why.`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="card" aria-label={doctor.name}>
      <h2>{doctor.name}</h2>
      <dl className="details">
        <dt>Specialization</dt>
        <dd>{doctor.specialization}</dd>
        <dt>Qualification</dt>
        <dd>{doctor.qualification}</dd>
        <dt>Licence number</dt>
        <dd>{doctor.licenseNumber || '—'}</dd>
        <dt>Registered</dt>
        <dd>{doctor.createdAt ? <time dateTime={doctor.createdAt}>{formatInstant(doctor.createdAt)}</time> : '—'}</dd>
        {doctor.rejectionReason && (
          <>
            <dt>Rejected because</dt>
            <dd>{doctor.rejectionReason}</dd>
          </>
        )}
      </dl>
      <ErrorBox>{error}</ErrorBox>
      {doctor.verification !== 'verified' && (
        <button type="button" className="btn btn--primary" disabled={busy} onClick={verify}>
          Verify {doctor.name}
        </button>
      )}
      {doctor.verification === 'pending' &&
        (rejecting ? (
          <form className="form" onSubmit={reject} aria-busy={busy}>
            <Field label={`Reason for rejecting ${doctor.name}`}>
              {(p) => <textarea {...p} value={reason} onChange={(e) => setReason(e.target.value)} required />}
            </Field>
            <button type="submit" className="btn" disabled={busy}>
              Reject {doctor.name}
            </button>
          </form>
        ) : (
          <button type="button" className="btn" disabled={busy} onClick={() => setRejecting(true)}>
            Reject…
          </button>
        ))}
    </li>
  );
}
