import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Avatar } from '../../ui/Avatar';
import type { CallSnapshot } from './callController';

interface Props {
  snapshot: CallSnapshot;
  onAnswer: () => void;
  onDecline: () => void;
}

/**
 * The incoming call: a modal dialog, focus on Answer, Tab stays inside. Escape does nothing here: declining cannot be
 * undone, and a reflexive Escape must not hang up on a doctor or a patient.
 */
export function IncomingCallDialog({ snapshot, onAnswer, onDecline }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const descId = useId();
  const answerRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const name = snapshot.call.peer?.name ?? t('call.someone');

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    answerRef.current?.focus();
    return () => {
      if (previous && document.contains(previous)) previous.focus();
    };
  }, []);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'Escape') {
      e.preventDefault();
      return;
    }
    if (e.key !== 'Tab') return;
    const buttons = dialogRef.current?.querySelectorAll<HTMLButtonElement>('button');
    if (!buttons || buttons.length === 0) return;
    const first = buttons[0];
    const last = buttons[buttons.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }

  return (
    <div className="overlay">
      <div
        ref={dialogRef}
        className="incoming-call"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={descId}
        onKeyDown={onKeyDown}
      >
        <div className="incoming-call__ring" aria-hidden="true">
          <Avatar name={name} size={72} />
        </div>
        <h2 id={titleId}>{t('call.incoming')}</h2>
        <p id={descId}>{t('call.isCalling', { name })}</p>
        <div className="incoming-call__actions">
          <button ref={answerRef} type="button" className="btn btn--success" onClick={onAnswer}>
            {t('call.answer')}
          </button>
          <button type="button" className="btn btn--danger" onClick={onDecline}>
            {t('call.decline')}
          </button>
        </div>
      </div>
    </div>
  );
}
