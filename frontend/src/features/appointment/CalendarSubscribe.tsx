import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { visitApi } from '../../api/endpoints';
import { ErrorBox } from '../../ui/Feedback';

/**
 * "Subscribe in your calendar app": makes a private feed address of all the user's appointments. A new address
 * retires the previous one (for when it was shared by mistake).
 */
export function CalendarSubscribe() {
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function create() {
    setBusy(true);
    setError(null);
    try {
      setUrl((await visitApi.calendarFeed()).url);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="calendar-subscribe">
      <button type="button" className="btn btn--ghost" onClick={create} disabled={busy}>
        {url ? 'Make a new private address' : 'Subscribe in your calendar app'}
      </button>
      {url && (
        <p className="small">
          <label>
            Your private calendar address (paste it into your calendar app; a new one retires this one){' '}
            <input readOnly value={url} onFocus={(e) => e.currentTarget.select()} size={60} />
          </label>
        </p>
      )}
      <ErrorBox>{error}</ErrorBox>
    </div>
  );
}
