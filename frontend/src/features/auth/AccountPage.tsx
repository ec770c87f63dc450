import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Field } from '../../ui/Field';
import { useFocusFirstInvalid } from '../../ui/focusFirstInvalid';
import { ErrorBox, Notice } from '../../ui/Feedback';
import { accountApi } from './accountApi';
import { splitErrors } from './formErrors';

/** The signed-in account's own settings: password. */
export default function AccountPage() {
  const { t } = useTranslation();
  return (
    <section className="page page--narrow">
      <h1>{t('auth.accountTitle')}</h1>
      <ChangePassword />
    </section>
  );
}

function ChangePassword() {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [topError, setTopError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!currentPassword) local.currentPassword = t('auth.enterCurrent');
    if (newPassword.length < 8) local.newPassword = t('auth.atLeast8');
    setErrors(local);
    setTopError(null);
    setDone(false);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      await accountApi.changePassword(currentPassword, newPassword);
      setDone(true);
      setCurrentPassword('');
      setNewPassword('');
    } catch (err) {
      const { fields, top } = splitErrors(err, ['currentPassword', 'newPassword']);
      setErrors(fields);
      setTopError(top);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} className="card form" onSubmit={onSubmit} noValidate aria-busy={busy} aria-labelledby="change-password">
      <h2 id="change-password">{t('auth.changePassword')}</h2>
      <ErrorBox>{topError}</ErrorBox>
      {done && <Notice>{t('auth.changed')}</Notice>}
      <Field label={t('auth.currentPassword')} error={errors.currentPassword}>
        {(p) => (
          <input {...p} type="password" autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrentPassword(e.target.value)} required />
        )}
      </Field>
      <Field label={t('auth.newPassword')} hint={t('auth.passwordHint')} error={errors.newPassword}>
        {(p) => (
          <input {...p} type="password" autoComplete="new-password" value={newPassword} onChange={(e) => setNewPassword(e.target.value)} required />
        )}
      </Field>
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {t('auth.changePassword')}
      </button>
    </form>
  );
}
