import { describe, expect, it } from 'vitest';
import { excelSerial, wallClockDate } from './excel-date';

describe('dates for Excel', () => {
  it('shows the Beijing wall-clock time, whatever zone the machine is in', () => {
    // 2019-02-28 16:30 UTC is 2019-03-01 00:30 in Beijing (UTC+8, no summer time).
    const date = wallClockDate('2019-02-28T16:30:00.000Z');
    expect(date.toISOString()).toBe('2019-03-01T00:30:00.000Z');
    // Excel counts days from 1899-12-30: 2019-03-01 is day 43525; 00:30 is 0.5/24.
    expect(excelSerial(date)).toBeCloseTo(43525 + 0.5 / 24, 9);
  });

  it('refuses what is not a date rather than writing 1900-01-00', () => {
    expect(() => wallClockDate('not a date')).toThrow('不是有效的时间');
  });
});
