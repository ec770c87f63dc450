import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppRoutes } from '../../App';
import { installFakeServer, jsonResponse, problem } from '../../test/fakeServer';
import { AuthProvider } from './AuthProvider';
import { stubRealtime } from '../../test/fakeRealtime';

function renderSignIn() {
  return render(
    <AuthProvider initialUser={null}>
      <MemoryRouter initialEntries={['/signin']}>
        <AppRoutes />
      </MemoryRouter>
    </AuthProvider>,
  );
}

describe('Sign in', () => {
  beforeEach(() => {
    stubRealtime();
  });

  it('shows the server’s field error next to the field it names', async () => {
    installFakeServer({
      'POST /api/auth/login': () =>
        problem(400, 'Bad Request', 'Validation failed', [{ field: 'email', message: 'must be a well-formed email address' }]),
    });
    const user = userEvent.setup();
    renderSignIn();

    await user.type(screen.getByLabelText('Email'), 'ann@example.org');
    await user.type(screen.getByLabelText('Password'), 'secret-pass');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const email = screen.getByLabelText('Email');
    expect(await screen.findByText('Enter an email address like name@example.com.')).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Enter an email address like name@example.com.');
    expect(screen.getByLabelText('Password')).not.toHaveAttribute('aria-invalid');
  });

  it('checks empty fields before calling the server', async () => {
    const { requests } = installFakeServer({});
    const user = userEvent.setup();
    renderSignIn();

    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter your email address.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter your password.');
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('shows a wrong password as one message at the top', async () => {
    installFakeServer({
      'POST /api/auth/login': () => problem(401, 'Unauthorized', 'Email or password is wrong.'),
    });
    const user = userEvent.setup();
    renderSignIn();
    await user.type(screen.getByLabelText('Email'), 'ann@example.org');
    await user.type(screen.getByLabelText('Password'), 'wrong-pass');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Email or password is wrong.');
  });

  it('signs in without choosing a role, sending the CSRF token, and lands on the role’s home', async () => {
    const { requests } = installFakeServer({
      'POST /api/auth/login': () =>
        jsonResponse(200, {
          id: 'd1',
          role: 'doctor',
          name: 'Dr Ada',
          email: 'ada@example.org',
          specialization: 'Cardiology',
          qualification: 'MD',
          experience: 9,
          timeZone: 'UTC',
        }),
      'GET /api/appointments': { content: [], page: 0, size: 100, totalElements: 0, totalPages: 0 },
    });
    const user = userEvent.setup();
    renderSignIn();

    expect(screen.queryByRole('radiogroup', { name: 'Role' })).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Email'), 'ada@example.org');
    await user.type(screen.getByLabelText('Password'), 'correct-horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeInTheDocument();
    const login = requests.find((r) => r.url === '/api/auth/login')!;
    expect(login.body).toEqual({ email: 'ada@example.org', password: 'correct-horse' });
    expect(login.headers['X-XSRF-TOKEN']).toBe('test-token');
  });
});
