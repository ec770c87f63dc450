import { describe, expect, it } from 'vitest';
import { mapScheduleErrors } from './scheduleErrors';

describe('mapScheduleErrors', () => {
  it('puts slot errors at the slot their index path names', () => {
    const r = mapScheduleErrors([
      { field: 'schedule[0].slots[1].endTime', message: 'must be after startTime' },
      { field: '[2].slots[0].startTime', message: 'overlaps slot 2' },
      { field: 'updateSchedule.schedule[3].slots[4]', message: 'overlaps another slot' },
    ]);
    expect(r.at).toEqual({
      '0.1': ['End: must be after startTime'],
      '2.0': ['Start: overlaps slot 2'],
      '3.4': ['overlaps another slot'],
    });
    expect(r.top).toEqual([]);
  });

  it('puts day-level errors at the day and unknown ones at the top', () => {
    const r = mapScheduleErrors([
      { field: 'schedule[1].slots', message: 'at most 20 slots a day' },
      { field: 'schedule[5].day', message: 'MONDAY appears twice' },
      { field: 'schedule', message: 'invalid schedule' },
    ]);
    expect(r.at['1']).toEqual(['at most 20 slots a day']);
    expect(r.at['5']).toEqual(['MONDAY appears twice']);
    expect(r.top).toEqual(['invalid schedule']);
  });
});
