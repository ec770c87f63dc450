import { useTranslation } from '../../i18n/useTranslation';
import { visitApi } from '../../api/endpoints';
import type { DoctorDetail, Slot } from '../../api/types';
import { useAsync } from '../../ui/useAsync';
import { formatInstant } from '../appointment/visit';

/** What patients wrote about the doctor, newest first (first name and initial only). */
export function DoctorReviews({ doctorId }: { doctorId: string }) {
  const { t } = useTranslation();
  const reviews = useAsync(() => visitApi.reviews(doctorId), [doctorId]);
  const items = reviews.data?.content ?? [];
  return (
    <section className="card" aria-labelledby="reviews-title">
      <h2 id="reviews-title">{t('doctor.reviews')}</h2>
      {items.length === 0 ? (
        <p className="muted">{reviews.loading ? t('doctor.loadingReviews') : t('doctor.noWritten')}</p>
      ) : (
        <ul className="stack" aria-label={t('doctor.reviews')}>
          {items.map((r, i) => (
            <li key={`${r.createdAt}-${i}`} className="review">
              <p>
                <span aria-label={t('doctor.outOf5', { rating: r.rating })}>{'★'.repeat(r.rating)}</span> <strong>{r.patient.name}</strong>{' '}
                <span className="muted small">{formatInstant(r.createdAt)}</span>
              </p>
              <blockquote>{r.review}</blockquote>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The practice's rules, said before booking: "free cancellation until …" for the chosen slot. */
export function BookingPolicyNote({ doctor, slot }: { doctor: DoctorDetail; slot: Slot | null }) {
  const { t } = useTranslation();
  const hours = doctor.cancellationWindowHours ?? 24;
  const notice = doctor.minimumNoticeMinutes ?? 120;
  const until = slot ? formatInstant(new Date(Date.parse(slot.startsAt) - hours * 3600_000).toISOString()) : null;
  return (
    <p className="muted small booking-policy">
      {until ? t('doctor.freeUntil', { until }) : t('doctor.freeUntilHours', { count: hours })}
      {notice >= 60 && notice % 60 === 0 ? t('doctor.aheadHours', { count: notice / 60 }) : t('doctor.aheadMinutes', { count: notice })}
    </p>
  );
}
