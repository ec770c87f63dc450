import { useId } from 'react';
import { useTranslation } from '../../i18n/useTranslation';

/** The Patient / Doctor choice: a radio group named "Role". */
/** Operators never sign up. */
export type SignUpRole = 'patient' | 'doctor';

export function RoleChoice({ value, onChange }: { value: SignUpRole; onChange: (r: SignUpRole) => void }) {
  const { t } = useTranslation();
  const name = useId();
  const legendId = `${name}-legend`;
  return (
    <fieldset className="role-choice" role="radiogroup" aria-labelledby={legendId}>
      <legend id={legendId}>{t('common.role')}</legend>
      {(['patient', 'doctor'] as const).map((r) => (
        <label key={r} className="role-choice__option">
          <input type="radio" name={name} value={r} checked={value === r} onChange={() => onChange(r)} />
          {t(`common.role_${r}`)}
        </label>
      ))}
    </fieldset>
  );
}
