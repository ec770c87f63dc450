import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { doctorsApi } from '../../api/endpoints';
import type { RegisterRequest } from '../../api/types';
import { browserTimeZone, timeZones } from '../../lib/time';
import { Field } from '../../ui/Field';
import { ErrorBox } from '../../ui/Feedback';
import { useAuth } from './AuthProvider';
import { splitErrors } from './formErrors';
import { homePath } from './homePath';
import { RoleChoice, type SignUpRole } from './RoleChoice';

const FIELDS = ['name', 'email', 'password', 'role', 'specialization', 'qualification', 'experience', 'timeZone', 'about', 'licenseNumber'] as const;

export function SignUpPage() {
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
  const zones = useMemo(() => (role === 'doctor' ? timeZones() : []), [role]);

  useEffect(() => {
    if (role !== 'doctor' || specializations.length) return;
    doctorsApi.specializations().then(setSpecializations, () => undefined);
  }, [role, specializations.length]);

  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  function validate(): Record<string, string> {
    const errs: Record<string, string> = {};
    if (!form.name.trim()) errs.name = 'Enter your name.';
    if (!form.email.trim()) errs.email = 'Enter your email address.';
    else if (!/^\S+@\S+\.\S+$/.test(form.email.trim())) errs.email = 'Enter an email address like name@example.com.';
    const bytes = new TextEncoder().encode(form.password).length;
    if (bytes < 8) errs.password = 'Use at least 8 characters.';
    else if (bytes > 72) errs.password = 'Use at most 72 bytes.';
    if (role === 'doctor') {
      if (!form.specialization.trim()) errs.specialization = 'Enter your specialization.';
      if (!form.qualification.trim()) errs.qualification = 'Enter your qualification.';
      if (!form.licenseNumber.trim()) errs.licenseNumber = 'Enter your medical licence number.';
      const years = Number(form.experience);
      if (form.experience === '' || !Number.isInteger(years) || years < 0 || years > 70)
        errs.experience = 'Enter whole years between 0 and 70.';
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
      <h1>Create your account</h1>
      <form className="card form" onSubmit={onSubmit} noValidate aria-busy={busy}>
        <ErrorBox>{topError}</ErrorBox>
        <RoleChoice value={role} onChange={setRole} />
        <Field label="Name" error={fieldErrors.name}>
          {(p) => <input {...p} autoComplete="name" value={form.name} onChange={set('name')} required />}
        </Field>
        <Field label="Email" error={fieldErrors.email}>
          {(p) => <input {...p} type="email" autoComplete="email" value={form.email} onChange={set('email')} required />}
        </Field>
        <Field label="Password" error={fieldErrors.password} hint="8 to 72 characters.">
          {(p) => (
            <input {...p} type="password" autoComplete="new-password" value={form.password} onChange={set('password')} required />
          )}
        </Field>
        {role === 'doctor' && (
          <>
            <Field label="Specialization" error={fieldErrors.specialization}>
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
            <Field label="Qualification" error={fieldErrors.qualification} hint="For example MBBS, MD (Cardiology).">
              {(p) => <input {...p} value={form.qualification} onChange={set('qualification')} required />}
            </Field>
            <Field label="Licence number" error={fieldErrors.licenseNumber} hint="An operator checks it before patients can find you.">
              {(p) => <input {...p} value={form.licenseNumber} onChange={set('licenseNumber')} required />}
            </Field>
            <Field label="Experience (years)" error={fieldErrors.experience}>
              {(p) => (
                <input {...p} type="number" inputMode="numeric" min={0} max={70} step={1} value={form.experience} onChange={set('experience')} required />
              )}
            </Field>
            <Field label="Time zone" error={fieldErrors.timeZone} hint="Your schedule's times are read in this zone.">
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
            <Field label="About" error={fieldErrors.about}>
              {(p) => <textarea {...p} rows={4} value={form.about} onChange={set('about')} />}
            </Field>
          </>
        )}
        <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
          Create account
        </button>
        <p className="form__footer">
          Already registered? <Link to="/signin">Sign in instead</Link>
        </p>
      </form>
    </section>
  );
}
