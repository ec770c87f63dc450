import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { doctorsApi } from '../../api/endpoints';
import { errorMessage } from '../../api/client';
import type { Slot } from '../../api/types';
import { addDays, clockTime, formatDay, isoDate, viewerLocale, viewerZone, zonesDiffer } from '../../lib/time';
import { ErrorBox, Loading } from '../../ui/Feedback';

interface SlotPickerProps {
  doctorId: string;
  doctorTimeZone: string;
  selected: Slot | null;
  onSelect: (slot: Slot | null) => void;
  /** The viewer's day to open on; without it the picker opens on the first day with a free slot. */
  initialDay?: string;
  /** Bump to reload the slots (after a booking, a conflict…). */
  refreshKey?: number;
}

/** How many weeks ahead "next available" looks before giving up. */
const SEARCH_WEEKS = 8;

export function slotLocalTime(slot: Slot): string {
  return slot.startsAt ? clockTime(slot.startsAt) : slot.startTime;
}

/** The doctor's calendar day a slot belongs to: what the booking API takes with its `startTime`. */
export function slotDoctorDate(slot: Slot, doctorTimeZone: string): string {
  return isoDate(new Date(slot.startsAt), doctorTimeZone || 'UTC');
}

/** The viewer's calendar day of a slot: the day the viewer lives it, which may not be the doctor's. */
export function slotViewerDay(slot: Slot): string {
  return isoDate(new Date(slot.startsAt));
}

const sameSlot = (a: Slot | null, b: Slot) => a != null && a.startsAt === b.startsAt;

type Period = 'Morning' | 'Afternoon' | 'Evening';
function period(slot: Slot): Period {
  const hour = Number(slotLocalTime(slot).slice(0, 2));
  return hour < 12 ? 'Morning' : hour < 18 ? 'Afternoon' : 'Evening';
}

/**
 * Slots of the seven viewer days from `start`, keyed by viewer day. The API answers per doctor day; a viewer day can
 * straddle two of them, so the doctor days around the week are asked and every slot is filed under the day its
 * instant falls on in the viewer's zone.
 */
async function loadWeek(doctorId: string, doctorTimeZone: string, start: string, signal: AbortSignal): Promise<Map<string, Slot[]>> {
  const doctorToday = isoDate(new Date(), doctorTimeZone || 'UTC');
  const doctorDays = Array.from({ length: 9 }, (_, i) => addDays(start, i - 1)).filter((d) => d >= doctorToday);
  const answers = await Promise.all(doctorDays.map((d) => doctorsApi.slots(doctorId, d, signal)));
  const week = new Map<string, Slot[]>(Array.from({ length: 7 }, (_, i) => [addDays(start, i), [] as Slot[]]));
  for (const slot of answers.flat()) {
    if (!slot.startsAt) continue;
    week.get(slotViewerDay(slot))?.push(slot);
  }
  for (const slots of week.values()) slots.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return week;
}

interface WeekState {
  start: string;
  days: Map<string, Slot[]>;
}

/**
 * Finding a time: a week at a glance (each day with its count of free slots), opening on the next available day, and
 * that day's slots grouped into morning, afternoon and evening. Every date and time is the viewer's; the doctor's
 * clock time is shown beside a slot when the zones differ. Each group is one tab stop whose slots the arrow keys move
 * through (a radio group).
 */
