import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { initialCallState, type EndReason } from './callMachine';
import type { CallSnapshot } from './callController';
import { CallEndedNotice } from './CallEndedNotice';

function ended(endReason: EndReason): CallSnapshot {
  return {
    call: { ...initialCallState('me'), phase: 'ended', peer: { id: 'p1', name: 'Dr Ada' }, callId: 'c1', endReason },
    localStream: null,
    remoteStream: null,
    micOn: true,
    cameraOn: true,
    hasVideo: false,
  };
}

describe('CallEndedNotice', () => {
  it('tells a hang-up by the other side plainly, not as an error', () => {
    render(<CallEndedNotice snapshot={ended('remote-hung-up')} onClose={() => undefined} />);
    const notice = screen.getByRole('status');
    expect(notice).toHaveTextContent('Dr Ada ended the call.');
    expect(notice).not.toHaveClass('toast--warn');
  });

  it('says in plain words that a call dropped', () => {
    render(<CallEndedNotice snapshot={ended('dropped')} onClose={() => undefined} />);
    const notice = screen.getByRole('status');
    expect(notice).toHaveTextContent('The call dropped: the connection to Dr Ada was lost and did not come back.');
    expect(notice).toHaveClass('toast--warn');
  });
});
