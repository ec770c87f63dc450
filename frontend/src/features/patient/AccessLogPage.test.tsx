import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { installFakeServer } from '../../test/fakeServer';
import AccessLogPage from './AccessLogPage';

describe('AccessLogPage', () => {
  it('says what happened in words, never the audit code', async () => {
    installFakeServer({
      'GET /api/patients/me/access-log': {
        content: [
          { actor: { id: 'd1', name: 'Dr Ada', role: 'doctor' }, action: 'visit-notes.write', at: '2026-11-30T10:00:00Z' },
          { actor: { id: 'd1', name: 'Dr Ada', role: 'doctor' }, action: 'patient-record.read', at: '2026-11-30T09:00:00Z' },
        ],
        totalPages: 1,
        totalElements: 2,
        number: 0,
        size: 20,
      },
    });
    render(
      <MemoryRouter>
        <AccessLogPage />
      </MemoryRouter>,
    );
    expect(await screen.findByText('Wrote visit notes')).toBeInTheDocument();
    expect(screen.getByText('Viewed your record')).toBeInTheDocument();
    expect(screen.queryByText(/visit-notes\.write|patient-record\.read/)).not.toBeInTheDocument();
  });
});
