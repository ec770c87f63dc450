import { lazy, Suspense, useEffect, useRef, useState, type FormEvent } from 'react';
import type { User } from '../../api/types';
import { useTranslation } from '../../i18n/useTranslation';
import { Field } from '../../ui/Field';
import { ErrorBox, Loading, Notice } from '../../ui/Feedback';
import { splitErrors } from './formErrors';
import { markTwoFactorEnrolled } from './operatorTwoFactor';
import { twoFactorApi, type TwoFactorEnrolment, type TwoFactorStatus } from './twoFactorApi';

// the QR code library is loaded only by someone who enrols, never on first load
const TwoFactorQr = lazy(() => import('./TwoFactorQr'));

/** Two-factor sign-in on the account page: set up with an authenticator app, recovery codes, turn off. */
export function TwoFactorSettings({ user, onEnrolled }: { user: User; onEnrolled?: () => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<TwoFactorStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);

  useEffect(() => {
    twoFactorApi.status().then(setStatus, (e: unknown) => setError(splitErrors(e, []).top));
  }, []);

  return (
    <section className="card form" aria-labelledby="two-factor">
      <h2 id="two-factor">{t('twoFactor.title')}</h2>
      <ErrorBox>{error}</ErrorBox>
      {!status && !error && <Loading />}
      {codes ? (
        <RecoveryCodes
          codes={codes}
          onDone={() => {
            setCodes(null);
            markTwoFactorEnrolled(user.id, true);
            onEnrolled?.();
          }}
        />
      ) : status?.enabled ? (
        <Enabled status={status} onChange={setStatus} onCodes={setCodes} />
      ) : status ? (
        <Enrol
          required={status.required}
          onEnabled={(recoveryCodes) => {
            setStatus({ ...status, enabled: true, recoveryCodesLeft: recoveryCodes.length });
            setCodes(recoveryCodes);
          }}
        />
      ) : null}
    </section>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div>
      <h3 ref={heading} tabIndex={-1}>
        {t('twoFactor.codesTitle')}
      </h3>
      <p>{t('twoFactor.codesText')}</p>
      <ul className="recovery-codes" aria-label={t('twoFactor.codesLabel')}>
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="btn btn--primary"
        onClick={onDone}
      >
        {t('twoFactor.codesSaved')}
      </button>
    </div>
  );
}

function Enrol({ required, onEnabled }: { required: boolean; onEnabled: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolment | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>();
  const [topError, setTopError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function start() {
    setBusy(true);
    setTopError(null);
    try {
      setEnrolment(await twoFactorApi.setUp());
    } catch (e) {
      setTopError(splitErrors(e, []).top);
    } finally {
      setBusy(false);
    }
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!/^\d{6}$/.test(code.replace(/\s/g, ''))) {
      setCodeError(t('twoFactor.codeInvalid'));
      return;
    }
    setBusy(true);
    setCodeError(undefined);
    setTopError(null);
    try {
      const { recoveryCodes } = await twoFactorApi.enable(code.replace(/\s/g, ''));
      onEnabled(recoveryCodes);
    } catch (err) {
      const { fields, top } = splitErrors(err, ['code']);
      setCodeError(fields.code);
      setTopError(top);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {required && (
        <Notice>{t('twoFactor.required')}</Notice>
      )}
      <p>{t('twoFactor.explain')}</p>
      <ErrorBox>{topError}</ErrorBox>
      {!enrolment ? (
        <button type="button" className="btn btn--primary" onClick={start} disabled={busy}>
          {t('twoFactor.setUp')}
        </button>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-busy={busy} aria-label={t('twoFactor.confirmForm')}>
          <p>{t('twoFactor.scan')}</p>
          <Suspense fallback={<Loading label={t('twoFactor.drawingQr')} />}>
            <TwoFactorQr uri={enrolment.otpauthUri} />
          </Suspense>
          <p>
            {t('twoFactor.typeKey')} <code data-testid="two-factor-secret">{enrolment.secret}</code>
          </p>
          <p>{t('twoFactor.enterCode')}</p>
          <Field label={t('twoFactor.codeLabel')} error={codeError}>
            {(p) => (
              <input
                {...p}
                inputMode="numeric"
                autoComplete="one-time-code"
                value={code}
                onChange={(e) => setCode(e.target.value)}
                required
              />
            )}
          </Field>
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {t('twoFactor.turnOn')}
          </button>
        </form>
      )}
    </>
  );
}

function Enabled({
  status,
  onChange,
  onCodes,
}: {
  status: TwoFactorStatus;
  onChange: (s: TwoFactorStatus) => void;
  onCodes: (codes: string[]) => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | undefined>();
  const [topError, setTopError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: 'disable' | 'renew') {
    if (!password) {
      setPasswordError(t('twoFactor.passwordMissing'));
      return;
    }
    setBusy(true);
    setPasswordError(undefined);
    setTopError(null);
    try {
      if (action === 'disable') {
        await twoFactorApi.disable(password);
        onChange({ ...status, enabled: false, recoveryCodesLeft: 0 });
      } else {
        const { recoveryCodes } = await twoFactorApi.renewRecoveryCodes(password);
        onChange({ ...status, recoveryCodesLeft: recoveryCodes.length });
        onCodes(recoveryCodes);
      }
      setPassword('');
    } catch (err) {
      const { fields, top } = splitErrors(err, ['password']);
      setPasswordError(fields.password);
      setTopError(top);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Notice>{t('twoFactor.isOn', { count: status.recoveryCodesLeft })}</Notice>
      <ErrorBox>{topError}</ErrorBox>
      <Field label={t('twoFactor.passwordLabel')} error={passwordError}>
        {(p) => (
          <input {...p} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        )}
      </Field>
      <button type="button" className="btn" onClick={() => run('renew')} disabled={busy}>
        {t('twoFactor.renew')}
      </button>{' '}
      {!status.required && (
        <button type="button" className="btn btn--danger" onClick={() => run('disable')} disabled={busy}>
          {t('twoFactor.turnOff')}
        </button>
      )}
    </>
  );
}
