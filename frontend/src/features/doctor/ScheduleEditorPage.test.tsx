import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DoctorUser } from '../../api/types';
import { installFakeServer, jsonResponse, problem } from '../../test/fakeServer';
import { AuthProvider } from '../auth/AuthProvider';
import ScheduleEditorPage from './ScheduleEditorPage';
import { stubRealtime } from '../../test/fakeRealtime';

const doctor: DoctorUser = {
  id: 'd1',
  role: 'doctor',
  name: 'Dr Ada',
  email: 'ada@example.org',
  specialization: 'Cardiology',
  qualification: 'MD',
  experience: 9,
  timeZone: 'Europe/Berlin',
};

const detail = {
  ...doctor,
  rating: { average: 0, count: 0 },
  schedule: [
    {
      day: 'WEDNESDAY',
      slots: [
        { slotNumber: 1, startTime: '09:00', endTime: '09:30', isAvailable: true },
        { slotNumber: 2, startTime: '09:30', endTime: '10:00', isAvailable: true },
      ],
    },
  ],
};

function renderEditor() {
  return render(
    <AuthProvider initialUser={doctor}>
      <MemoryRouter>
        <ScheduleEditorPage />
      </MemoryRouter>
    </AuthProvider>,
  );
}

describe('ScheduleEditorPage', () => {
  beforeEach(() => {
    stubRealtime();
  });

  it('saves the week as the contract’s schedule array', async () => {
    const { requests } = installFakeServer({
      'GET /api/doctors/d1': detail,
      'PUT /api/doctors/me/schedule': () => jsonResponse(200, detail.schedule),
    });
    const user = userEvent.setup();
    renderEditor();

    await user.click(await screen.findByRole('checkbox', { name: 'Open on Monday' }));
    const mondaySlot = screen.getByRole('listitem', { name: 'Monday slot 1' });
    await user.click(within(mondaySlot).getByRole('checkbox', { name: /Bookable/ }));
    await user.click(screen.getByRole('button', { name: 'Save schedule' }));

    const saved = await screen.findByText(/Schedule saved/);
    // said beside the Save button, not at the far end of the page
    expect(saved.closest('.sticky-actions')).toBe(screen.getByRole('button', { name: 'Save schedule' }).closest('.sticky-actions'));
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(put.body).toEqual([
      { day: 'MONDAY', slots: [{ slotNumber: 1, startTime: '09:00', endTime: '09:30', isAvailable: false }] },
      detail.schedule[0],
    ]);
  });

  it('shows a 400’s errors at the slot their index path names', async () => {
    installFakeServer({
      'GET /api/doctors/d1': detail,
      'PUT /api/doctors/me/schedule': () =>
        problem(400, 'Bad Request', 'Invalid schedule', [
          { field: 'schedule[0].slots[1].endTime', message: 'overlaps slot 1' },
          { field: 'something', message: 'is odd' },
        ]),
    });
    const user = userEvent.setup();
    renderEditor();

    await user.click(await screen.findByRole('button', { name: 'Save schedule' }));

    const second = screen.getByRole('listitem', { name: 'Wednesday slot 2' });
    expect(await within(second).findByText('End: overlaps slot 1')).toBeInTheDocument();
    expect(within(second).getByLabelText(/End/)).toHaveAttribute('aria-invalid', 'true');
    // focus goes to the first slot that needs fixing
    expect(document.activeElement).toHaveAttribute('aria-invalid', 'true');
    expect(second.contains(document.activeElement)).toBe(true);
    expect(within(screen.getByRole('listitem', { name: 'Wednesday slot 1' })).queryByText(/overlaps/)).toBeNull();
    expect(screen.getByRole('alert')).toHaveTextContent('is odd');
    expect(screen.getByRole('alert').closest('.sticky-actions')).not.toBeNull();
  });
});
