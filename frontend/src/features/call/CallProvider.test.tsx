import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PatientUser } from '../../api/types';
import { realtime } from '../../realtime/realtimeClient';
import { AuthProvider } from '../auth/AuthProvider';
import { CallProvider, SAVED_CALL_KEY } from './CallProvider';
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

  describe('after a reload mid-call', () => {
    const saved = { selfId: 'p1', callId: 'c9', peer: { id: 'd1', name: 'Dr Ada' }, mode: 'video', direction: 'incoming' };
    beforeEach(() => {
      sessionStorage.setItem(SAVED_CALL_KEY, JSON.stringify(saved));
      vi.spyOn(realtime, 'status', 'get').mockReturnValue('connected');
    });
    afterEach(() => sessionStorage.clear());

    it('rejoins the call by itself and says it is reconnecting', async () => {
      renderApp();
      expect(published).toEqual([['/app/rejoin-call', { callId: 'c9' }]]);
      // the call screen loads lazily
      expect(await screen.findByRole('heading', { name: 'Dr Ada' })).toBeInTheDocument();
      expect(screen.getAllByRole('status').some((s) => s.textContent?.includes('Reconnecting…'))).toBe(true);
      expect(JSON.parse(sessionStorage.getItem(SAVED_CALL_KEY)!)).toEqual(saved);
    });

    it('says the call dropped when the rejoin is refused, and forgets it', () => {
      renderApp();
      act(() => realtime.emit('errors', { status: 409, title: 'Conflict', destination: '/app/rejoin-call' }));
      expect(screen.getByRole('status')).toHaveTextContent('The call dropped');
      expect(sessionStorage.getItem(SAVED_CALL_KEY)).toBeNull();
    });

    it('does not restore a call kept for another user', () => {
      sessionStorage.setItem(SAVED_CALL_KEY, JSON.stringify({ ...saved, selfId: 'someone-else' }));
      renderApp();
      expect(published).toEqual([]);
      expect(screen.queryByRole('heading', { name: 'Dr Ada' })).toBeNull();
    });
  });
});
