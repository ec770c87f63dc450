import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PatientUser } from '../../api/types';
import { clockTime } from '../../lib/time';
import { installFakeServer, jsonResponse, problem, type Recorded } from '../../test/fakeServer';
import { AuthProvider } from '../auth/AuthProvider';
import { DoctorPage } from './DoctorPage';
import { stubRealtime } from '../../test/fakeRealtime';

const patient: PatientUser = { id: 'p1', role: 'patient', name: 'Pat', email: 'pat@example.org' };
const doctor = {
  id: 'd1',
  name: 'Dr Ada',
  specialization: 'Cardiology',
  qualification: 'MD',
  experience: 9,
  about: 'Hearts.',
  timeZone: 'UTC',
  rating: { average: 4.5, count: 2 },
  schedule: [],
};
const slots = [
  { slotNumber: 1, startTime: '09:00', endTime: '09:30', startsAt: '2099-01-05T09:00:00Z', endsAt: '2099-01-05T09:30:00Z', available: false },
  { slotNumber: 2, startTime: '09:30', endTime: '10:00', startsAt: '2099-01-05T09:30:00Z', endsAt: '2099-01-05T10:00:00Z', available: true },
];

function renderPage() {
  return render(
    <AuthProvider initialUser={patient}>
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
    stubRealtime();
  });

  it('picks a slot by its local time, books it and shows it pending', async () => {
    const { requests } = installFakeServer({
      'GET /api/doctors/d1': doctor,
      'GET /api/doctors/d1/slots': slots,
      'POST /api/appointments': (req: Recorded) =>
        jsonResponse(201, {
          id: 'a1',
          doctor: { id: 'd1', name: 'Dr Ada', specialization: 'Cardiology' },
          patient: { id: 'p1', name: 'Pat' },
          ...(req.body as object),
          endTime: '10:00',
          startsAt: slots[1].startsAt,
          endsAt: slots[1].endsAt,
          timeZone: 'UTC',
          status: 'pending',
          createdAt: '2098-12-01T00:00:00Z',
          updatedAt: '2098-12-01T00:00:00Z',
        }),
    });
    const user = userEvent.setup();
    renderPage();

    const taken = await screen.findByRole('button', { name: clockTime(slots[0].startsAt) });
    expect(taken).toBeDisabled();
    const book = screen.getByRole('button', { name: 'Book' });
    expect(book).toBeDisabled();

    await user.click(screen.getByRole('button', { name: clockTime(slots[1].startsAt) }));
    await user.type(screen.getByLabelText('Reason for visit'), 'Chest pain when running');
    await user.click(screen.getByRole('radio', { name: 'Chat' }));
    await user.click(book);

    expect(await screen.findByText('Pending')).toBeInTheDocument();
    const post = requests.find((r) => r.method === 'POST' && r.url === '/api/appointments')!;
    expect(post.body).toMatchObject({ doctorId: 'd1', startTime: '09:30', mode: 'chat', reason: 'Chest pain when running' });
    expect((post.body as { date: string }).date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('explains a taken slot (409) and reloads the slots', async () => {
    const { requests } = installFakeServer({
      'GET /api/doctors/d1': doctor,
      'GET /api/doctors/d1/slots': slots,
      'POST /api/appointments': () => problem(409, 'Conflict', 'Slot already booked'),
    });
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: clockTime(slots[1].startsAt) }));
    await user.type(screen.getByLabelText('Reason for visit'), 'Checkup');
    await user.click(screen.getByRole('button', { name: 'Book' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Someone has just booked that slot');
    expect(requests.filter((r) => r.url.startsWith('/api/doctors/d1/slots')).length).toBeGreaterThanOrEqual(2);
  });
});
