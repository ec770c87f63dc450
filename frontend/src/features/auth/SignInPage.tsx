import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Field } from '../../ui/Field';
import { useFocusFirstInvalid } from '../../ui/focusFirstInvalid';
import { ErrorBox, Notice } from '../../ui/Feedback';
import { useAuth } from './AuthProvider';
import { splitErrors } from './formErrors';
import { homePath, safeNext } from './homePath';

const FIELDS = ['email', 'password'] as const;

export function SignInPage() {
  const { t } = useTranslation();
  const { login, sessionEnded } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [topError, setTopError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, fieldErrors);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!email.trim()) local.email = t('auth.enterEmail');
    else if (!/^\S+@\S+\.\S+$/.test(email.trim())) local.email = t('errors.emailFormat');
    if (!password) local.password = t('auth.enterPassword');
    setFieldErrors(local);
    setTopError(null);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const user = await login({ email: email.trim(), password });
      navigate(safeNext(params.get('next')) ?? homePath(user), { replace: true });
    } catch (err) {
      const { fields, top } = splitErrors(err, FIELDS);
      setFieldErrors(fields);
      setTopError(top);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="page page--narrow">
      <h1>{t('auth.signInTitle')}</h1>
      {sessionEnded && <Notice>{t('auth.sessionEnded')}</Notice>}
      <form ref={formRef} className="card form" onSubmit={onSubmit} noValidate aria-busy={busy}>
        <ErrorBox>{topError}</ErrorBox>
        <Field label={t('common.email')} error={fieldErrors.email}>
          {(p) => (
            <input {...p} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
          )}
        </Field>
        <Field label={t('common.password')} error={fieldErrors.password}>
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
        <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
          {t('auth.signInTitle')}
        </button>
        <p className="form__footer">
          <Link to="/forgot-password">{t('auth.forgot')}</Link>
        </p>
        <p className="form__footer">
          {t('auth.newHere')} <Link to="/signup">{t('auth.createAccountLink')}</Link>
        </p>
      </form>
    </section>
  );
}
