import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PatientUser, Slot } from '../../api/types';
import { formatDay } from '../../lib/time';
import { installFakeServer, jsonResponse, problem, type Recorded } from '../../test/fakeServer';
import { AuthProvider } from '../auth/AuthProvider';
import { DoctorPage } from './DoctorPage';
import { stubRealtime } from '../../test/fakeRealtime';
import { realtime } from '../../realtime/realtimeClient';
import type { Appointment } from '../../api/types';

// "Now" is Monday 30 Nov 2026, 12:00 UTC, for every test here.
const NOW = new Date('2026-11-30T12:00:00Z');

const patient = (timeZone: string): PatientUser => ({ id: 'p1', role: 'patient', name: 'Pat', email: 'pat@example.org', timeZone });
const doctor = (timeZone: string) => ({
  id: 'd1',
  name: 'Dr Ada',
  specialization: 'Cardiology',
  qualification: 'MD',
  experience: 9,
  about: 'Hearts.',
  timeZone,
  rating: { average: 4.5, count: 2 },
  schedule: [
    {
      day: 'MONDAY',
      slots: [
        { slotNumber: 1, startTime: '09:00', endTime: '09:30', isAvailable: true },
        { slotNumber: 2, startTime: '09:30', endTime: '10:00', isAvailable: true },
      ],
    },
  ],
});

function slot(n: number, startsAt: string, startTime: string, available = true): Slot {
  const end = new Date(new Date(startsAt).getTime() + 30 * 60_000).toISOString();
  return { slotNumber: n, startTime, endTime: '', startsAt, endsAt: end, available };
}

/** Slots by the doctor's date, as GET /api/doctors/{id}/slots?date= answers. */
function slotsByDate(byDate: Record<string, Slot[]>) {
  return (req: Recorded) => jsonResponse(200, byDate[new URL(req.url, 'http://x').searchParams.get('date') ?? ''] ?? []);
}

function booked(req: Recorded, s: Slot) {
  return jsonResponse(201, {
    id: 'a1',
    doctor: { id: 'd1', name: 'Dr Ada', specialization: 'Cardiology' },
    patient: { id: 'p1', name: 'Pat' },
    ...(req.body as object),
    endTime: '',
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    timeZone: 'Europe/Berlin',
    status: 'pending',
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  });
}

function renderPage(user: PatientUser) {
  return render(
    <AuthProvider initialUser={user}>
      <MemoryRouter initialEntries={['/doctors/d1']}>
        <Routes>
          <Route path="/doctors/:id" element={<DoctorPage />} />
        </Routes>
      </MemoryRouter>
    </AuthProvider>,
  );
}

