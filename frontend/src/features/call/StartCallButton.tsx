import { useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { useRealtimeStatus } from '../../realtime/hooks';
import { useCall } from './CallProvider';

/** "Start video call" with a person we are connected to; explains itself when it cannot. */
export function StartCallButton({ peerId, peerName, className }: { peerId: string; peerName: string; className?: string }) {
  const { t } = useTranslation();
  const { startCall, snapshot } = useCall();
  const status = useRealtimeStatus();
  const [error, setError] = useState<string | null>(null);
  const busy = !!snapshot && snapshot.call.phase !== 'idle' && snapshot.call.phase !== 'ended';
  return (
    <span className={`start-call${className ? ` ${className}` : ''}`}>
      <button
        type="button"
        className="btn btn--primary"
        disabled={busy}
        title={status !== 'connected' ? t('call.connectingServer') : undefined}
        onClick={() => {
          const r = startCall({ id: peerId, name: peerName });
          setError(r.ok ? null : r.reason);
        }}
      >
        {t('call.start')}
      </button>
      {error && (
        <span className="inline-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
