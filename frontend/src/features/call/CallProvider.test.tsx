import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PatientUser } from '../../api/types';
import { realtime } from '../../realtime/realtimeClient';
import { AuthProvider } from '../auth/AuthProvider';
import { CallProvider } from './CallProvider';
import { stubRealtime } from '../../test/fakeRealtime';

const me: PatientUser = { id: 'p1', role: 'patient', name: 'Pat', email: 'pat@example.org' };
const offer = { from: 'd1', fromName: 'Dr Ada', offer: { type: 'offer' as const, sdp: 'x' }, callId: 'c1' };

function renderApp() {
  return render(
    <AuthProvider initialUser={me}>
      <CallProvider>
        <p>Some page</p>
      </CallProvider>
    </AuthProvider>,
  );
}

describe('CallProvider', () => {
  let published: [string, unknown][];
  beforeEach(() => {
    published = stubRealtime();
  });

  it('rings on any page; Decline sends reject-call and closes the dialog', async () => {
    const user = userEvent.setup();
    renderApp();
    expect(screen.queryByRole('dialog')).toBeNull();

    act(() => realtime.emit('call-made', offer));
    const dialog = screen.getByRole('dialog', { name: 'Incoming video call' });
    expect(dialog).toHaveTextContent('Dr Ada is calling you.');
    expect(screen.getByRole('button', { name: 'Answer' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Decline' }));
    expect(published).toEqual([['/app/reject-call', { to: 'd1', callId: 'c1' }]]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('stops ringing when the call is answered on another device, or the caller gives up', () => {
    renderApp();
    act(() => realtime.emit('call-made', offer));
    act(() => realtime.emit('call-answered-elsewhere', { callId: 'c1' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('answered on another device');

    act(() => realtime.emit('call-made', { ...offer, callId: 'c2' }));
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    act(() => realtime.emit('call-ended', { from: 'd1', callId: 'c2' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Missed call from Dr Ada');
    expect(published).toEqual([]);
  });
});
