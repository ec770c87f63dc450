import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import type { Appointment, Role } from '../../api/types';
import { clockTime, formatDay, formatDayOf, viewerZone, zonesDiffer } from '../../lib/time';
import { Avatar } from '../../ui/Avatar';
import { StatusBadge } from '../../ui/StatusBadge';

/** When an appointment is, in the viewer's zone, plus the doctor's clock when it differs. */
export function AppointmentWhen({ a }: { a: Appointment }) {
  const local = a.startsAt ? `${formatDayOf(a.startsAt)}, ${clockTime(a.startsAt)}–${clockTime(a.endsAt)}` : `${formatDay(a.date)}, ${a.startTime}–${a.endTime}`;
  const differ = a.timeZone && zonesDiffer(viewerZone(), a.timeZone);
  return (
    <p className="appt__when">
      <time dateTime={a.startsAt}>{local}</time>
      {differ && (
        <span className="muted small">
          {' '}
          ({a.startTime}–{a.endTime} {a.timeZone.replace(/_/g, ' ')})
        </span>
      )}
    </p>
  );
}

interface Props {
  appointment: Appointment;
  viewer: Role;
  children?: ReactNode;
  headingLevel?: 'h2' | 'h3';
}

export function AppointmentCard({ appointment: a, viewer, children, headingLevel = 'h3' }: Props) {
  const { t } = useTranslation();
  const other = viewer === 'patient' ? { ...a.doctor, sub: a.doctor.specialization } : { ...a.patient, sub: t('appt.patient') };
  const H = headingLevel;
  return (
    <article className={`card appt appt--${a.status}`} aria-labelledby={`appt-${a.id}`}>
      <div className="appt__head">
        <Avatar name={other.name} src={other.profileImage} size={44} />
        <div className="appt__who">
          <H id={`appt-${a.id}`} className="appt__title">
            {other.name}
          </H>
          <p className="muted small">
            {other.sub} · {a.mode === 'video' ? t('appt.videoConsultation') : t('appt.chatConsultation')}
          </p>
        </div>
        <StatusBadge status={a.status} />
      </div>
      <AppointmentWhen a={a} />
      {a.reason && (
        <p className="appt__reason">
          <span className="muted">{t('appt.reason')}</span> {a.reason}
        </p>
      )}
      {a.comment && (
        <p className="appt__comment">
          <span className="muted">{t('appt.comment')}</span> {a.comment}
        </p>
      )}
      {a.notes && (
        <div className="appt__notes">
          <span className="muted">{t('appt.notes')}</span>
          <p>{a.notes}</p>
        </div>
      )}
      {a.rating != null && (
        <p className="appt__review">
          <span className="muted">{viewer === 'doctor' ? t('appt.patientReview') : t('appt.yourReview')}</span> <span aria-label={t('doctor.outOf5', { rating: a.rating })}>{'★'.repeat(a.rating)}</span>{' '}
          {a.review}
        </p>
      )}
      {children && <div className="appt__actions">{children}</div>}
    </article>
  );
}
