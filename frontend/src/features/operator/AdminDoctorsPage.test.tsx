import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppRoutes } from '../../App';
import { installFakeServer, jsonResponse } from '../../test/fakeServer';
import { stubRealtime } from '../../test/fakeRealtime';
import { AuthProvider } from '../auth/AuthProvider';

const pendingDoctor = {
  id: 'd1',
  name: 'Dr Nia Pending',
  email: 'nia@example.org',
  specialization: 'Neurology',
  qualification: 'MD',
  experience: 4,
  licenseNumber: 'LIC-1',
  verification: 'pending',
  createdAt: '2026-11-30T10:00:00Z',
};

describe('Doctors to verify', () => {
  beforeEach(() => {
    stubRealtime();
  });

  it('rejects a pending doctor with the reason the operator typed', async () => {
    const { requests } = installFakeServer({
      'GET /api/auth/two-factor': { enabled: true, recoveryCodesLeft: 10, required: true },
      'GET /api/admin/doctors': () => jsonResponse(200, { content: [pendingDoctor], page: 0, size: 20, totalElements: 1, totalPages: 1 }),
      'POST /api/admin/doctors/d1/reject': () => jsonResponse(200, { ...pendingDoctor, verification: 'rejected' }),
    });
    const user = userEvent.setup();
    render(
      <AuthProvider initialUser={{ id: 'o1', role: 'operator', name: 'Olivia', email: 'op@example.org' }}>
        <MemoryRouter initialEntries={['/admin/doctors']}>
          <AppRoutes />
        </MemoryRouter>
      </AuthProvider>,
    );

    const card = await screen.findByRole('listitem', { name: 'Dr Nia Pending' }, { timeout: 5000 });
    expect(within(card).getByText('LIC-1')).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Reject…' }));
    await user.type(within(card).getByLabelText('Reason for rejecting Dr Nia Pending'), 'Licence not found');
    await user.click(within(card).getByRole('button', { name: 'Reject Dr Nia Pending' }));

    expect(await screen.findByText('Dr Nia Pending is rejected; they have been told why.')).toBeInTheDocument();
    expect(requests.find((r) => r.url === '/api/admin/doctors/d1/reject')?.body).toEqual({ reason: 'Licence not found' });
  });
});
