import type { AppointmentStatus } from '../api/types';

const LABELS: Record<AppointmentStatus, string> = {
  pending: 'Pending',
  scheduled: 'Confirmed',
  rejected: 'Declined',
  cancelled: 'Cancelled',
  completed: 'Completed',
  expired: 'Expired',
};

export function StatusBadge({ status }: { status: AppointmentStatus }) {
  return <span className={`badge badge--${status}`}>{LABELS[status] ?? status}</span>;
}
