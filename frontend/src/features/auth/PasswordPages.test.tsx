import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppRoutes } from '../../App';
import { installFakeServer, jsonResponse, problem } from '../../test/fakeServer';
import { stubRealtime } from '../../test/fakeRealtime';
import { AuthProvider } from './AuthProvider';

function renderAt(path: string) {
  return render(
    <AuthProvider initialUser={null}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </AuthProvider>,
  );
}

describe('Password recovery', () => {
  beforeEach(() => {
    stubRealtime();
  });

  it('is reached from the sign-in page and asks for a reset link without telling whether the e-mail exists', async () => {
    const { requests } = installFakeServer({ 'POST /api/auth/password-reset': () => jsonResponse(202, undefined) });
    const user = userEvent.setup();
    renderAt('/signin');

    await user.click(screen.getByRole('link', { name: 'Forgot password?' }));
    await screen.findByRole('heading', { name: 'Forgot password' }, { timeout: 5000 });
    await user.type(screen.getByLabelText('Email'), 'ann@example.org');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));

    expect(await screen.findByText(/If an account uses ann@example.org/, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(requests.find((r) => r.url === '/api/auth/password-reset')?.body).toEqual({ email: 'ann@example.org' });
  });

  it('sets the new password with the token from the link', async () => {
    const { requests } = installFakeServer({ 'POST /api/auth/password-reset/confirm': () => jsonResponse(204, undefined) });
    const user = userEvent.setup();
    renderAt('/reset-password?token=abc123');

    await user.type(await screen.findByLabelText('New password', {}, { timeout: 5000 }), 'new-horse-42');
    await user.type(screen.getByLabelText('Repeat the new password'), 'new-horse-42');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));

    expect(await screen.findByText(/Your password is changed/)).toBeInTheDocument();
    expect(requests.find((r) => r.url === '/api/auth/password-reset/confirm')?.body).toEqual({
      token: 'abc123',
      password: 'new-horse-42',
    });
  });

  it('shows a used or expired link as the server says and offers a new one', async () => {
    installFakeServer({
      'POST /api/auth/password-reset/confirm': () =>
        problem(400, 'Invalid request', 'token: expired', [{ field: 'token', message: 'This reset link is unknown, already used or expired; ask for a new one' }]),
    });
    const user = userEvent.setup();
    renderAt('/reset-password?token=old');

    await user.type(await screen.findByLabelText('New password', {}, { timeout: 5000 }), 'new-horse-42');
    await user.type(screen.getByLabelText('Repeat the new password'), 'new-horse-42');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('already used or expired');
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toBeInTheDocument();
  });
});
