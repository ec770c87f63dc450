import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeLanguage } from '../../i18n/i18n';
import { AppRoutes } from '../../App';
import type { User } from '../../api/types';
import { installFakeServer, jsonResponse, problem } from '../../test/fakeServer';
import { stubRealtime } from '../../test/fakeRealtime';
import { AuthProvider } from './AuthProvider';

function renderAt(path: string, user: User | null) {
  return render(
    <AuthProvider initialUser={user}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </AuthProvider>,
  );
}

const patient = { id: 'p2', role: 'patient', name: 'Tom', email: 'tom@example.org', timeZone: 'UTC' } as User;

describe('Two-factor sign-in', () => {
  beforeEach(() => {
    stubRealtime();
  });

  afterEach(async () => {
    await act(() => changeLanguage('en'));
  });

  it('asks for the code once the password was right, and signs in with it', async () => {
    const { requests } = installFakeServer({
      'POST /api/auth/login': (req) =>
        (req.body as { code?: string }).code === '123456'
          ? jsonResponse(200, patient)
          : problem(401, 'Two-factor code required', 'Enter the code', [{ field: 'code', message: 'Enter the code' }]),
      'GET /api/appointments': { content: [], page: 0, size: 20, totalElements: 0, totalPages: 0 },
    });
    const user = userEvent.setup();
    renderAt('/signin', null);

    await user.type(await screen.findByLabelText('Email', {}, { timeout: 5000 }), 'tom@example.org');
    await user.type(screen.getByLabelText('Password'), 'correct-horse-9');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const codeField = await screen.findByLabelText(/Authentication code/);
    await user.type(codeField, '123456');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: /appointments/i }, { timeout: 5000 })).toBeInTheDocument();
    const logins = requests.filter((r) => r.url === '/api/auth/login').map((r) => r.body);
    expect(logins).toEqual([
      { email: 'tom@example.org', password: 'correct-horse-9' },
      { email: 'tom@example.org', password: 'correct-horse-9', code: '123456' },
    ]);
  });

  it('enrols with a QR code and a code from the app, then shows the recovery codes', async () => {
    const { requests } = installFakeServer({
      'GET /api/auth/two-factor': { enabled: false, recoveryCodesLeft: 0, required: false },
      'POST /api/auth/two-factor/setup': {
        secret: 'JBSWY3DPEHPK3PXP',
        otpauthUri: 'otpauth://totp/Health-Connect%3Atom%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Health-Connect',
      },
      'POST /api/auth/two-factor/enable': { recoveryCodes: ['abcde-fghij', 'klmno-pqrst'] },
    });
    const user = userEvent.setup();
    renderAt('/account', patient);

    await user.click(await screen.findByRole('button', { name: 'Set up two-factor sign-in' }, { timeout: 5000 }));
    expect(await screen.findByRole('img', { name: /QR code/ }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('JBSWY3DPEHPK3PXP')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Code from the app'), '654321');
    await user.click(screen.getByRole('button', { name: 'Turn on two-factor sign-in' }));

    expect(await screen.findByText('abcde-fghij')).toBeInTheDocument();
    expect(requests.find((r) => r.url === '/api/auth/two-factor/enable')?.body).toEqual({ code: '654321' });
  });

  it('counts the recovery codes left with the plural of the chosen language', async () => {
    installFakeServer({ 'GET /api/auth/two-factor': { enabled: true, recoveryCodesLeft: 1, required: false } });
    const { unmount } = renderAt('/account', patient);
    expect(await screen.findByText('Two-factor sign-in is on. 1 recovery code left.', {}, { timeout: 5000 })).toBeInTheDocument();
    await act(() => changeLanguage('de'));
    expect(await screen.findByText('Die Zwei-Faktor-Anmeldung ist eingeschaltet. Noch 1 Wiederherstellungscode übrig.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Neue Wiederherstellungscodes' })).toBeInTheDocument();
    unmount();

    installFakeServer({ 'GET /api/auth/two-factor': { enabled: true, recoveryCodesLeft: 0, required: false } });
    renderAt('/account', patient);
    expect(await screen.findByText(/Es sind keine Wiederherstellungscodes mehr übrig/, {}, { timeout: 5000 })).toBeInTheDocument();
  });

  it('sends an operator without two-factor sign-in to set it up before anything else', async () => {
    installFakeServer({
      'GET /api/auth/two-factor': { enabled: false, recoveryCodesLeft: 0, required: true },
      'GET /api/admin/doctors': () => jsonResponse(403, { status: 403 }),
    });
    renderAt('/admin/doctors', { id: 'o9', role: 'operator', name: 'Olivia', email: 'op@example.org' } as User);

    expect(await screen.findByRole('heading', { name: 'Account' }, { timeout: 5000 })).toBeInTheDocument();
    expect(await screen.findByText(/Operators sign in with two factors/, {}, { timeout: 5000 })).toBeInTheDocument();
  });
});
