import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Link, useSearchParams } from 'react-router';
import { Field } from '../../ui/Field';
import { useFocusFirstInvalid } from '../../ui/focusFirstInvalid';
import { ErrorBox, Notice } from '../../ui/Feedback';
import { accountApi } from './accountApi';
import { splitErrors } from './formErrors';

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [topError, setTopError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (password.length < 8) local.password = t('auth.atLeast8');
    if (repeat !== password) local.repeat = t('auth.passwordsDiffer');
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
        <h1>{t('auth.resetTitle')}</h1>
        <ErrorBox>{t('auth.noToken')}</ErrorBox>
        <p>
          <Link to="/forgot-password">{t('auth.askNewLink')}</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="page page--narrow">
      <h1>{t('auth.resetTitle')}</h1>
      {done ? (
        <div className="card">
          <Notice>{t('auth.resetDone')}</Notice>
          <p className="form__footer">
            <Link to="/signin">{t('auth.signInWithNew')}</Link>
          </p>
        </div>
      ) : (
        <form ref={formRef} className="card form" onSubmit={onSubmit} noValidate aria-busy={busy}>
          <ErrorBox>{topError}</ErrorBox>
          <Field label={t('auth.newPassword')} hint={t('auth.passwordHint')} error={errors.password}>
            {(p) => (
              <input {...p} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
            )}
          </Field>
          <Field label={t('auth.repeatPassword')} error={errors.repeat}>
            {(p) => (
              <input {...p} type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} required />
            )}
          </Field>
          <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
            {t('auth.setPassword')}
          </button>
          {topError && (
            <p className="form__footer">
              <Link to="/forgot-password">{t('auth.askNewLink')}</Link>
            </p>
          )}
        </form>
      )}
    </section>
  );
}
