/**
 * Bean Validation's defaults ("size must be between 0 and 100") are for developers; these say the same to a person.
 * A message the server already wrote as a sentence passes through unchanged.
 */
export function plainMessage(message: string): string {
  const m = message.trim();
  let r: RegExpExecArray | null;
  if (/^must not be (blank|empty|null)$/i.test(m)) return 'Fill this in.';
  if ((r = /^size must be between (\d+) and (\d+)$/i.exec(m))) {
    return r[1] === '0' || r[1] === '1' ? `Use at most ${r[2]} characters.` : `Use ${r[1]} to ${r[2]} characters.`;
  }
  if (/well-formed email address/i.test(m)) return 'Enter an email address like name@example.com.';
  if (/^must be a past date$/i.test(m)) return 'Enter a date in the past.';
  if (/^must be a (future|future or present) date$/i.test(m)) return 'Enter a date that has not passed.';
  if ((r = /^must be greater than or equal to (-?\d+)$/i.exec(m))) return `Enter ${r[1]} or more.`;
  if ((r = /^must be less than or equal to (-?\d+)$/i.exec(m))) return `Enter ${r[1]} or less.`;
  if (/^must match ".*"$/i.test(m)) return 'This is not in the expected format.';
  if (/^must be one of /i.test(m)) return `Choose one of: ${m.replace(/^must be one of /i, '')}.`;
  if (/^must be an IANA time zone/i.test(m)) return 'Choose a time zone from the list.';
  if (/^must be /i.test(m)) return `This ${m.replace(/\.$/, '')}.`;
  return m;
}

/** A field path as a person names it: `emergencyContact[1].phone` → "Emergency contact 2 phone". */
export function humanField(field: string): string {
  const words = field
    .replace(/\[(\d+)\]/g, (_, n: string) => ` ${Number(n) + 1} `)
    .replace(/\./g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^allergies (\d+)/, 'allergy $1');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
