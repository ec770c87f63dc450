import { t } from '../i18n/i18n';

/**
 * Bean Validation's defaults ("size must be between 0 and 100") are for developers; these say the same to a person.
 * A message the server already wrote as a sentence passes through unchanged.
 */
export function plainMessage(message: string): string {
  const m = message.trim();
  let r: RegExpExecArray | null;
  if (/^must not be (blank|empty|null)$/i.test(m)) return t('errors.fillIn');
  if ((r = /^size must be between (\d+) and (\d+)$/i.exec(m))) {
    return r[1] === '0' || r[1] === '1' ? t('errors.atMost', { max: r[2] }) : t('errors.between', { min: r[1], max: r[2] });
  }
  if (/well-formed email address/i.test(m)) return t('errors.emailFormat');
  if (/^must be a past date$/i.test(m)) return t('errors.pastDate');
  if (/^must be a (future|future or present) date$/i.test(m)) return t('errors.futureDate');
  if ((r = /^must be greater than or equal to (-?\d+)$/i.exec(m))) return t('errors.orMore', { n: r[1] });
  if ((r = /^must be less than or equal to (-?\d+)$/i.exec(m))) return t('errors.orLess', { n: r[1] });
  if (/^must match ".*"$/i.test(m)) return t('errors.format');
  if (/^must be one of /i.test(m)) return t('errors.oneOf', { options: m.replace(/^must be one of /i, '') });
  if (/^must be an IANA time zone/i.test(m)) return t('errors.zone');
  if (/^must be /i.test(m)) return t('errors.mustBe', { rule: m.replace(/\.$/, '') });
  return m;
}

/**
 * A field path as a person names it, in the UI's language: `emergencyContact[1].phone` → "Emergency contact 2 phone"
 * ("Notfallkontakt 2 Telefon"). Names the catalogue lacks are split into words.
 */
export function humanField(field: string): string {
  const words = field
    .split(/[.[\]]+/)
    .filter(Boolean)
    .map((part) =>
      /^\d+$/.test(part) ? String(Number(part) + 1) : t(`fields.${part}`, { defaultValue: part.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() }),
    )
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
