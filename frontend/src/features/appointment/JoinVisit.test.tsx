import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Appointment } from '../../api/types';
import { installFakeServer } from '../../test/fakeServer';
import { JoinVisit } from './JoinVisit';

function visit(mode: 'video' | 'chat'): Appointment {
  const start = Date.now() + 10 * 60 * 1000;
  return {
    id: 'a1',
    doctor: { id: 'd1', name: 'Dr Ada', specialization: 'Cardiology' },
    patient: { id: 'p1', name: 'Pat' },
    date: '2026-12-01',
    startTime: '09:00',
    endTime: '09:30',
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 30 * 60 * 1000).toISOString(),
    timeZone: 'UTC',
    status: 'scheduled',
    mode,
    createdAt: '2026-11-01T09:00:00Z',
    updatedAt: '2026-11-01T09:00:00Z',
  } as Appointment;
}

describe('JoinVisit', () => {
  it('checks the devices before checking in, and checks in even without a camera', async () => {
    const a = visit('video');
    const { requests } = installFakeServer({
      'POST /api/appointments/a1/check-in': { ...a, checkedInAt: new Date().toISOString() },
    });
    const onChange = vi.fn();
    render(
      <MemoryRouter>
        <JoinVisit appointment={a} onChange={onChange} />
      </MemoryRouter>,
    );

    await userEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect(screen.getByRole('heading', { name: 'Check your camera and microphone' })).toBeInTheDocument();
    expect(requests.some((r) => r.url.includes('check-in'))).toBe(false);
    // jsdom has no camera at all: the check says so and check-in still works
    expect(await screen.findByText(/This browser cannot use a camera/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Check in' }));
    expect(requests.filter((r) => r.method === 'POST' && r.url.endsWith('/api/appointments/a1/check-in'))).toHaveLength(1);
    expect(onChange).toHaveBeenCalled();
  });

  it('leaves the device check with "Not now" without checking in', async () => {
    const { requests } = installFakeServer({});
    render(
      <MemoryRouter>
        <JoinVisit appointment={visit('video')} onChange={vi.fn()} />
      </MemoryRouter>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Join' }));
    await userEvent.click(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('heading', { name: 'Check your camera and microphone' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Join' })).toBeInTheDocument();
    expect(requests.some((r) => r.url.includes('check-in'))).toBe(false);
  });

  it('checks a chat visit in at once, with no device check', async () => {
    const a = visit('chat');
    const { requests } = installFakeServer({ 'POST /api/appointments/a1/check-in': { ...a, checkedInAt: new Date().toISOString() } });
    render(
      <MemoryRouter>
        <JoinVisit appointment={a} onChange={vi.fn()} />
      </MemoryRouter>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect(screen.queryByRole('heading', { name: 'Check your camera and microphone' })).not.toBeInTheDocument();
    expect(requests.filter((r) => r.url.endsWith('/check-in'))).toHaveLength(1);
  });
});
