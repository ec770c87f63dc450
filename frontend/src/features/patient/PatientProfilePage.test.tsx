import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { PatientUser } from '../../api/types';
import { installFakeServer, jsonResponse, problem } from '../../test/fakeServer';
import { AuthProvider } from '../auth/AuthProvider';
import PatientProfilePage, { allergyList } from './PatientProfilePage';

const me: PatientUser = {
  id: 'p1',
  role: 'patient',
  name: 'Pat Doe',
  email: 'pat@example.org',
  allergies: ['penicillin', 'peanuts'],
  emergencyContact: [],
};

describe('PatientProfilePage', () => {
  it('edits allergies as text and saves them as the list the API stores; emptied, they are cleared', async () => {
    const { requests } = installFakeServer({
      'GET /api/patients/me': me,
      'PUT /api/patients/me': (req) => jsonResponse(200, { ...me, ...(req.body as object) }),
    });
    const user = userEvent.setup();
    render(
      <AuthProvider initialUser={me}>
        <MemoryRouter>
          <PatientProfilePage />
        </MemoryRouter>
      </AuthProvider>,
    );

    const allergies = await screen.findByLabelText('Allergies');
    expect(allergies).toHaveValue('penicillin\npeanuts');

    await user.clear(allergies);
    await user.type(allergies, 'latex, house dust{Enter}ibuprofen');
    await user.click(screen.getByRole('button', { name: /save/i }));
    await screen.findByText(/saved/i);
    const puts = () => requests.filter((r) => r.method === 'PUT');
    expect((puts()[0].body as { allergies: string[] }).allergies).toEqual(['latex', 'house dust', 'ibuprofen']);

    await user.clear(allergies);
    await user.click(screen.getByRole('button', { name: /save/i }));
    await vi.waitFor(() => expect(puts()).toHaveLength(2));
    expect((puts()[1].body as { allergies: string[] }).allergies).toEqual([]);
  });

  it('changes the time zone the patient reads times in, and the whole app follows it', async () => {
    const { requests } = installFakeServer({
      'GET /api/patients/me': { ...me, timeZone: 'Europe/Berlin' },
      'PUT /api/patients/me': (req) => jsonResponse(200, { ...me, ...(req.body as object) }),
    });
    const user = userEvent.setup();
    render(
      <AuthProvider initialUser={{ ...me, timeZone: 'Europe/Berlin' }}>
        <MemoryRouter>
          <PatientProfilePage />
        </MemoryRouter>
      </AuthProvider>,
    );
    const zone = await screen.findByLabelText('Time zone');
    expect(zone).toHaveValue('Europe/Berlin');
    await user.selectOptions(zone, 'Asia/Tokyo');
    await user.click(screen.getByRole('button', { name: /save/i }));
    await screen.findByText(/saved/i);
    expect(requests.find((r) => r.method === 'PUT')!.body).toMatchObject({ timeZone: 'Asia/Tokyo' });
    const { viewerZone } = await import('../../lib/time');
    expect(viewerZone()).toBe('Asia/Tokyo');
  });

  it('shows an allergy error on the allergies field in words, and moves focus there', async () => {
    installFakeServer({
      'GET /api/patients/me': me,
      'PUT /api/patients/me': () => problem(400, 'Bad Request', 'Validation failed', [{ field: 'allergies[1]', message: 'must not be blank' }]),
    });
    const user = userEvent.setup();
    render(
      <AuthProvider initialUser={me}>
        <MemoryRouter>
          <PatientProfilePage />
        </MemoryRouter>
      </AuthProvider>,
    );
    const allergies = await screen.findByLabelText('Allergies');
    await user.click(screen.getByRole('button', { name: /save/i }));
    expect(await screen.findByText('Allergy 2: Fill this in.')).toBeInTheDocument();
    expect(allergies).toHaveFocus();
    expect(screen.queryByText(/allergies\[1\]/)).not.toBeInTheDocument();
  });

  it('splits on lines, commas and semicolons and drops blanks', () => {
    expect(allergyList(' a ,b;\n\n c ')).toEqual(['a', 'b', 'c']);
    expect(allergyList('   ')).toEqual([]);
  });
});
