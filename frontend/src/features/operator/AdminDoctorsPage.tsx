import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { errorMessage } from '../../api/client';
import type { Verification } from '../../api/types';
import { formatInstant } from '../../lib/time';
import { Empty, ErrorBox, Loading, Notice } from '../../ui/Feedback';
import { Field } from '../../ui/Field';
import { useFocusFirstInvalid } from '../../ui/focusFirstInvalid';
import { Pagination } from '../../ui/Pagination';
import { useAsync } from '../../ui/useAsync';
import { operatorApi, type DoctorForReview } from './operatorApi';

const TABS: Verification[] = ['pending', 'verified', 'rejected'];

/** Doctors awaiting verification (and the ones decided): verify, or reject with a reason the doctor is sent. */
export default function AdminDoctorsPage() {
  const { t } = useTranslation();
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
      <h1>{t('operator.doctorsTitle')}</h1>
      <div role="group" aria-label={t('operator.show')} className="page__head">
        {TABS.map((tab) => (
          <button
            key={tab}
            type="button"
            className={`btn btn--small${tab === verification ? ' btn--primary' : ''}`}
            aria-pressed={tab === verification}
            onClick={() => {
              setVerification(tab);
              setPage(0);
              setNotice(null);
            }}
          >
            {t(`operator.tab_${tab}`)}
          </button>
        ))}
      </div>
      <Notice>{notice}</Notice>
      {list.loading && !list.data && <Loading />}
      {list.error != null && <ErrorBox onRetry={list.reload}>{errorMessage(list.error)}</ErrorBox>}
      {list.data &&
        (list.data.content.length === 0 ? (
          <Empty>{t('operator.noDoctors')}</Empty>
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
  const { t } = useTranslation();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reasonError, setReasonError] = useState<{ reason: string } | null>(null);
  const rejectForm = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(rejectForm, reasonError);

  async function verify() {
    setBusy(true);
    setError(null);
    try {
      await operatorApi.verify(doctor.id);
      onDecided(t('operator.verified', { name: doctor.name }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function reject(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) {
      setReasonError({ reason: t('operator.giveReason') });
      return;
    }
    setReasonError(null);
    setBusy(true);
    setError(null);
    try {
      await operatorApi.reject(doctor.id, reason.trim());
      onDecided(t('operator.rejected', { name: doctor.name }));
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
        <dt>{t('auth.specialization')}</dt>
        <dd>{doctor.specialization}</dd>
        <dt>{t('auth.qualification')}</dt>
        <dd>{doctor.qualification}</dd>
        <dt>{t('auth.licence')}</dt>
        <dd>{doctor.licenseNumber || '—'}</dd>
        <dt>{t('operator.registered')}</dt>
        <dd>{doctor.createdAt ? <time dateTime={doctor.createdAt}>{formatInstant(doctor.createdAt)}</time> : '—'}</dd>
        {doctor.rejectionReason && (
          <>
            <dt>{t('operator.rejectedBecause')}</dt>
            <dd>{doctor.rejectionReason}</dd>
          </>
        )}
      </dl>
      <ErrorBox>{error}</ErrorBox>
      {doctor.verification !== 'verified' && (
        <button type="button" className="btn btn--primary" disabled={busy} onClick={verify}>
          {t('operator.verify', { name: doctor.name })}
        </button>
      )}
      {doctor.verification === 'pending' &&
        (rejecting ? (
          <form ref={rejectForm} className="form" onSubmit={reject} aria-busy={busy} noValidate>
            <Field label={t('operator.reasonFor', { name: doctor.name })} error={reasonError?.reason}>
              {(p) => <textarea {...p} value={reason} onChange={(e) => setReason(e.target.value)} required />}
            </Field>
            <button type="submit" className="btn" disabled={busy}>
              {t('operator.reject', { name: doctor.name })}
            </button>
          </form>
        ) : (
          <button type="button" className="btn" disabled={busy} onClick={() => setRejecting(true)}>
            {t('operator.rejectDots')}
          </button>
        ))}
    </li>
  );
}
