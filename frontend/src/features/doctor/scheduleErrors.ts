import { t } from '../../i18n/i18n';
import type { FieldError } from '../../api/types';

export interface ScheduleErrorMap {
  /** Keyed by `${dayIndex}` for the day, `${dayIndex}.${slotIndex}` for a slot. */
  at: Record<string, string[]>;
  /** Messages that name no day we sent. */
  top: string[];
}

// Accepts `schedule[0].slots[1].endTime`, `[0].slots[1].endTime`, `days[0]…`,
// `updateSchedule.schedule[0].slots[1]`, `0.slots.1.endTime` and similar index paths.
const PATH = /(?:^|[.[\]])(\d+)\]?(?:\.slots(?:\[(\d+)\]|\.(\d+))(?:\.(\w+))?|\.(\w+))?$/;

/**
 * Sorts the server's schedule validation errors onto the day and slot they name.
 * Indexes are those of the array we sent.
 */
export function mapScheduleErrors(errors: FieldError[]): ScheduleErrorMap {
  const result: ScheduleErrorMap = { at: {}, top: [] };
  for (const { field, message } of errors) {
    const m = PATH.exec(field ?? '');
    if (!m) {
      result.top.push(message);
      continue;
    }
    const day = m[1];
    const slot = m[2] ?? m[3];
    const prop = slot !== undefined ? m[4] : undefined;
    const key = slot !== undefined ? `${day}.${slot}` : day;
    const label = prop ? humanProp(prop) : '';
    const text = label && !message.toLowerCase().includes(label.toLowerCase()) ? `${label}: ${message}` : message;
    (result.at[key] ??= []).push(text);
  }
  return result;
}

function humanProp(prop: string): string {
  switch (prop) {
    case 'startTime':
      return t('schedule.start');
    case 'endTime':
      return t('schedule.end');
    case 'isAvailable':
      return t('schedule.availability');
    default:
      return '';
  }
}
