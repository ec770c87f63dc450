import { createContext, lazy, Suspense, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { callsApi } from '../../api/endpoints';
import { realtime } from '../../realtime/realtimeClient';
import { useRealtimeEvent } from '../../realtime/hooks';
import { useAuth } from '../auth/AuthProvider';
import { CallController, type CallSnapshot } from './callController';
import { isActive, savedCall, type Peer, type SavedCall } from './callMachine';
import { CallEndedNotice } from './CallEndedNotice';
import { rtcConfiguration } from './iceConfig';
import { t } from '../../i18n/i18n';
import { IncomingCallDialog } from './IncomingCallDialog';
import { Ringer } from './ringtone';
import { linkPeer } from './peerLink';

// The call screen (quality, screen sharing, the chat beside it) loads when a call starts, not with the first page.
const CallScreen = lazy(() => import('./CallScreen'));

interface CallContextValue {
  snapshot: CallSnapshot | null;
  /** Start a video call; returns false (with a reason) when one cannot be placed now. */
  startCall: (peer: Peer, mode?: string, appointmentId?: string) => { ok: true } | { ok: false; reason: string };
  answer: () => void;
  hangUp: () => void;
  dismiss: () => void;
  toggleMic: () => void;
  toggleCamera: () => void;
}

const CallContext = createContext<CallContextValue | null>(null);

const noopSubscribe = () => () => undefined;
const nullSnapshot = () => null;

function createController(selfId: string, ringer: Ringer): CallController {
  return new CallController({
    selfId,
    send: (destination, body) => realtime.publish(destination, body),
    getIceServers: async () => rtcConfiguration(await callsApi.iceServers()),
    getUserMedia: (c) => {
      if (!navigator.mediaDevices?.getUserMedia) {
        return Promise.reject(Object.assign(new Error(t('callEnd.insecure')), { name: 'SecurityError' }));
      }
      return navigator.mediaDevices.getUserMedia(c);
    },
    createPeerConnection: (config) => linkPeer(new RTCPeerConnection(config)),
    ring: (tone) => ringer.play(tone),
  });
}

/** Where this tab keeps its answered call, to rejoin it after a reload (sessionStorage: this tab only). */
export const SAVED_CALL_KEY = 'hc.activeCall';

function readSavedCall(): SavedCall | null {
  try {
    const raw = sessionStorage.getItem(SAVED_CALL_KEY);
    return raw ? (JSON.parse(raw) as SavedCall) : null;
  } catch {
    return null;
  }
}

function writeSavedCall(saved: SavedCall | null): void {
  try {
    if (saved) sessionStorage.setItem(SAVED_CALL_KEY, JSON.stringify(saved));
    else sessionStorage.removeItem(SAVED_CALL_KEY);
  } catch {
    // storage unavailable: a reload then ends the call after the rejoin grace
  }
}

/** Owns the call for the whole app, so an incoming call shows on any page. */
export function CallProvider({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const selfId = user?.id;
  const [ringer] = useState(() => new Ringer());
  const [controller, setController] = useState<CallController | null>(null);

  useEffect(() => {
    if (!selfId) return;
    const c = createController(selfId, ringer);
    setController(c);
    return () => {
      c.dispose();
      setController(null);
    };
  }, [selfId, ringer]);

  // A reload or a lost socket does not end the call: this tab keeps the answered call, and every new socket rejoins
  // it (the other side waits, "Reconnecting…", for rejoin-grace). Closing the tab for good lets the call drop.
  useEffect(() => {
    if (!controller) return;
    const saved = readSavedCall();
    if (saved) controller.dispatch({ type: 'RESTORE', saved });
    let last = '';
    const keep = () => {
      const next = savedCall(controller.getSnapshot().call);
      const text = next ? JSON.stringify(next) : '';
      if (text !== last) {
        last = text;
        writeSavedCall(next);
      }
    };
    keep();
    const unsubscribe = controller.subscribe(keep);
    const onStatus = (status: string) => {
      if (status === 'connected') controller.dispatch({ type: 'SOCKET_CONNECTED' });
      else if (status === 'reconnecting') controller.dispatch({ type: 'SOCKET_LOST' });
    };
    const unsubscribeStatus = realtime.onStatus(onStatus);
    if (realtime.status === 'connected') onStatus('connected');
    return () => {
      unsubscribe();
      unsubscribeStatus();
    };
  }, [controller]);

  const snapshot = useSyncExternalStore(
    controller?.subscribe ?? noopSubscribe,
    controller?.getSnapshot ?? nullSnapshot,
    nullSnapshot,
  );

  useRealtimeEvent('call-made', (payload) => controller?.dispatch({ type: 'REMOTE_OFFER', payload }));
  useRealtimeEvent('call-answered', (payload) => controller?.dispatch({ type: 'REMOTE_ANSWER', payload }));
  useRealtimeEvent('ice-candidate', (payload) => controller?.dispatch({ type: 'REMOTE_CANDIDATE', payload }));
  useRealtimeEvent('call-rejected', (payload) => controller?.dispatch({ type: 'REMOTE_REJECTED', payload }));
  useRealtimeEvent('call-ended', (payload) => controller?.dispatch({ type: 'REMOTE_ENDED', payload }));
  useRealtimeEvent('call-failed', (payload) => controller?.dispatch({ type: 'CALL_FAILED', payload }));
  useRealtimeEvent('call-answered-elsewhere', (payload) => controller?.dispatch({ type: 'ANSWERED_ELSEWHERE', payload }));
  useRealtimeEvent('call-interrupted', (payload) => controller?.dispatch({ type: 'PEER_INTERRUPTED', payload }));
  useRealtimeEvent('call-rejoined', (payload) => controller?.dispatch({ type: 'PEER_REJOINED', payload }));
  useRealtimeEvent('presence', (p) => {
    if (!p.online) controller?.dispatch({ type: 'PEER_OFFLINE', userId: p.userId });
  });
  useRealtimeEvent('errors', (e) => {
    const dest = e.destination ?? '';
    if (controller && /rejoin-call/.test(dest)) {
      // the call ended while we were away (or was never ours to rejoin)
      controller.dispatch({ type: 'REJOIN_REFUSED' });
      return;
    }
    if (!controller || !/call-user|answer-call/.test(dest)) return;
    controller.dispatch({ type: 'SIGNALING_ERROR', message: e.detail || e.title || 'the server refused the call' });
  });

  const startCall = useCallback<CallContextValue['startCall']>(
    (peer, mode = 'video', appointmentId) => {
      if (!controller) return { ok: false, reason: t('callEnd.signIn') };
      if (isActive(controller.getSnapshot().call)) return { ok: false, reason: t('callEnd.alreadyInCall') };
      if (realtime.status !== 'connected') return { ok: false, reason: t('callEnd.notConnected') };
      if (typeof RTCPeerConnection === 'undefined') return { ok: false, reason: t('callEnd.unsupported') };
      controller.dispatch({ type: 'START', peer, mode, appointmentId });
      return { ok: true };
    },
    [controller],
  );

  const value = useMemo<CallContextValue>(
    () => ({
      snapshot,
      startCall,
      answer: () => controller?.dispatch({ type: 'ANSWER' }),
      hangUp: () => controller?.dispatch({ type: 'HANG_UP' }),
      dismiss: () => controller?.dispatch({ type: 'DISMISS' }),
      toggleMic: () => controller?.toggleMic(),
      toggleCamera: () => controller?.toggleCamera(),
    }),
    [snapshot, startCall, controller],
  );

  const phase = snapshot?.call.phase;
  const ringing = phase === 'incoming-ringing';
  const onCallScreen = phase === 'outgoing-ringing' || phase === 'connecting' || phase === 'connected';

  return (
    <CallContext.Provider value={value}>
      {/* While a call covers the page, the page underneath is inert for keyboards and screen readers. */}
      <div className="app-content" inert={ringing || onCallScreen}>
        {children}
      </div>
      {ringing && snapshot && <IncomingCallDialog snapshot={snapshot} onAnswer={value.answer} onDecline={value.hangUp} />}
      {onCallScreen && snapshot && (
        <Suspense fallback={null}>
          <CallScreen
            snapshot={snapshot}
            onHangUp={value.hangUp}
            onToggleMic={value.toggleMic}
            onToggleCamera={value.toggleCamera}
          />
        </Suspense>
      )}
      {phase === 'ended' && snapshot && <CallEndedNotice snapshot={snapshot} onClose={value.dismiss} />}
    </CallContext.Provider>
  );
}

export function useCall(): CallContextValue {
  const ctx = useContext(CallContext);
  if (!ctx) throw new Error('useCall outside CallProvider');
  return ctx;
}

/** The call context where one may be absent (a page rendered on its own, as in a unit test). */
export function useOptionalCall(): CallContextValue | null {
  return useContext(CallContext);
}