describe('DoctorPage booking', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    stubRealtime();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows a slot under the day it falls on in the patient zone, and says that day everywhere (Tokyo patient, Berlin doctor)', async () => {
    // Berlin Mon 7 Dec 16:00 is Tokyo Tue 8 Dec 00:00
    const midnight = slot(1, '2026-12-07T15:00:00Z', '16:00');
    const { requests } = installFakeServer({
      'GET /api/doctors/d1': doctor('Europe/Berlin'),
      'GET /api/doctors/d1/slots': slotsByDate({ '2026-12-07': [midnight] }),
      'POST /api/appointments': (req: Recorded) => booked(req, midnight),
    });
    const user = userEvent.setup();
    renderPage(patient('Asia/Tokyo'));

    // next available: the week opens on the first day with a free slot, in Tokyo's calendar
    const tuesday = formatDay('2026-12-08');
    expect(await screen.findByRole('heading', { name: tuesday })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: `${tuesday}: 1 free time` })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: `${formatDay('2026-12-07')}: no free times` })).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: '00:00' }));
    expect(screen.getByText(`Selected: ${tuesday} at 00:00`)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Reason for visit'), 'Checkup');
    await user.click(screen.getByRole('button', { name: 'Book' }));

    expect(await screen.findByText(`Request sent for ${tuesday} at 00:00.`, { exact: false })).toBeInTheDocument();
    const post = requests.find((r) => r.method === 'POST' && r.url === '/api/appointments')!;
    // the booking names the doctor's own day and clock time
    expect(post.body).toMatchObject({ doctorId: 'd1', date: '2026-12-07', startTime: '16:00' });

    // the doctor declines: the confirmation stops saying "Pending"
    act(() => realtime.emit('appointments', { ...(post.body as object), id: 'a1', doctor: { id: 'd1', name: 'Dr Ada' }, patient: { id: 'p1', name: 'Pat' }, startsAt: midnight.startsAt, endsAt: midnight.endsAt, timeZone: 'Europe/Berlin', status: 'rejected' } as Appointment));
    expect(await screen.findByText('Declined')).toBeInTheDocument();
    expect(screen.queryByText('Pending')).not.toBeInTheDocument();
  });

  it('reads the patient profile zone rather than the browser one', async () => {
    const nine = slot(1, '2026-12-01T08:00:00Z', '09:00');
    installFakeServer({
      'GET /api/doctors/d1': doctor('Europe/Berlin'),
      'GET /api/doctors/d1/slots': slotsByDate({ '2026-12-01': [nine] }),
    });
    renderPage(patient('America/New_York'));
    // 08:00 UTC is 03:00 in New York
    expect(await screen.findByRole('radio', { name: '03:00' })).toBeInTheDocument();
    expect(screen.getByText(/Times are in your time zone \(America\/New York\)/)).toBeInTheDocument();
  });

  it('groups a day into morning and afternoon, each one tab stop that the arrow keys move through', async () => {
    const day = [
      slot(1, '2026-12-01T09:00:00Z', '09:00', false),
      slot(2, '2026-12-01T09:30:00Z', '09:30'),
      slot(3, '2026-12-01T10:00:00Z', '10:00'),
      slot(4, '2026-12-01T14:00:00Z', '14:00'),
    ];
    installFakeServer({
      'GET /api/doctors/d1': doctor('UTC'),
      'GET /api/doctors/d1/slots': slotsByDate({ '2026-12-01': day }),
    });
    renderPage(patient('UTC'));

    const morning = await screen.findByRole('radiogroup', { name: 'Morning' });
    const afternoon = screen.getByRole('radiogroup', { name: 'Afternoon' });
    const tabStops = (g: HTMLElement) => within(g).getAllByRole('radio').filter((r) => r.tabIndex === 0);
    expect(tabStops(morning).map((r) => r.textContent)).toEqual(['09:30']);
    expect(tabStops(afternoon).map((r) => r.textContent)).toEqual(['14:00']);
    expect(within(morning).getByRole('radio', { name: '09:00' })).toBeDisabled();

    const first = within(morning).getByRole('radio', { name: '09:30' });
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    const ten = within(morning).getByRole('radio', { name: '10:00' });
    expect(ten).toHaveFocus();
    expect(ten).toHaveAttribute('aria-checked', 'true');
    expect(tabStops(morning)).toEqual([ten]);
    // wraps round, skipping the taken 09:00
    fireEvent.keyDown(ten, { key: 'ArrowRight' });
    expect(first).toHaveFocus();
  });

  it('explains a taken slot (409) and reloads the slots', async () => {
    const s = slot(2, '2026-12-01T09:30:00Z', '09:30');
    const { requests } = installFakeServer({
      'GET /api/doctors/d1': doctor('UTC'),
      'GET /api/doctors/d1/slots': slotsByDate({ '2026-12-01': [s] }),
      'POST /api/appointments': () => problem(409, 'Conflict', 'Slot already booked'),
    });
    const user = userEvent.setup();
    renderPage(patient('UTC'));
    await user.click(await screen.findByRole('radio', { name: '09:30' }));
    await user.type(screen.getByLabelText('Reason for visit'), 'Checkup');
    const before = requests.filter((r) => r.url.startsWith('/api/doctors/d1/slots')).length;
    await user.click(screen.getByRole('button', { name: 'Book' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Someone has just booked that slot');
    await screen.findByRole('radio', { name: '09:30' });
    expect(requests.filter((r) => r.url.startsWith('/api/doctors/d1/slots')).length).toBeGreaterThan(before);
  });

  it('collapses the weekly hours behind a disclosure on a phone and merges back-to-back slots', async () => {
    vi.stubGlobal('matchMedia', (q: string) => ({ matches: false, media: q, addEventListener() {}, removeEventListener() {} }));
    installFakeServer({ 'GET /api/doctors/d1': doctor('UTC'), 'GET /api/doctors/d1/slots': [] });
    renderPage(patient('UTC'));
    const summary = await screen.findByText('Weekly hours', { selector: 'h2' });
    const details = summary.closest('details')!;
    expect(details.open).toBe(false);
    expect(within(details).getByText('09:00–10:00')).toBeInTheDocument();
  });
});
