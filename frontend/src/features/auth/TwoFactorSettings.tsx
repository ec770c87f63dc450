import { lazy, Suspense, useEffect, useRef, useState, type FormEvent } from 'react';
import type { User } from '../../api/types';
import { Field } from '../../ui/Field';
import { ErrorBox, Loading, Notice } from '../../ui/Feedback';
import { splitErrors } from './formErrors';
import { markTwoFactorEnrolled } from './operatorTwoFactor';
import { twoFactorApi, type TwoFactorEnrolment, type TwoFactorStatus } from './twoFactorApi';

// the QR code library is loaded only by someone who enrols, never on first load
const TwoFactorQr = lazy(() => import('./TwoFactorQr'));

/** Two-factor sign-in on the account page: set up with an authenticator app, recovery codes, turn off. */
export function TwoFactorSettings({ user, onEnrolled }: { user: User; onEnrolled?: () => void }) {
  const [status, setStatus] = useState<TwoFactorStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);

  useEffect(() => {
    twoFactorApi.status().then(setStatus, (e: unknown) => setError(splitErrors(e, []).top));
  }, []);

  return (
    <section className="card form" aria-labelledby="two-factor">
      <h2 id="two-factor">Two-factor sign-in</h2>
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
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div>
      <h3 ref={heading} tabIndex={-1}>
        Your recovery codes
      </h3>
      <p>Each code signs you in once if you lose your phone. Keep them somewhere safe: they are not shown again.</p>
      <ul className="recovery-codes" aria-label="Recovery codes">
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
        I have saved my recovery codes
      </button>
    </div>
  );
}

function Enrol({ required, onEnabled }: { required: boolean; onEnabled: (codes: string[]) => void }) {
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
      setCodeError('Enter the 6-digit code your app shows.');
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
        <Notice>Operators sign in with two factors. Set it up now to continue to the operators’ pages.</Notice>
      )}
      <p>
        Besides your password, sign-in asks for a code from an authenticator app on your phone (any app for TOTP codes,
        such as FreeOTP, Aegis, Google Authenticator or 1Password).
      </p>
      <ErrorBox>{topError}</ErrorBox>
      {!enrolment ? (
        <button type="button" className="btn btn--primary" onClick={start} disabled={busy}>
          Set up two-factor sign-in
        </button>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-busy={busy} aria-label="Confirm two-factor sign-in">
          <p>1. Scan this code with your authenticator app.</p>
          <Suspense fallback={<Loading label="Drawing the QR code…" />}>
            <TwoFactorQr uri={enrolment.otpauthUri} />
          </Suspense>
          <p>
            Or type this key into the app: <code data-testid="two-factor-secret">{enrolment.secret}</code>
          </p>
          <p>2. Enter the code the app shows.</p>
          <Field label="Code from the app" error={codeError}>
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
            Turn on two-factor sign-in
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
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | undefined>();
  const [topError, setTopError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: 'disable' | 'renew') {
    if (!password) {
      setPasswordError('Enter your password.');
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
      <Notice>
        Two-factor sign-in is on. {status.recoveryCodesLeft} recovery{' '}
        {status.recoveryCodesLeft === 1 ? 'code' : 'codes'} left.
      </Notice>
      <ErrorBox>{topError}</ErrorBox>
      <Field label="Password for two-factor changes" error={passwordError}>
        {(p) => (
          <input {...p} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        )}
      </Field>
      <button type="button" className="btn" onClick={() => run('renew')} disabled={busy}>
        New recovery codes
      </button>{' '}
      {!status.required && (
        <button type="button" className="btn btn--danger" onClick={() => run('disable')} disabled={busy}>
          Turn off two-factor sign-in
        </button>
      )}
    </>
  );
}
