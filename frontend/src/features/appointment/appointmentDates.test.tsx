import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Appointment } from '../../api/types';
import { formatDay, setDisplayZone } from '../../lib/time';
import { AppointmentWhen } from './AppointmentCard';
import { toastText } from './appointmentsLive';

// Berlin Mon 7 Dec 16:00 is Tokyo Tue 8 Dec 00:00
const appt = {
  id: 'a1',
  date: '2026-12-07',
  startTime: '16:00',
  endTime: '16:30',
  startsAt: '2026-12-07T15:00:00Z',
  endsAt: '2026-12-07T15:30:00Z',
  timeZone: 'Europe/Berlin',
} as Appointment;

describe('appointment dates', () => {
  afterEach(() => setDisplayZone(null));

  it('shows the day of the instant in the viewer zone, with the doctor clock beside it', () => {
    setDisplayZone('Asia/Tokyo');
    render(<AppointmentWhen a={appt} />);
    expect(screen.getByText(`${formatDay('2026-12-08')}, 00:00–00:30`)).toBeInTheDocument();
    expect(screen.getByText(/16:00–16:30 Europe\/Berlin/)).toBeInTheDocument();
  });

  it('asks a doctor to answer a new request instead of telling them it waits for confirmation', () => {
    expect(toastText('doctor', 'pending', 'Pat', 'Tue at 09:00')).toBe('New request from Pat for Tue at 09:00: accept or decline it.');
    expect(toastText('patient', 'pending', 'Dr Ada', 'Tue at 09:00')).toBe('Appointment with Dr Ada on Tue at 09:00 is waiting for confirmation.');
  });
});
