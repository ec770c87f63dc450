import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Appointment, DoctorUser } from '../../api/types';
import { installFakeServer } from '../../test/fakeServer';
import { stubRealtime } from '../../test/fakeRealtime';
import { AppointmentCard } from '../appointment/AppointmentCard';
import { AuthProvider } from '../auth/AuthProvider';
import { conversationsStore } from '../messaging/conversationsStore';
import MessagesPage from '../messaging/MessagesPage';
import MyPatientsPage from './MyPatientsPage';

const me: DoctorUser = {
  id: 'd1',
  role: 'doctor',
  name: 'Dr Ada',
  email: 'ada@example.org',
  specialization: 'Cardiology',
  qualification: 'MD',
  experience: 9,
  timeZone: 'UTC',
};
const patient = (n: number) => ({ id: `p${n}`, name: `Patient ${String(n).padStart(2, '0')}` });

describe('the doctor side', () => {
  beforeEach(() => stubRealtime());

  it('lists every connected patient, not only the first page', async () => {
    installFakeServer({
      'GET /api/doctors/me/patients': (req) => {
        const page = Number(new URL(req.url, 'http://x').searchParams.get('page') ?? 0);
        const all = Array.from({ length: 130 }, (_, i) => patient(i + 1));
        return new Response(
          JSON.stringify({ content: all.slice(page * 100, page * 100 + 100), page, size: 100, totalElements: 130, totalPages: 2 }),
          { headers: { 'Content-Type': 'application/json' } },
        );
      },
    });
    render(
      <MemoryRouter>
        <MyPatientsPage />
      </MemoryRouter>,
    );
    expect(await screen.findByRole('link', { name: 'Patient 130' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Patient 01' })).toBeInTheDocument();
  });

  it('shows a booked patient on Messages before anyone has written', async () => {
    installFakeServer({
      'GET /api/messages/conversations': [],
      'GET /api/doctors/me/patients': { content: [patient(7)], page: 0, size: 100, totalElements: 1, totalPages: 1 },
    });
    await conversationsStore.load();
    render(
      <AuthProvider initialUser={me}>
        <MemoryRouter>
          <MessagesPage />
        </MemoryRouter>
      </AuthProvider>,
    );
    const link = await screen.findByRole('link', { name: /Patient 07/ });
    expect(link).toHaveAttribute('href', '/messages/p7');
    expect(screen.queryByText(/Patients who book with you appear here/)).not.toBeInTheDocument();
  });

  it("calls a patient's review the patient's, not the doctor's own", () => {
    const a = {
      id: 'a1',
      doctor: { id: 'd1', name: 'Dr Ada', specialization: 'Cardiology' },
      patient: { id: 'p1', name: 'Pat' },
      date: '2026-11-01',
      startTime: '09:00',
      endTime: '09:30',
      startsAt: '2026-11-01T09:00:00Z',
      endsAt: '2026-11-01T09:30:00Z',
      timeZone: 'UTC',
      status: 'completed',
      mode: 'video',
      rating: 5,
      review: 'Very kind.',
    } as Appointment;
    render(<AppointmentCard appointment={a} viewer="doctor" />);
    expect(screen.getByText('The patient’s review:')).toBeInTheDocument();
    expect(screen.queryByText('Your review:')).not.toBeInTheDocument();
  });
});
