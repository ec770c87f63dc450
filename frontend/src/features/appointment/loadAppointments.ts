import { appointmentsApi } from '../../api/endpoints';
import type { Appointment } from '../../api/types';

/** All of the caller's appointments (a few pages at most), by start time. */
export async function loadAllAppointments(maxPages = 5): Promise<Appointment[]> {
  const first = await appointmentsApi.list({ page: 0, size: 100 });
  const all = [...first.content];
  for (let p = 1; p < Math.min(first.totalPages, maxPages); p++) {
    all.push(...(await appointmentsApi.list({ page: p, size: 100 })).content);
  }
  return all.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}
