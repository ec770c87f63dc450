import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppRoutes } from '../../App';
import type { User } from '../../api/types';
import { installFakeServer, jsonResponse, problem } from '../../test/fakeServer';
import { stubRealtime } from '../../test/fakeRealtime';
import { AuthProvider } from './AuthProvider';

const patient = { id: 'p1', role: 'patient', name: 'Pat Leaving', email: 'pat@example.org', timeZone: 'UTC' } as User;

function renderAccount(user: User = patient) {
  return render(
    <AuthProvider initialUser={user}>
      <MemoryRouter initialEntries={['/account']}>
        <AppRoutes />
      </MemoryRouter>
    </AuthProvider>,
  );
}

describe('Account page', () => {
  beforeEach(() => {
    stubRealtime();
  });

  it('offers the data export as a download', async () => {
    installFakeServer({ 'GET /api/auth/two-factor': { enabled: false, recoveryCodesLeft: 0, required: false } });
    renderAccount();

    const link = await screen.findByRole('link', { name: 'Download my data' }, { timeout: 5000 });
    expect(link).toHaveAttribute('href', '/api/auth/me/export');
    expect(link).toHaveAttribute('download');
  });

  it('deletes the account only after the password and a confirmation, then shows sign-in', async () => {
    const { requests } = installFakeServer({
      'GET /api/auth/two-factor': { enabled: false, recoveryCodesLeft: 0, required: false },
      'DELETE /api/auth/me': () => jsonResponse(204, undefined),
    });
    const user = userEvent.setup();
    renderAccount();

    await screen.findByRole('heading', { name: 'Delete account' }, { timeout: 5000 });
    const form = screen.getByRole('form', { name: 'Delete account' });
    await user.type(form.querySelector('input[type=password]') as HTMLInputElement, 'correct-horse-9');
    await user.click(screen.getByRole('button', { name: 'Delete my account' }));
    expect(requests.some((r) => r.method === 'DELETE')).toBe(false);
    expect(screen.getByRole('alertdialog')).toHaveTextContent('cannot be undone');

    await user.click(screen.getByRole('button', { name: 'Delete permanently' }));

    expect(await screen.findByText(/Your account is deleted/, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'DELETE')?.body).toEqual({ password: 'correct-horse-9' });
  });

  it('shows a wrong password next to the field and keeps the account', async () => {
    installFakeServer({
      'GET /api/auth/two-factor': { enabled: false, recoveryCodesLeft: 0, required: false },
      'DELETE /api/auth/me': () =>
        problem(400, 'Invalid request', 'password: is not your password', [{ field: 'password', message: 'is not your password' }]),
    });
    const user = userEvent.setup();
    renderAccount();

    await screen.findByRole('heading', { name: 'Delete account' }, { timeout: 5000 });
    const form = screen.getByRole('form', { name: 'Delete account' });
    await user.type(form.querySelector('input[type=password]') as HTMLInputElement, 'wrong-horse-9');
    await user.click(screen.getByRole('button', { name: 'Delete my account' }));
    await user.click(screen.getByRole('button', { name: 'Delete permanently' }));

    expect(await screen.findByText(/not your password/i)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Account' })).toBeInTheDocument();
  });

  it('offers no deletion to an operator', async () => {
    installFakeServer({ 'GET /api/auth/two-factor': { enabled: false, recoveryCodesLeft: 0, required: false } });
    renderAccount({ id: 'o1', role: 'operator', name: 'Olivia', email: 'op@example.org' } as User);

    await screen.findByRole('link', { name: 'Download my data' }, { timeout: 5000 });
    expect(screen.queryByRole('heading', { name: 'Delete account' })).toBeNull();
  });
});
