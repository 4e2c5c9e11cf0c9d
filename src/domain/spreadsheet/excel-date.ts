import { formatDateTime, timeZoneFor } from '../wording/format';

/**
 * Excel stores a date as a number of days with no time zone: it shows whatever wall-clock time
 * the number encodes. ExcelJS encodes a JavaScript Date by its UTC fields, so a time stored as
 * ISO (UTC) would show eight hours early in China. `wallClockDate` returns a Date whose UTC
 * fields are the wall-clock time in the zone (Asia/Shanghai for zh-CN, as every other export
 * writes times: `formatDateTime`), which Excel then shows as the user saw it.
 */
export function wallClockDate(iso: string, timeZone = timeZoneFor('zh-CN')): Date {
  const local = formatDateTime(iso, 'zh-CN', timeZone);
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(local);
  if (!match) throw new Error(`“${iso}”不是有效的时间`);
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return new Date(
    Date.UTC(y as number, (mo as number) - 1, d, h, mi, s, new Date(iso).getUTCMilliseconds()),
  );
}

/** Days since 1899-12-30 (Excel's day 0 in the 1900 date system) of a wall-clock Date. */
export function excelSerial(wallClock: Date): number {
  return wallClock.getTime() / 86_400_000 + 25_569;
}
