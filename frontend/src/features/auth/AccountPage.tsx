import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Field } from '../../ui/Field';
import { ErrorBox, Notice } from '../../ui/Feedback';
import { accountApi } from './accountApi';
import { useAuth } from './AuthProvider';
import { homePath } from './homePath';
import { TwoFactorSettings } from './TwoFactorSettings';
import { splitErrors } from './formErrors';

/** The signed-in account's own settings: password, a copy of my data, deleting the account. */
export default function AccountPage() {
  const { user } = useAuth();
  const navigate = useNavigate();
  return (
    <section className="page page--narrow">
      <h1>Account</h1>
      {user && (
        <TwoFactorSettings
          user={user}
          onEnrolled={() => {
            if (user.role === 'operator') navigate(homePath(user));
          }}
        />
      )}
      <ChangePassword />
      <ExportData />
      {user?.role !== 'operator' && <DeleteAccount />}
    </section>
  );
}

function ExportData() {
  return (
    <section className="card form" aria-labelledby="export-data">
      <h2 id="export-data">Your data</h2>
      <p>
        Download everything Health-Connect holds on you — profile, appointments, messages, calls, who read your record
        and your notifications — as one JSON file.
      </p>
      <a className="btn" href={accountApi.exportUrl} download="health-connect-my-data.json">
        Download my data
      </a>
    </section>
  );
}

function DeleteAccount() {
  const { forgetDeletedAccount } = useAuth();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [topError, setTopError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setTopError(null);
    if (!password) {
      setError('Enter your password to delete your account.');
      return;
    }
    setError(undefined);
    setConfirming(true);
  }

  async function onConfirm() {
    setBusy(true);
    try {
      await accountApi.deleteAccount(password);
      forgetDeletedAccount();
      navigate('/signin', { replace: true });
    } catch (err) {
      const { fields, top } = splitErrors(err, ['password']);
      setError(fields.password);
      setTopError(top);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-busy={busy} aria-labelledby="delete-account">
      <h2 id="delete-account">Delete account</h2>
      <p>
        Your name, e-mail, profile and images are erased and you cannot sign in again. Open appointments are cancelled.
        Past appointments, messages and the access log stay for the other person and the audit, shown as “Deleted
        user”. Download your data first if you want a copy.
      </p>
      <ErrorBox>{topError}</ErrorBox>
      <Field label="Password" hint="Your current password confirms it is you." error={error}>
        {(p) => (
          <input {...p} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        )}
      </Field>
      {confirming ? (
        <div role="alertdialog" aria-labelledby="delete-confirm" className="confirm">
          <h3 id="delete-confirm" tabIndex={-1} ref={confirmHeading}>
            Delete your account for good? This cannot be undone.
          </h3>
          <button type="button" className="btn btn--danger" onClick={onConfirm} disabled={busy}>
            Delete permanently
          </button>{' '}
          <button type="button" className="btn" onClick={() => setConfirming(false)} disabled={busy}>
            Keep my account
          </button>
        </div>
      ) : (
        <button type="submit" className="btn btn--danger">
          Delete my account
        </button>
      )}
    </form>
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
