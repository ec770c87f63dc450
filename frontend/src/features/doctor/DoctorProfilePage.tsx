import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { ApiError, errorMessage } from '../../api/client';
import { doctorsApi } from '../../api/endpoints';
import type { DoctorProfile, DoctorUser } from '../../api/types';
import { timeZones } from '../../lib/time';
import { ErrorBox, Loading, Notice } from '../../ui/Feedback';
import { Field } from '../../ui/Field';
import { useFocusFirstInvalid } from '../../ui/focusFirstInvalid';
import { useAuth } from '../auth/AuthProvider';
import { ProfilePhoto } from '../media/ImageUpload';
import { CalendarSubscribe } from '../appointment/CalendarSubscribe';
import { PracticeRules, TimeOffEditor } from './PracticeRules';

interface FormState {
  name: string;
  specialization: string;
  qualification: string;
  experience: string;
  about: string;
  contactNumber: string;
  timeZone: string;
  profileImage: string | null;
}

function toForm(d: Partial<DoctorUser>): FormState {
  return {
    name: d.name ?? '',
    specialization: d.specialization ?? '',
    qualification: d.qualification ?? '',
    experience: d.experience != null ? String(d.experience) : '',
    about: d.about ?? '',
    contactNumber: d.contactNumber ?? '',
    timeZone: d.timeZone || 'UTC',
    profileImage: d.profileImage ?? null,
  };
}

function toBody(f: FormState): DoctorProfile {
  return {
    name: f.name.trim(),
    specialization: f.specialization.trim(),
    qualification: f.qualification.trim(),
    experience: Number(f.experience),
    // empty, not null: the API keeps a field a null leaves out, so an emptied field has to say so
    about: f.about.trim(),
    contactNumber: f.contactNumber.trim(),
    timeZone: f.timeZone,
    profileImage: f.profileImage,
  };
}

const KNOWN = ['name', 'specialization', 'qualification', 'experience', 'about', 'contactNumber', 'timeZone', 'profileImage'];

export default function DoctorProfilePage() {
  const { t } = useTranslation();
  const { user, updateUser } = useAuth();
  const [form, setForm] = useState<FormState | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [topError, setTopError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const zones = useMemo(() => timeZones(), []);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, fieldErrors);

  useEffect(() => {
    if (!user) return;
    // The public doctor view carries contactNumber/rating too; fall back to the session user.
    doctorsApi.get(user.id).then(
      (d) => setForm(toForm({ ...(user as DoctorUser), ...d })),
      () => setForm(toForm(user as DoctorUser)),
    );
  }, [user]);

  if (!form) return <Loading label={t('doctorProfile.loading')} />;

  const set = (key: keyof FormState) => (e: { target: { value: string } }) => {
    setForm((f) => (f ? { ...f, [key]: e.target.value } : f));
    setSaved(null);
  };

  async function submit(next: FormState, message: string) {
    const errs: Record<string, string> = {};
    if (!next.name.trim()) errs.name = t('auth.enterName');
    if (!next.specialization.trim()) errs.specialization = t('auth.enterSpecialization');
    if (!next.qualification.trim()) errs.qualification = t('auth.enterQualification');
    const years = Number(next.experience);
    if (next.experience === '' || !Number.isInteger(years) || years < 0 || years > 70) errs.experience = t('auth.enterYears');
    setFieldErrors(errs);
    setTopError(null);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const updated = await doctorsApi.updateMe(toBody(next));
      const merged = { ...(user as DoctorUser), ...updated } as DoctorUser;
      updateUser(merged);
      setForm(toForm(merged));
      setSaved(message);
    } catch (e) {
      if (e instanceof ApiError && e.errors.length) {
        const fe = e.fieldErrors();
        setFieldErrors(fe);
        const unknown = Object.entries(fe).filter(([k]) => !KNOWN.includes(k));
        setTopError(unknown.length ? unknown.map(([k, m]) => `${k}: ${m}`).join(' ') : null);
      } else setTopError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="page page--narrow">
      <h1>{t('doctorProfile.title')}</h1>
      <div className="card">
        <ProfilePhoto name={form.name || t('doctorProfile.you')} url={form.profileImage} onUploaded={(m) => submit({ ...form, profileImage: m.url }, t('doctorProfile.photoUpdated'))} />
      </div>
      <form
        ref={formRef}
        className="card form"
        noValidate
        aria-busy={busy}
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void submit(form, t('doctorProfile.saved'));
        }}
      >
        <ErrorBox>{topError}</ErrorBox>
        <Field label={t('common.name')} error={fieldErrors.name}>
          {(p) => <input {...p} autoComplete="name" value={form.name} onChange={set('name')} />}
        </Field>
        <Field label={t('auth.specialization')} error={fieldErrors.specialization}>
          {(p) => <input {...p} value={form.specialization} onChange={set('specialization')} />}
        </Field>
        <Field label={t('auth.qualification')} error={fieldErrors.qualification}>
          {(p) => <input {...p} value={form.qualification} onChange={set('qualification')} />}
        </Field>
        <div className="form-row">
          <Field label={t('auth.experience')} error={fieldErrors.experience}>
            {(p) => <input {...p} type="number" min={0} max={70} step={1} value={form.experience} onChange={set('experience')} />}
          </Field>
          <Field label={t('doctorProfile.contact')} error={fieldErrors.contactNumber}>
            {(p) => <input {...p} type="tel" value={form.contactNumber} onChange={set('contactNumber')} />}
          </Field>
        </div>
        <Field label={t('auth.timeZone')} error={fieldErrors.timeZone} hint={t('doctorProfile.zoneHint')}>
          {(p) => (
            <select {...p} value={form.timeZone} onChange={set('timeZone')}>
              {(zones.includes(form.timeZone) ? zones : [form.timeZone, ...zones]).map((z) => (
                <option key={z} value={z}>
                  {z.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('auth.about')} error={fieldErrors.about}>
          {(p) => <textarea {...p} rows={5} value={form.about} onChange={set('about')} />}
        </Field>
        <Notice>{saved}</Notice>
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {t('doctorProfile.save')}
        </button>
      </form>
      <PracticeRules />
      <TimeOffEditor />
      <div className="card">
        <CalendarSubscribe />
      </div>
    </section>
  );
}
