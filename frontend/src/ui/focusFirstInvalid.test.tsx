import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppRoutes } from '../App';
import { AuthProvider } from '../features/auth/AuthProvider';
import type { User } from '../api/types';
import { installFakeServer } from '../test/fakeServer';
import { stubRealtime } from '../test/fakeRealtime';

const patient: User = { id: 'p1', role: 'patient', name: 'Lea Kraus', email: 'lea@example.org', timeZone: 'Europe/Berlin' } as User;

function renderAt(path: string, user: User | null = null) {
  return render(
    <AuthProvider initialUser={user}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </AuthProvider>,
  );
}

/** Every form, on a failed submit, puts focus on its first invalid field: the message is where the user is. */
describe('focus after a failed submit', () => {
  beforeEach(() => {
    stubRealtime();
    installFakeServer({});
  });

  it.each([
    ['/signin', null, 'Sign in', 'Email'],
    ['/signup', null, 'Create account', 'Name'],
    ['/forgot-password', null, 'Send reset link', 'Email'],
    ['/reset-password?token=abc', null, 'Set new password', 'New password'],
    ['/account', patient, 'Change password', 'Current password'],
  ] as const)('on %s it moves to the first invalid field', async (path, who, submit, first) => {
    const user = userEvent.setup();
    renderAt(path, who);
    await user.click(await screen.findByRole('button', { name: submit }, { timeout: 5000 }));
    const field = screen.getByLabelText(first);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveFocus();
  });
});
