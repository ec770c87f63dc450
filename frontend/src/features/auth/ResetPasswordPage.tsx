import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Field } from '../../ui/Field';
import { ErrorBox, Notice } from '../../ui/Feedback';
import { accountApi } from './accountApi';
import { splitErrors } from './formErrors';

const PASSWORD_HINT = '8 to 72 characters.';

export default function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [topError, setTopError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (password.length < 8) local.password = 'Use at least 8 characters.';
    if (repeat !== password) local.repeat = 'The two passwords differ.';
    setErrors(local);
    setTopError(null);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      await accountApi.confirmPasswordReset(token, password);
      setDone(true);
    } catch (err) {
      const { fields, top } = splitErrors(err, ['password']);
      setErrors(fields);
      setTopError(top);
    } finally {
      setBusy(false);
    }
  }

  if (!token) {
    return (
      <section className="page page--narrow">
        <h1>Choose a new password</h1>
        <ErrorBox>This link has no reset token. Open the link from the mail, or ask for a new one.</ErrorBox>
        <p>
          <Link to="/forgot-password">Ask for a new link</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="page page--narrow">
      <h1>Choose a new password</h1>
      {done ? (
        <div className="card">
          <Notice>Your password is changed. Every earlier session has been signed out.</Notice>
          <p className="form__footer">
            <Link to="/signin">Sign in with the new password</Link>
          </p>
        </div>
      ) : (
        <form className="card form" onSubmit={onSubmit} noValidate aria-busy={busy}>
          <ErrorBox>{topError}</ErrorBox>
          <Field label="New password" hint={PASSWORD_HINT} error={errors.password}>
            {(p) => (
              <input {...p} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
            )}
          </Field>
          <Field label="Repeat the new password" error={errors.repeat}>
            {(p) => (
              <input {...p} type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} required />
            )}
          </Field>
          <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
            Set new password
          </button>
          {topError && (
            <p className="form__footer">
              <Link to="/forgot-password">Ask for a new link</Link>
            </p>
          )}
        </form>
      )}
    </section>
  );
}
