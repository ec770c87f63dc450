import { useTranslation } from '../i18n/useTranslation';
import type { AppointmentStatus } from '../api/types';

export function StatusBadge({ status }: { status: AppointmentStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge--${status}`}>{t(`common.status_${status}`, { defaultValue: status })}</span>;
}
