import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AppRoutes } from '../../App';
import { browserTimeZone } from '../../lib/time';
import { installFakeServer, jsonResponse, type Recorded } from '../../test/fakeServer';
import { stubRealtime } from '../../test/fakeRealtime';
import { AuthProvider } from './AuthProvider';

describe('Sign up as a patient', () => {
  it("sends the browser's time zone, so times read right from the first page", async () => {
    stubRealtime();
    const { requests } = installFakeServer({
      'POST /api/auth/register': (req: Recorded) => jsonResponse(201, { id: 'p1', role: 'patient', ...(req.body as object) }),
      'GET /api/appointments': { content: [], page: 0, size: 100, totalElements: 0, totalPages: 0 },
      'GET /api/doctors': { content: [], page: 0, size: 12, totalElements: 0, totalPages: 0 },
      'GET /api/doctors/specializations': [],
    });
    const user = userEvent.setup();
    render(
      <AuthProvider initialUser={null}>
        <MemoryRouter initialEntries={['/signup?role=patient']}>
          <AppRoutes />
        </MemoryRouter>
      </AuthProvider>,
    );
    await user.type(await screen.findByLabelText('Name'), 'Pat Doe');
    await user.type(screen.getByLabelText('Email'), 'pat@example.org');
    await user.type(screen.getByLabelText('Password'), 'correct-horse-9');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await expect.poll(() => requests.find((r) => r.method === 'POST' && r.url === '/api/auth/register')).toBeTruthy();
    const body = requests.find((r) => r.url === '/api/auth/register')!.body as { role: string; timeZone?: string };
    expect(body.role).toBe('patient');
    expect(body.timeZone).toBe(browserTimeZone());
  });
});
