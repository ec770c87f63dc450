import { useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { errorMessage } from '../../api/client';
import { visitApi } from '../../api/endpoints';
import { ErrorBox } from '../../ui/Feedback';

/**
 * "Subscribe in your calendar app": makes a private feed address of all the user's appointments. A new address
 * retires the previous one (for when it was shared by mistake).
 */
export function CalendarSubscribe() {
  const { t } = useTranslation();
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
        {url ? t('appt.newAddress') : t('appt.subscribe')}
      </button>
      {url && (
        <p className="small">
          <label>
            {t('appt.privateAddress')}{' '}
            <input readOnly value={url} onFocus={(e) => e.currentTarget.select()} size={60} />
          </label>
        </p>
      )}
      <ErrorBox>{error}</ErrorBox>
    </div>
  );
}
