import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { ApiError, errorMessage } from '../../api/client';
import { humanField } from '../../api/plainErrors';
import { patientsApi } from '../../api/endpoints';
import { BLOOD_GROUPS, type EmergencyContact, type PatientProfile, type PatientUser } from '../../api/types';
import { addDays, isoDate, timeZones } from '../../lib/time';
import { useFocusFirstInvalid } from '../../ui/focusFirstInvalid';
import { ErrorBox, Loading, Notice } from '../../ui/Feedback';
import { Field } from '../../ui/Field';
import { useAuth } from '../auth/AuthProvider';
import { ProfilePhoto } from '../media/ImageUpload';
import { CalendarSubscribe } from '../appointment/CalendarSubscribe';

const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
const MAX_CONTACTS = 5;

interface FormState {
  name: string;
  dateOfBirth: string;
  gender: string;
  bloodGroup: string;
  allergies: string;
  emergencyContact: EmergencyContact[];
  profileImage: string | null;
  timeZone: string;
}

export function allergyList(text: string): string[] {
  return text
    .split(/[\n,;]/)
    .map((a) => a.trim())
    .filter((a) => a.length > 0);
}

function toForm(p: PatientUser): FormState {
  return {
    name: p.name ?? '',
    dateOfBirth: p.dateOfBirth ?? '',
    gender: p.gender ?? '',
    bloodGroup: p.bloodGroup ?? '',
    allergies: (p.allergies ?? []).join('\n'),
    emergencyContact: (p.emergencyContact ?? []).map((c) => ({ name: c.name ?? '', relationship: c.relationship ?? '', phone: c.phone ?? '' })),
    profileImage: p.profileImage ?? null,
    timeZone: p.timeZone ?? 'UTC',
  };
}

/**
 * Only the fields PUT /api/patients/me accepts. The API keeps what a null leaves out, so text the patient emptied
 * goes as an empty list (allergies: one per line or comma), which clears it; empty date, gender and blood group stay null.
 */
function toBody(f: FormState): PatientProfile {
  return {
    name: f.name.trim(),
    dateOfBirth: f.dateOfBirth || null,
    gender: f.gender || null,
    bloodGroup: (f.bloodGroup || null) as PatientProfile['bloodGroup'],
    allergies: allergyList(f.allergies),
    emergencyContact: f.emergencyContact
      .map((c) => ({ name: c.name.trim(), relationship: c.relationship.trim(), phone: c.phone.trim() }))
      .filter((c) => c.name || c.relationship || c.phone),
    profileImage: f.profileImage,
    timeZone: f.timeZone,
  };
}

