import { useState, type FormEvent } from 'react';
import { Field } from '../../ui/Field';
import { ErrorBox, Notice } from '../../ui/Feedback';
import { accountApi } from './accountApi';
import { splitErrors } from './formErrors';

/** The signed-in account's own settings: password. */
export default function AccountPage() {
  return (
    <section className="page page--narrow">
      <h1>Account</h1>
      <ChangePassword />
    </section>
  );
}

function ChangePassword() {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [topError, setTopError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!currentPassword) local.currentPassword = 'Enter your current password.';
    if (newPassword.length < 8) local.newPassword = 'Use at least 8 characters.';
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
    <form className="card form" onSubmit={onSubmit} noValidate aria-busy={busy} aria-labelledby="change-password">
      <h2 id="change-password">Change password</h2>
      <ErrorBox>{topError}</ErrorBox>
      {done && <Notice>Password changed. Your other sessions have been signed out.</Notice>}
      <Field label="Current password" error={errors.currentPassword}>
        {(p) => (
          <input {...p} type="password" autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrentPassword(e.target.value)} required />
        )}
      </Field>
      <Field label="New password" hint="8 to 72 characters." error={errors.newPassword}>
        {(p) => (
          <input {...p} type="password" autoComplete="new-password" value={newPassword} onChange={(e) => setNewPassword(e.target.value)} required />
        )}
      </Field>
      <button type="submit" className="btn btn--primary" disabled={busy}>
        Change password
      </button>
    </form>
  );
}
