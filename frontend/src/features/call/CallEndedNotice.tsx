import { useEffect } from 'react';
import { endMessage } from './callMachine';
import type { CallSnapshot } from './callController';

const QUIET = new Set(['hung-up', 'declined-by-me', 'answered-elsewhere']);

/** How the call ended, in a sentence; quiet endings close by themselves. */
export function CallEndedNotice({ snapshot, onClose }: { snapshot: CallSnapshot; onClose: () => void }) {
  const reason = snapshot.call.endReason ?? 'hung-up';
  useEffect(() => {
    if (!QUIET.has(reason)) return;
    const t = setTimeout(onClose, 4000);
    return () => clearTimeout(t);
  }, [reason, onClose]);
  return (
    <div className={`toast${QUIET.has(reason) ? '' : ' toast--warn'}`} role="status">
      <p>{endMessage(snapshot.call)}</p>
      <button type="button" className="btn btn--small" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
