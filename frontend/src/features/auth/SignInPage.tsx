import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Field } from '../../ui/Field';
import { useFocusFirstInvalid } from '../../ui/focusFirstInvalid';
import { ErrorBox, Notice } from '../../ui/Feedback';
import { useAuth } from './AuthProvider';
import { splitErrors } from './formErrors';
import { homePath, safeNext } from './homePath';

const FIELDS = ['email', 'password', 'code'] as const;

export function SignInPage() {
  const { t } = useTranslation();
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
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, fieldErrors);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!email.trim()) local.email = t('auth.enterEmail');
    else if (!/^\S+@\S+\.\S+$/.test(email.trim())) local.email = t('errors.emailFormat');
    if (!password) local.password = t('auth.enterPassword');
    if (needsCode && !code.trim()) local.code = t('auth.enterCode');
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
      <h1>{t('auth.signInTitle')}</h1>
      {sessionEnded && <Notice>{t('auth.sessionEnded')}</Notice>}
      {accountDeleted && <Notice>{t('auth.accountDeleted')}</Notice>}
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
        {needsCode && (
          <Field
            label={t('auth.codeLabel')}
            hint={t('auth.codeHint')}
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
