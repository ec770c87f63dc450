import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { PatientUser } from '../../api/types';
import { installFakeServer } from '../../test/fakeServer';
import { stubRealtime } from '../../test/fakeRealtime';
import { AuthProvider } from '../auth/AuthProvider';
import MyAppointmentsPage from './MyAppointmentsPage';

const me: PatientUser = { id: 'p1', role: 'patient', name: 'Pat', email: 'pat@example.org', timeZone: 'UTC' };
const completed = {
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
  createdAt: '2026-10-01T09:00:00Z',
  updatedAt: '2026-11-01T09:30:00Z',
};

describe('ReviewForm', () => {
  it('drops "Choose 1 to 5 stars" as soon as a star is chosen', async () => {
    stubRealtime();
    installFakeServer({ 'GET /api/appointments': { content: [completed], page: 0, size: 100, totalElements: 1, totalPages: 1 } });
    const user = userEvent.setup();
    render(
      <AuthProvider initialUser={me}>
        <MemoryRouter>
          <MyAppointmentsPage />
        </MemoryRouter>
      </AuthProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Write a review' }));
    await user.click(screen.getByRole('button', { name: 'Submit review' }));
    expect(screen.getByText('Choose 1 to 5 stars.')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: '4 stars' }));
    expect(screen.queryByText('Choose 1 to 5 stars.')).not.toBeInTheDocument();
  });

  it('moves focus to the stars when none is chosen, and to the reason when a cancellation has none', async () => {
    stubRealtime();
    const upcoming = {
      ...completed,
      id: 'a2',
      mode: 'chat',
      status: 'scheduled',
      startsAt: '2099-11-01T09:00:00Z',
      endsAt: '2099-11-01T09:30:00Z',
      date: '2099-11-01',
    };
    installFakeServer({ 'GET /api/appointments': { content: [completed, upcoming], page: 0, size: 100, totalElements: 2, totalPages: 1 } });
    const user = userEvent.setup();
    render(
      <AuthProvider initialUser={me}>
        <MemoryRouter>
          <MyAppointmentsPage />
        </MemoryRouter>
      </AuthProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Write a review' }));
    await user.click(screen.getByRole('button', { name: 'Submit review' }));
    expect(screen.getByRole('radio', { name: '1 star' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Cancel appointment' }));
    await user.click(screen.getByRole('button', { name: 'Yes, cancel it' }));
    expect(screen.getByLabelText('Reason for cancelling')).toHaveFocus();
    expect(screen.getByText('Please give a reason; Dr Ada will see it.')).toBeInTheDocument();
  });
});