export function SlotPicker({ doctorId, doctorTimeZone, selected, onSelect, initialDay, refreshKey = 0 }: SlotPickerProps) {
  const { t } = useTranslation();
  const dateId = useId();
  const noteId = useId();
  const zone = viewerZone();
  const differ = zonesDiffer(zone, doctorTimeZone || 'UTC');
  const today = isoDate(new Date());
  const [anchor, setAnchor] = useState<{ start: string; day: string | null; search: boolean }>(() =>
    initialDay && initialDay >= today ? { start: initialDay, day: initialDay, search: false } : { start: today, day: null, search: true },
  );
  const [week, setWeek] = useState<WeekState | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [nothingSoon, setNothingSoon] = useState(false);
  const [retry, setRetry] = useState(0);
  /** The week a finished search already loaded: ending the search must not fetch it again. */
  const found = useRef<string | null>(null);

  useEffect(() => {
    if (found.current === anchor.start && !anchor.search) {
      found.current = null;
      setLoading(false);
      return;
    }
    found.current = null;
    const controller = new AbortController();
    let live = true;
    setLoading(true);
    setError(null);
    (async () => {
      let start = anchor.start;
      for (let i = 0; i < (anchor.search ? SEARCH_WEEKS : 1); i++) {
        const days = await loadWeek(doctorId, doctorTimeZone, start, controller.signal);
        const firstFree = [...days.entries()].find(([, slots]) => slots.some((s) => s.available))?.[0];
        if (!anchor.search || firstFree) {
          if (!live) return;
          setWeek({ start, days });
          if (anchor.search) {
            found.current = start;
            setAnchor({ start, day: firstFree ?? start, search: false });
          }
          return;
        }
        start = addDays(start, 7);
      }
      if (!live) return;
      setNothingSoon(true);
      found.current = null;
      setAnchor({ start: anchor.start, day: anchor.start, search: false });
    })().then(
      () => live && setLoading(false),
      (e: unknown) => {
        if (!live || controller.signal.aborted) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      live = false;
      controller.abort();
    };
    // `anchor.day` changes without a reload: only the week's start and the search decide what is fetched.
  }, [doctorId, doctorTimeZone, anchor.start, anchor.search, refreshKey, retry]);

  const day = anchor.day;
  const daySlots = week && day ? (week.days.get(day) ?? []) : [];

  const goTo = (start: string, d: string) => {
    onSelect(null);
    setNothingSoon(false);
    setAnchor({ start, day: d, search: false });
  };
  const chooseDay = (d: string) => {
    onSelect(null);
    setAnchor((a) => ({ ...a, day: d }));
  };

  const groups = (['Morning', 'Afternoon', 'Evening'] as Period[])
    .map((name) => ({ name, slots: daySlots.filter((s) => period(s) === name) }))
    .filter((g) => g.slots.length > 0);

  return (
    <div className="slot-picker">
      <div className="slot-picker__date">
        <button type="button" className="btn btn--ghost" onClick={() => goTo(addDays(anchor.start, -7), addDays(anchor.start, -7))} disabled={anchor.start <= today}>
          <span aria-hidden="true">‹</span>
          <span className="visually-hidden">{t('doctor.previousWeek')}</span>
        </button>
        <div className="field">
          <label htmlFor={dateId}>{t('doctor.date')}</label>
          <input id={dateId} type="date" value={day ?? anchor.start} min={today} onChange={(e) => e.target.value && e.target.value >= today && goTo(e.target.value, e.target.value)} />
        </div>
        <button type="button" className="btn btn--ghost" onClick={() => goTo(addDays(anchor.start, 7), addDays(anchor.start, 7))}>
          <span aria-hidden="true">›</span>
          <span className="visually-hidden">{t('doctor.nextWeek')}</span>
        </button>
      </div>
      <p className="muted small" id={noteId}>
        {t('doctor.yourZone', { zone: zone.replace(/_/g, ' ') })}
        {differ ? t('doctor.doctorZoneBelow', { zone: doctorTimeZone.replace(/_/g, ' ') }) : '.'}
      </p>
      {loading && <Loading label={t('doctor.finding')} />}
      {error != null && <ErrorBox onRetry={() => setRetry((r) => r + 1)}>{errorMessage(error)}</ErrorBox>}
      {!loading && error == null && week && (
        <>
          {nothingSoon && <p className="muted">{t('doctor.nothingSoon', { count: SEARCH_WEEKS })}</p>}
          <ul className="week" aria-label={t('doctor.week')}>
            {[...week.days.entries()].map(([d, slots]) => {
              const free = slots.filter((s) => s.available).length;
              return (
                <li key={d}>
                  <button
                    type="button"
                    className={`week__day${free ? '' : ' week__day--none'}`}
                    aria-pressed={d === day}
                    onClick={() => chooseDay(d)}
                    disabled={d < today}
                  >
                    {/* the compact face is for the eye; a screen reader hears the full date and count */}
                    <span className="week__weekday" aria-hidden="true">{weekday(d)}</span>
                    <span className="week__date" aria-hidden="true">{Number(d.slice(8))}</span>
                    <span className="week__free" aria-hidden="true">{free ? t('doctor.free', { count: free }) : '–'}</span>
                    <span className="visually-hidden">{t('doctor.freeTimes', { day: formatDay(d), count: free })}</span>
                  </button>
                </li>
              );
            })}
          </ul>
          {day && (
            <section className="slot-day" aria-labelledby={`${dateId}-day`} aria-describedby={noteId}>
              <h3 id={`${dateId}-day`} className="slot-day__title">
                {formatDay(day)}
              </h3>
              {daySlots.length === 0 && <p className="muted">{t('doctor.noHoursDay')}</p>}
              {groups.map((g) => (
                <SlotGroup key={g.name} name={g.name} slots={g.slots} selected={selected} onSelect={onSelect} differ={differ} />
              ))}
              {daySlots.length > 0 && daySlots.every((s) => !s.available) && <p className="muted">{t('doctor.allTaken')}</p>}
            </section>
          )}
        </>
      )}
    </div>
  );
}

function weekday(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(viewerLocale(), { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

interface SlotGroupProps {
  name: Period;
  slots: Slot[];
  selected: Slot | null;
  onSelect: (slot: Slot) => void;
  differ: boolean;
}

/** One period's slots as a radio group: one tab stop, arrow keys move and choose, taken slots are skipped. */
function SlotGroup({ name, slots, selected, onSelect, differ }: SlotGroupProps) {
  const { t } = useTranslation();
  const labelId = useId();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const free = slots.map((s, i) => (s.available ? i : -1)).filter((i) => i >= 0);
  const selectedIndex = slots.findIndex((s) => sameSlot(selected, s));
  const tabStop = selectedIndex >= 0 ? selectedIndex : (free[0] ?? -1);

  function onKeyDown(e: KeyboardEvent<HTMLButtonElement>, index: number) {
    const at = free.indexOf(index);
    let next: number | undefined;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = free[(at + 1) % free.length];
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = free[(at - 1 + free.length) % free.length];
    else if (e.key === 'Home') next = free[0];
    else if (e.key === 'End') next = free[free.length - 1];
    if (next === undefined) return;
    e.preventDefault();
    refs.current[next]?.focus();
    onSelect(slots[next]);
  }

  return (
    <div className="slot-group">
      <h4 id={labelId} className="slot-group__title">
        {t(`doctor.period_${name}`)}
      </h4>
      <div role="radiogroup" aria-labelledby={labelId} className="slot-list">
        {slots.map((slot, i) => {
          const checked = sameSlot(selected, slot);
          return (
            <button
              key={slot.startsAt}
              ref={(el) => {
                refs.current[i] = el;
              }}
              type="button"
              role="radio"
              className="slot"
              aria-checked={checked}
              tabIndex={i === tabStop ? 0 : -1}
              disabled={!slot.available}
              onClick={() => onSelect(slot)}
              onKeyDown={(e) => onKeyDown(e, i)}
            >
              {slotLocalTime(slot)}
              {differ && (
                <span className="slot__doctor-time" aria-hidden="true">
                  {t('doctor.doctorTime', { time: slot.startTime })}
                </span>
              )}
            </button>
          );
        })}
      </div>
    </div>
  );
}
