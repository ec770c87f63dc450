import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Field } from '../../ui/Field';
import { ErrorBox, Notice } from '../../ui/Feedback';
import { accountApi } from './accountApi';
import { splitErrors } from './formErrors';

export default function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [topError, setTopError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setTopError(null);
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) {
      setFieldError('Enter an email address like name@example.com.');
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      await accountApi.requestPasswordReset(email.trim());
      setSent(true);
    } catch (err) {
      const { fields, top } = splitErrors(err, ['email']);
      setFieldError(fields.email);
      setTopError(top);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="page page--narrow">
      <h1>Forgot password</h1>
      {sent ? (
        <div className="card">
          <Notice>
            If an account uses {email.trim()}, we have sent it a link to choose a new password. The link works once,
            for 30 minutes.
          </Notice>
          <p className="form__footer">
            <Link to="/signin">Back to sign in</Link>
          </p>
        </div>
      ) : (
        <form className="card form" onSubmit={onSubmit} noValidate aria-busy={busy}>
          <ErrorBox>{topError}</ErrorBox>
          <p>Enter the email address of your account and we will send you a link to choose a new password.</p>
          <Field label="Email" error={fieldError}>
            {(p) => (
              <input {...p} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
            )}
          </Field>
          <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
            Send reset link
          </button>
          <p className="form__footer">
            <Link to="/signin">Back to sign in</Link>
          </p>
        </form>
      )}
    </section>
  );
}
