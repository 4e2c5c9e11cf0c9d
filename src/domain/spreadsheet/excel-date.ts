/**
 * Excel stores a date as a number of days with no time zone: it shows whatever wall-clock time
 * the number encodes. ExcelJS encodes a JavaScript Date by its UTC fields, so a time stored as
 * ISO (UTC) would show eight hours early in China. `wallClockDate` returns a Date whose UTC
 * fields are the wall-clock time in the zone (Asia/Shanghai for zh-CN), which Excel then shows
 * as the user saw it.
 */
export function wallClockDate(iso: string, timeZone = 'Asia/Shanghai'): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`“${iso}”不是有效的时间`);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  return new Date(
    Date.UTC(
      get('year'),
      get('month') - 1,
      get('day'),
      get('hour'),
      get('minute'),
      get('second'),
      date.getUTCMilliseconds(),
    ),
  );
}

/** Days since 1899-12-30 (Excel's day 0 in the 1900 date system) of a wall-clock Date. */
export function excelSerial(wallClock: Date): number {
  return wallClock.getTime() / 86_400_000 + 25_569;
}
