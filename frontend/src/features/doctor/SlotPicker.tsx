import { useId } from 'react';
import { doctorsApi } from '../../api/endpoints';
import { errorMessage } from '../../api/client';
import type { Slot } from '../../api/types';
import { addDays, browserTimeZone, clockTime, formatDay, isoDate, zonesDiffer } from '../../lib/time';
import { Empty, ErrorBox, Loading } from '../../ui/Feedback';
import { useAsync } from '../../ui/useAsync';

interface SlotPickerProps {
  doctorId: string;
  doctorTimeZone: string;
  date: string;
  onDateChange: (date: string) => void;
  selected: Slot | null;
  onSelect: (slot: Slot | null) => void;
  /** Bump to reload the slots (after a booking, a conflict…). */
  refreshKey?: number;
}

export function slotLocalTime(slot: Slot): string {
  return slot.startsAt ? clockTime(slot.startsAt) : slot.startTime;
}

/**
 * A day's slots for a doctor. The date is the doctor's calendar day; each slot is a
 * button named by its start in the viewer's local time, with the doctor's clock
 * time beside it when the zones differ.
 */
export function SlotPicker({ doctorId, doctorTimeZone, date, onDateChange, selected, onSelect, refreshKey = 0 }: SlotPickerProps) {
  const dateId = useId();
  const noteId = useId();
  const viewerZone = browserTimeZone();
  const differ = zonesDiffer(viewerZone, doctorTimeZone || 'UTC');
  const today = isoDate(new Date(), doctorTimeZone || undefined);
  const slots = useAsync((signal) => doctorsApi.slots(doctorId, date, signal), [doctorId, date, refreshKey]);

  const changeDate = (d: string) => {
    onSelect(null);
    onDateChange(d);
  };

  return (
    <div className="slot-picker">
      <div className="slot-picker__date">
        <button type="button" className="btn btn--ghost" onClick={() => changeDate(addDays(date, -1))} disabled={date <= today}>
          <span aria-hidden="true">‹</span>
          <span className="visually-hidden">Previous day</span>
        </button>
        <div className="field">
          <label htmlFor={dateId}>Date</label>
          <input id={dateId} type="date" value={date} min={today} onChange={(e) => e.target.value && changeDate(e.target.value)} />
        </div>
        <button type="button" className="btn btn--ghost" onClick={() => changeDate(addDays(date, 1))}>
          <span aria-hidden="true">›</span>
          <span className="visually-hidden">Next day</span>
        </button>
      </div>
      <p className="muted" id={noteId}>
        {formatDay(date)}. Times are in your time zone ({viewerZone.replace(/_/g, ' ')})
        {differ ? `; the doctor's time (${doctorTimeZone.replace(/_/g, ' ')}) is shown below each.` : '.'}
      </p>
      {slots.loading && <Loading label="Loading slots…" />}
      {slots.error != null && <ErrorBox onRetry={slots.reload}>{errorMessage(slots.error)}</ErrorBox>}
      {!slots.loading && slots.data && slots.data.length === 0 && <Empty>No consultation hours on this day. Try another date.</Empty>}
      {!slots.loading && slots.data && slots.data.length > 0 && (
        <>
          <ul className="slot-list" aria-label={`Slots on ${formatDay(date)}`} aria-describedby={noteId}>
            {slots.data.map((slot) => {
              const isSelected = selected?.slotNumber === slot.slotNumber && selected.startTime === slot.startTime;
              return (
                <li key={`${slot.slotNumber}-${slot.startTime}`}>
                  <button
                    type="button"
                    className="slot"
                    aria-pressed={isSelected}
                    disabled={!slot.available}
                    onClick={() => onSelect(isSelected ? null : slot)}
                  >
                    {slotLocalTime(slot)}
                    {differ && (
                      <span className="slot__doctor-time" aria-hidden="true">
                        {slot.startTime} doctor
                      </span>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
          {slots.data.every((s) => !s.available) && <p className="muted">All slots on this day are taken or over.</p>}
        </>
      )}
    </div>
  );
}
