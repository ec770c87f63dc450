import { t } from '../../i18n/i18n';
import { useId, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { mediaApi } from '../../api/endpoints';
import type { MediaRef } from '../../api/types';
import { Avatar } from '../../ui/Avatar';

export const ACCEPTED_IMAGES = 'image/jpeg,image/png,image/webp,image/gif';
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** Checks what the browser can know before upload; the server judges the content. */
export function checkImage(file: File): string | null {
  if (file.type && !ACCEPTED_IMAGES.split(',').includes(file.type)) return t('media.chooseType');
  if (file.size > MAX_IMAGE_BYTES) return t('media.tooLarge');
  return null;
}

export function uploadErrorMessage(e: unknown): string {
  if (e instanceof ApiError && e.status === 413) return t('media.tooLarge413');
  if (e instanceof ApiError && e.status === 415) return t('media.notAccepted');
  return errorMessage(e);
}

/** A profile photo picker: uploads via POST /api/media and reports the new {id, url}. */
export function ProfilePhoto({ name, url, onUploaded }: { name: string; url?: string | null; onUploaded: (m: MediaRef) => Promise<void> | void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onFile(file: File | undefined) {
    if (!file) return;
    const problem = checkImage(file);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const media = await mediaApi.upload(file);
      await onUploaded(media);
    } catch (e) {
      setError(uploadErrorMessage(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <div className="profile-photo">
      <Avatar name={name} src={url} size={96} />
      <div>
        <label htmlFor={id} className="btn btn--ghost">
          {busy ? t('media.uploading') : url ? t('media.change') : t('media.upload')}
        </label>
        <input
          ref={input}
          id={id}
          className="visually-hidden"
          type="file"
          accept={ACCEPTED_IMAGES}
          disabled={busy}
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
        <p className="field__hint">{t('media.hint')}</p>
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
