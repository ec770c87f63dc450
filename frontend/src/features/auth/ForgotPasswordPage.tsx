import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Link } from 'react-router';
import { Field } from '../../ui/Field';
import { useFocusFirstInvalid } from '../../ui/focusFirstInvalid';
import { ErrorBox, Notice } from '../../ui/Feedback';
import { accountApi } from './accountApi';
import { splitErrors } from './formErrors';

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [topError, setTopError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  // a new object per failed attempt, so a repeated mistake moves focus again
  useFocusFirstInvalid(formRef, useMemo(() => (fieldError ? { email: fieldError } : null), [fieldError, attempt]));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setTopError(null);
    setAttempt((a) => a + 1);
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) {
      setFieldError(t('errors.emailFormat'));
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
      <h1>{t('auth.forgotTitle')}</h1>
      {sent ? (
        <div className="card">
          <Notice>
            {t('auth.resetSent', { email: email.trim() })}
          </Notice>
          <p className="form__footer">
            <Link to="/signin">{t('auth.backToSignIn')}</Link>
          </p>
        </div>
      ) : (
        <form ref={formRef} className="card form" onSubmit={onSubmit} noValidate aria-busy={busy}>
          <ErrorBox>{topError}</ErrorBox>
          <p>{t('auth.forgotIntro')}</p>
          <Field label={t('common.email')} error={fieldError}>
            {(p) => (
              <input {...p} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
            )}
          </Field>
          <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
            {t('auth.sendLink')}
          </button>
          <p className="form__footer">
            <Link to="/signin">{t('auth.backToSignIn')}</Link>
          </p>
        </form>
      )}
    </section>
  );
}
