import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { errorMessage } from '../../api/client';
import { ErrorBox, Notice } from '../../ui/Feedback';
import { Field } from '../../ui/Field';
import { operatorApi, type AccountSummary } from './operatorApi';

/** Find any account by e-mail; disable it (its sessions end at once, sign-in refused) or enable it again. */
export default function AdminAccountsPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [account, setAccount] = useState<AccountSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function find(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setNotice(null);
    setAccount(null);
    if (!email.trim()) return;
    setBusy(true);
    try {
      setAccount(await operatorApi.accountByEmail(email.trim()));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function toggle(current: AccountSummary) {
    setError(null);
    setBusy(true);
    try {
      if (current.disabled) await operatorApi.enable(current.id);
      else await operatorApi.disable(current.id);
      setAccount({ ...current, disabled: !current.disabled });
      setNotice(current.disabled ? t('operator.canSignIn', { name: current.name }) : t('operator.disabledNow', { name: current.name }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="page page--narrow">
      <h1>{t('operator.accountsTitle')}</h1>
      <form className="card form" onSubmit={find} aria-busy={busy}>
        <Field label={t('operator.accountEmail')}>
          {(p) => <input {...p} type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />}
        </Field>
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {t('operator.find')}
        </button>
      </form>
      <ErrorBox>{error}</ErrorBox>
      <Notice>{notice}</Notice>
      {account && (
        <div className="card" aria-label={t('operator.accountOf', { name: account.name })}>
          <h2>{account.name}</h2>
          <p>
            {account.email} · {t(`common.role_${account.role}`, { defaultValue: account.role })} · {account.disabled ? t('operator.disabled') : t('operator.active')}
          </p>
          <button type="button" className="btn" disabled={busy} onClick={() => toggle(account)}>
            {account.disabled ? t('operator.enable') : t('operator.disable')}
          </button>
        </div>
      )}
    </section>
  );
}
