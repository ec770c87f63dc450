import { ApiError, errorMessage } from '../../api/client';
import { humanField } from '../../api/plainErrors';

/** Splits an error into per-field messages (for fields the form shows) and one top message. */
export function splitErrors(e: unknown, knownFields: readonly string[]): { fields: Record<string, string>; top: string | null } {
  if (!(e instanceof ApiError)) return { fields: {}, top: errorMessage(e) };
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const { field, message } of e.errors) {
    if (knownFields.includes(field)) {
      if (!fields[field]) fields[field] = message;
    } else {
      other.push(field ? `${humanField(field)}: ${message}` : message);
    }
  }
  let top: string | null = null;
  if (other.length) top = other.join(' ');
  else if (Object.keys(fields).length === 0) top = e.userMessage;
  return { fields, top };
}