export default function PatientProfilePage() {
  const { t } = useTranslation();
  const { updateUser } = useAuth();
  const [form, setForm] = useState<FormState | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [topError, setTopError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const zones = useMemo(() => timeZones(), []);
  useFocusFirstInvalid(formRef, fieldErrors);

  useEffect(() => {
    let live = true;
    setLoadError(null);
    patientsApi.me().then(
      (p) => live && setForm(toForm(p)),
      (e) => live && setLoadError(e),
    );
    return () => {
      live = false;
    };
  }, [tick]);

  if (loadError != null)
    return (
      <section className="page">
        <h1>{t('patientProfile.title')}</h1>
        <ErrorBox onRetry={() => setTick((n) => n + 1)}>{errorMessage(loadError)}</ErrorBox>
      </section>
    );
  if (!form) return <Loading page label={t('patientProfile.loading')} />;

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((f) => (f ? { ...f, [key]: value } : f));
    setSaved(null);
  };
  const setContact = (i: number, patch: Partial<EmergencyContact>) =>
    set(
      'emergencyContact',
      form.emergencyContact.map((c, n) => (n === i ? { ...c, ...patch } : c)),
    );

  async function submit(next: FormState, successMessage: string) {
    const errs: Record<string, string> = {};
    if (!next.name.trim()) errs.name = t('auth.enterName');
    if (next.dateOfBirth && next.dateOfBirth >= isoDate()) errs.dateOfBirth = t('patientProfile.dobPast');
    if (allergyList(next.allergies).some((a) => a.length > 200)) errs.allergies = t('patientProfile.allergyLength');
    next.emergencyContact.forEach((c, i) => {
      const any = c.name.trim() || c.relationship.trim() || c.phone.trim();
      if (any && !c.name.trim()) errs[`emergencyContact[${i}].name`] = t('patientProfile.contactName');
      if (any && !c.phone.trim()) errs[`emergencyContact[${i}].phone`] = t('patientProfile.contactPhone');
    });
    setFieldErrors(errs);
    setTopError(null);
    if (Object.keys(errs).length) return false;
    setBusy(true);
    try {
      const updated = await patientsApi.updateMe(toBody(next));
      setForm(toForm(updated));
      updateUser(updated);
      setSaved(successMessage);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.errors.length) {
        // list items (`allergies[2]`) are shown on the list's own field
        const fe: Record<string, string> = {};
        for (const [k, m] of Object.entries(e.fieldErrors())) {
          const key = k.startsWith('allergies') ? 'allergies' : k;
          fe[key] ??= key === 'allergies' && k !== key ? t('patientProfile.allergyN', { n: Number(/\d+/.exec(k)?.[0] ?? 0) + 1, message: m }) : m;
        }
        setFieldErrors(fe);
        const known = (k: string) => ['name', 'dateOfBirth', 'gender', 'bloodGroup', 'allergies', 'profileImage', 'timeZone'].includes(k) || k.startsWith('emergencyContact');
        const unknown = Object.entries(fe).filter(([k]) => !known(k));
        setTopError(unknown.length ? unknown.map(([k, m]) => `${humanField(k)}: ${m}`).join(' ') : null);
        if (fe.emergencyContact) setTopError(fe.emergencyContact);
      } else setTopError(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(form, t('patientProfile.saved'));
  };

  return (
    <section className="page page--narrow">
      <h1>{t('patientProfile.title')}</h1>
      <div className="card">
        <ProfilePhoto
          name={form.name || t('doctorProfile.you')}
          url={form.profileImage}
          onUploaded={async (m) => {
            await submit({ ...form, profileImage: m.url }, t('patientProfile.photoUpdated'));
          }}
        />
      </div>
      <form ref={formRef} className="card form" onSubmit={onSubmit} noValidate aria-busy={busy}>
        <ErrorBox>{topError}</ErrorBox>
        <Field label={t('common.name')} error={fieldErrors.name}>
          {(p) => <input {...p} autoComplete="name" value={form.name} onChange={(e) => set('name', e.target.value)} />}
        </Field>
        <div className="form-row">
          <Field label={t('patientProfile.dob')} error={fieldErrors.dateOfBirth}>
            {(p) => (
              <input {...p} type="date" max={addDays(isoDate(), -1)} value={form.dateOfBirth} onChange={(e) => set('dateOfBirth', e.target.value)} />
            )}
          </Field>
          <Field label={t('patientProfile.gender')} error={fieldErrors.gender}>
            {(p) => (
              <select {...p} value={form.gender} onChange={(e) => set('gender', e.target.value)}>
                <option value="">{t('patientProfile.notSet')}</option>
                {GENDERS.map((v) => (
                  <option key={v} value={v}>
                    {t(`patientProfile.${v}`)}
                  </option>
                ))}
                {form.gender && !GENDERS.some((v) => v === form.gender) && <option value={form.gender}>{form.gender}</option>}
              </select>
            )}
          </Field>
          <Field label={t('patientProfile.bloodGroup')} error={fieldErrors.bloodGroup}>
            {(p) => (
              <select {...p} value={form.bloodGroup} onChange={(e) => set('bloodGroup', e.target.value)}>
                <option value="">{t('patientProfile.notKnown')}</option>
                {BLOOD_GROUPS.map((g) => (
                  <option key={g} value={g}>
                    {g}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field label={t('auth.timeZone')} error={fieldErrors.timeZone} hint={t('patientProfile.zoneHint')}>
          {(p) => (
            <select {...p} value={form.timeZone} onChange={(e) => set('timeZone', e.target.value)}>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('patientProfile.allergies')} error={fieldErrors.allergies} hint={t('patientProfile.allergiesHint')}>
          {(p) => <textarea {...p} rows={3} value={form.allergies} onChange={(e) => set('allergies', e.target.value)} />}
        </Field>

        <fieldset className="contacts">
          <legend>{t('patientProfile.contacts')}</legend>
          {form.emergencyContact.length === 0 && <p className="muted">{t('patientProfile.noContacts')}</p>}
          {form.emergencyContact.map((c, i) => (
            <div key={i} className="contact-row" role="group" aria-label={t('patientProfile.contactN', { n: i + 1 })}>
              <Field label={t('patientProfile.contactNName', { n: i + 1 })} error={fieldErrors[`emergencyContact[${i}].name`]}>
                {(p) => <input {...p} value={c.name} onChange={(e) => setContact(i, { name: e.target.value })} />}
              </Field>
              <Field label={t('patientProfile.contactNRelationship', { n: i + 1 })} error={fieldErrors[`emergencyContact[${i}].relationship`]}>
                {(p) => <input {...p} value={c.relationship} onChange={(e) => setContact(i, { relationship: e.target.value })} />}
              </Field>
              <Field label={t('patientProfile.contactNPhone', { n: i + 1 })} error={fieldErrors[`emergencyContact[${i}].phone`]}>
                {(p) => <input {...p} type="tel" autoComplete="off" value={c.phone} onChange={(e) => setContact(i, { phone: e.target.value })} />}
              </Field>
              <button
                type="button"
                className="btn btn--ghost btn--small"
                onClick={() =>
                  set(
                    'emergencyContact',
                    form.emergencyContact.filter((_, n) => n !== i),
                  )
                }
              >
                {t('patientProfile.removeContact', { n: i + 1 })}
              </button>
            </div>
          ))}
          {form.emergencyContact.length < MAX_CONTACTS ? (
            <button
              type="button"
              className="btn btn--ghost btn--small"
              onClick={() => set('emergencyContact', [...form.emergencyContact, { name: '', relationship: '', phone: '' }])}
            >
              {t('patientProfile.addContact')}
            </button>
          ) : (
            <p className="muted small">{t('patientProfile.upTo', { max: MAX_CONTACTS })}</p>
          )}
        </fieldset>
        <Notice>{saved}</Notice>
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {t('patientProfile.save')}
        </button>
      </form>
      <div className="card">
        <CalendarSubscribe />
      </div>
    </section>
  );
}
