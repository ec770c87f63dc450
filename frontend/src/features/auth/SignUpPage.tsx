import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { doctorsApi } from '../../api/endpoints';
import type { RegisterRequest } from '../../api/types';
import { browserTimeZone, timeZones } from '../../lib/time';
import { Field } from '../../ui/Field';
import { useFocusFirstInvalid } from '../../ui/focusFirstInvalid';
import { ErrorBox } from '../../ui/Feedback';
import { useAuth } from './AuthProvider';
import { splitErrors } from './formErrors';
import { homePath } from './homePath';
import { RoleChoice, type SignUpRole } from './RoleChoice';

const FIELDS = ['name', 'email', 'password', 'role', 'specialization', 'qualification', 'experience', 'timeZone', 'about', 'licenseNumber'] as const;

export function SignUpPage() {
  const { t } = useTranslation();
  const { register } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [role, setRole] = useState<SignUpRole>(params.get('role') === 'doctor' ? 'doctor' : 'patient');
  const [form, setForm] = useState({
    name: '',
    email: '',
    password: '',
    specialization: '',
    qualification: '',
    experience: '',
    licenseNumber: '',
    timeZone: browserTimeZone(),
    about: '',
  });
  const [specializations, setSpecializations] = useState<string[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [topError, setTopError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, fieldErrors);
  const zones = useMemo(() => (role === 'doctor' ? timeZones() : []), [role]);

  useEffect(() => {
    if (role !== 'doctor' || specializations.length) return;
    doctorsApi.specializations().then(setSpecializations, () => undefined);
  }, [role, specializations.length]);

  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  function validate(): Record<string, string> {
    const errs: Record<string, string> = {};
    if (!form.name.trim()) errs.name = t('auth.enterName');
    if (!form.email.trim()) errs.email = t('auth.enterEmail');
    else if (!/^\S+@\S+\.\S+$/.test(form.email.trim())) errs.email = t('errors.emailFormat');
    const bytes = new TextEncoder().encode(form.password).length;
    if (bytes < 8) errs.password = t('auth.atLeast8');
    else if (bytes > 72) errs.password = t('auth.atMost72');
    if (role === 'doctor') {
      if (!form.specialization.trim()) errs.specialization = t('auth.enterSpecialization');
      if (!form.qualification.trim()) errs.qualification = t('auth.enterQualification');
      if (!form.licenseNumber.trim()) errs.licenseNumber = t('auth.enterLicence');
      const years = Number(form.experience);
      if (form.experience === '' || !Number.isInteger(years) || years < 0 || years > 70)
        errs.experience = t('auth.enterYears');
    }
    return errs;
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const errs = validate();
    setFieldErrors(errs);
    setTopError(null);
    if (Object.keys(errs).length) return;
    const base = { name: form.name.trim(), email: form.email.trim(), password: form.password };
    const request: RegisterRequest =
      role === 'doctor'
        ? {
            role,
            ...base,
            specialization: form.specialization.trim(),
            qualification: form.qualification.trim(),
            experience: Number(form.experience),
            licenseNumber: form.licenseNumber.trim(),
            timeZone: form.timeZone || undefined,
            about: form.about.trim() || undefined,
          }
        : { role, ...base, timeZone: form.timeZone || undefined };
    setBusy(true);
    try {
      const user = await register(request);
      navigate(user.role === 'doctor' ? '/schedule' : homePath(user), { replace: true });
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
      <h1>{t('auth.signUpTitle')}</h1>
      <form ref={formRef} className="card form" onSubmit={onSubmit} noValidate aria-busy={busy}>
        <ErrorBox>{topError}</ErrorBox>
        <RoleChoice value={role} onChange={setRole} />
        <Field label={t('common.name')} error={fieldErrors.name}>
          {(p) => <input {...p} autoComplete="name" value={form.name} onChange={set('name')} required />}
        </Field>
        <Field label={t('common.email')} error={fieldErrors.email}>
          {(p) => <input {...p} type="email" autoComplete="email" value={form.email} onChange={set('email')} required />}
        </Field>
        <Field label={t('common.password')} error={fieldErrors.password} hint={t('auth.passwordHint')}>
          {(p) => (
            <input {...p} type="password" autoComplete="new-password" value={form.password} onChange={set('password')} required />
          )}
        </Field>
        {role === 'doctor' && (
          <>
            <Field label={t('auth.specialization')} error={fieldErrors.specialization}>
              {(p) => (
                <>
                  <input {...p} list="specializations" value={form.specialization} onChange={set('specialization')} required />
                  <datalist id="specializations">
                    {specializations.map((s) => (
                      <option key={s} value={s} />
                    ))}
                  </datalist>
                </>
              )}
            </Field>
            <Field label={t('auth.qualification')} error={fieldErrors.qualification} hint={t('auth.qualificationHint')}>
              {(p) => <input {...p} value={form.qualification} onChange={set('qualification')} required />}
            </Field>
            <Field label={t('auth.licence')} error={fieldErrors.licenseNumber} hint={t('auth.licenceHint')}>
              {(p) => <input {...p} value={form.licenseNumber} onChange={set('licenseNumber')} required />}
            </Field>
            <Field label={t('auth.experience')} error={fieldErrors.experience}>
              {(p) => (
                <input {...p} type="number" inputMode="numeric" min={0} max={70} step={1} value={form.experience} onChange={set('experience')} required />
              )}
            </Field>
            <Field label={t('auth.timeZone')} error={fieldErrors.timeZone} hint={t('auth.timeZoneHint')}>
              {(p) => (
                <select {...p} value={form.timeZone} onChange={set('timeZone')}>
                  {zones.map((z) => (
                    <option key={z} value={z}>
                      {z.replace(/_/g, ' ')}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('auth.about')} error={fieldErrors.about}>
              {(p) => <textarea {...p} rows={4} value={form.about} onChange={set('about')} />}
            </Field>
          </>
        )}
        <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
          {t('auth.createAccount')}
        </button>
        <p className="form__footer">
          {t('auth.already')} <Link to="/signin">{t('auth.signInInstead')}</Link>
        </p>
      </form>
    </section>
  );
}
