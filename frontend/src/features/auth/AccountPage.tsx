import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from '../../i18n/useTranslation';
import { Field } from '../../ui/Field';
import { useFocusFirstInvalid } from '../../ui/focusFirstInvalid';
import { ErrorBox, Notice } from '../../ui/Feedback';
import { accountApi } from './accountApi';
import { useAuth } from './AuthProvider';
import { homePath } from './homePath';
import { TwoFactorSettings } from './TwoFactorSettings';
import { splitErrors } from './formErrors';

/** The signed-in account's own settings: password, a copy of my data, deleting the account. */
export default function AccountPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  return (
    <section className="page page--narrow">
      <h1>{t('auth.accountTitle')}</h1>
      {user && (
        <TwoFactorSettings
          user={user}
          onEnrolled={() => {
            if (user.role === 'operator') navigate(homePath(user));
          }}
        />
      )}
      {user?.role !== 'operator' && <TestDevices />}
      <ChangePassword />
      <ExportData />
      {user?.role !== 'operator' && <DeleteAccount />}
    </section>
  );
}

/** The way to the device check before a video visit. */
function TestDevices() {
  const { t } = useTranslation();
  return (
    <section className="card form" aria-labelledby="test-devices">
      <h2 id="test-devices">{t('deviceCheck.accountTitle')}</h2>
      <p>{t('deviceCheck.accountText')}</p>
      <Link className="btn" to="/device-check" state={{ from: '/account' }}>
        {t('deviceCheck.link')}
      </Link>
    </section>
  );
}

function ExportData() {
  const { t } = useTranslation();
  return (
    <section className="card form" aria-labelledby="export-data">
      <h2 id="export-data">{t('account.dataTitle')}</h2>
      <p>{t('account.dataText')}</p>
      <a className="btn" href={accountApi.exportUrl} download="health-connect-my-data.json">
        {t('account.download')}
      </a>
    </section>
  );
}

function DeleteAccount() {
  const { t } = useTranslation();
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
      setError(t('account.deletePasswordMissing'));
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
      <h2 id="delete-account">{t('account.deleteTitle')}</h2>
      <p>{t('account.deleteText')}</p>
      <ErrorBox>{topError}</ErrorBox>
      <Field label={t('common.password')} hint={t('account.deletePasswordHint')} error={error}>
        {(p) => (
          <input {...p} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        )}
      </Field>
      {confirming ? (
        <div role="alertdialog" aria-labelledby="delete-confirm" className="confirm">
          <h3 id="delete-confirm" tabIndex={-1} ref={confirmHeading}>
            {t('account.deleteConfirm')}
          </h3>
          <button type="button" className="btn btn--danger" onClick={onConfirm} disabled={busy}>
            {t('account.deletePermanently')}
          </button>{' '}
          <button type="button" className="btn" onClick={() => setConfirming(false)} disabled={busy}>
            {t('account.keep')}
          </button>
        </div>
      ) : (
        <button type="submit" className="btn btn--danger">
          {t('account.deleteButton')}
        </button>
      )}
    </form>
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
