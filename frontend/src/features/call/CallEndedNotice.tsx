import { useEffect } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { endMessage } from './callMachine';
import type { CallSnapshot } from './callController';

const QUIET = new Set(['hung-up', 'declined-by-me', 'answered-elsewhere']);
/** Ordinary ways for a call to end: told plainly, not styled as a warning. */
const ORDINARY = new Set([...QUIET, 'remote-hung-up', 'declined', 'missed']);

/** How the call ended, in a sentence; quiet endings close by themselves. */
export function CallEndedNotice({ snapshot, onClose }: { snapshot: CallSnapshot; onClose: () => void }) {
  // also drawn again when the language changes (the ending's text comes from the catalogue)
  const { t } = useTranslation();
  const reason = snapshot.call.endReason ?? 'hung-up';
  useEffect(() => {
    if (!QUIET.has(reason)) return;
    const timer = setTimeout(onClose, 4000);
    return () => clearTimeout(timer);
  }, [reason, onClose]);
  return (
    <div className={`toast${ORDINARY.has(reason) ? '' : ' toast--warn'}`} role="status" data-end-reason={reason}>
      <p>{endMessage(snapshot.call)}</p>
      <button type="button" className="btn btn--small" onClick={onClose}>
        {t('common.close')}
      </button>
    </div>
  );
}
