import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Field } from '../../ui/Field';
import { ErrorBox, Notice } from '../../ui/Feedback';
import { useAuth } from './AuthProvider';
import { splitErrors } from './formErrors';
import { homePath, safeNext } from './homePath';

const FIELDS = ['email', 'password', 'code'] as const;

export function SignInPage() {
  const { login, sessionEnded, accountDeleted } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [code, setCode] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [topError, setTopError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!email.trim()) local.email = 'Enter your email address.';
    else if (!/^\S+@\S+\.\S+$/.test(email.trim())) local.email = 'Enter an email address like name@example.com.';
    if (!password) local.password = 'Enter your password.';
    if (needsCode && !code.trim()) local.code = 'Enter the code from your authenticator app.';
    setFieldErrors(local);
    setTopError(null);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const user = await login({ email: email.trim(), password, ...(needsCode ? { code: code.trim() } : {}) });
      navigate(safeNext(params.get('next')) ?? homePath(user), { replace: true });
    } catch (err) {
      const { fields, top } = splitErrors(err, FIELDS);
      if (fields.code && !needsCode) {
        // the password was right; the account signs in with a second factor
        setNeedsCode(true);
        delete fields.code;
      }
      setFieldErrors(fields);
      setTopError(top);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="page page--narrow">
      <h1>Sign in</h1>
      {sessionEnded && <Notice>Your session has ended. Please sign in again.</Notice>}
      {accountDeleted && <Notice>Your account is deleted. Thank you for using Health-Connect.</Notice>}
      <form className="card form" onSubmit={onSubmit} noValidate aria-busy={busy}>
        <ErrorBox>{topError}</ErrorBox>
        <Field label="Email" error={fieldErrors.email}>
          {(p) => (
            <input {...p} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
          )}
        </Field>
        <Field label="Password" error={fieldErrors.password}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          )}
        </Field>
        {needsCode && (
          <Field
            label="Authentication code"
            hint="The 6-digit code from your authenticator app, or one of your recovery codes."
            error={fieldErrors.code}
          >
            {(p) => (
              <input
                {...p}
                autoComplete="one-time-code"
                autoFocus
                value={code}
                onChange={(e) => setCode(e.target.value)}
                required
              />
            )}
          </Field>
        )}
        <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
          Sign in
        </button>
        <p className="form__footer">
          <Link to="/forgot-password">Forgot password?</Link>
        </p>
        <p className="form__footer">
          New to Health-Connect? <Link to="/signup">Create an account</Link>
        </p>
      </form>
    </section>
  );
}
