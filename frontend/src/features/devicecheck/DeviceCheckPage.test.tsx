import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppRoutes } from '../../App';
import type { User } from '../../api/types';
import { installFakeServer } from '../../test/fakeServer';
import { stubRealtime } from '../../test/fakeRealtime';
import { AuthProvider } from '../auth/AuthProvider';

const patient = { id: 'p3', role: 'patient', name: 'Pia Prepared', email: 'pia@example.org', timeZone: 'UTC' } as User;

function renderAt(path: string, user: User = patient) {
  return render(
    <AuthProvider initialUser={user}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </AuthProvider>,
  );
}

describe('Device check page', () => {
  beforeEach(() => {
    stubRealtime();
    installFakeServer({ 'GET /api/auth/two-factor': { enabled: false, recoveryCodesLeft: 0, required: false } });
  });

  it('is reached from the account page before any visit, and "Done" leads back there', async () => {
    const user = userEvent.setup();
    renderAt('/account');

    await user.click(await screen.findByRole('link', { name: 'Test your camera and microphone' }, { timeout: 5000 }));

    const heading = await screen.findByRole('heading', { level: 1, name: 'Test your camera and microphone' }, { timeout: 5000 });
    // the page focuses its heading in an effect after the commit that shows it (a lazy route: outside act)
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText(/Nothing is recorded or sent/)).toBeInTheDocument();
    // jsdom has no camera API: the page says so in words instead of failing
    expect(await screen.findByText(/This browser cannot use a camera on this page/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(await screen.findByRole('heading', { name: 'Account' })).toBeInTheDocument();
  });

  it('is not offered to an operator, who has no video visits', async () => {
    renderAt('/account', { id: 'o1', role: 'operator', name: 'Olivia', email: 'op@example.org' } as User);
    expect(await screen.findByRole('heading', { name: 'Account' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Test your camera and microphone' })).not.toBeInTheDocument();
  });
});
