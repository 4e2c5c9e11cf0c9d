import { isClose, roundTo } from '../assessment/numbers';
import { isCountedWhole } from '../assessment/scale';
import { ratioBase } from '../observations/parse';

/**
 * How every figure is written, on screens, in exports, reports and the CLI. One rule each,
 * stated in docs/wording.md with examples:
 * - digits are ASCII, without thousands separators (the plans print 35947户, 115363套);
 * - a negative number has an ASCII hyphen-minus ("-7.9", as Excel and WPS show it); sentences
 *   avoid signs altogether and say the direction in words (提高 / 下降);
 * - figures from the plans and entered values keep up to four decimals, as printed (8.0465万人);
 *   derived figures (gap, pace, projection) two; percentages of completion and time progress
 *   always exactly one ("44.0%", "60.0%"), so that two of them line up;
 * - a quantity is the number followed by its unit with no space ("4.31张", "96.98%"); a rate per
 *   100 000 reads "24/10万"; a ratio item reads as the plans print it ("107.7：100");
 * - a difference of two percentages is in 百分点 ("0.78个百分点"), of two per-mille rates in
 *   千分点; English uses "pp" and "‰ points".
 */
export type Locale = 'zh-CN' | 'en';

/** Digits for figures as printed or entered, and for derived ones. */
export const DIGITS = { printed: 4, derived: 2 } as const;

/**
 * Decimals for a derived figure (gap, pace, projection) of an item: none for a total counted in
 * whole things (新改扩建公办幼儿园133所: "需年均完成44所", not "44.33所"), else DIGITS.derived.
 * Rates in such units keep theirs (每千人口床位数 "0.45张", 人均藏书量 "0.27册").
 */
export function derivedDigits(item: {
  name: string;
  unit: string | null;
  kind: 'level' | 'cumulative';
}): number {
  return isCountedWhole(item) ? 0 : DIGITS.derived;
}

/** At most `digits` decimals, no trailing zeros, ASCII minus, never "-0". */
export function formatNumber(value: number, digits: number = DIGITS.derived): string {
  const rounded = roundTo(value, digits);
  return Object.is(rounded, -0) || rounded === 0 ? '0' : String(rounded);
}

/** A ratio as a percentage with exactly one decimal: 0.44 → "44.0%", 0.6 → "60.0%". */
export function formatPercent(ratio: number): string {
  const rounded = roundTo(ratio * 100, 1);
  return `${(Object.is(rounded, -0) ? 0 : rounded).toFixed(1)}%`;
}

/**
 * Completion for display: above 100% it reads ">100%" (巩固率 96.98 → 97 at 97.3 is 1600% of the
 * planned change, a figure that misleads in a report), and below −100% "<-100%" (the same
 *巩固率 at 90 is −34900%); the exact ratio stays in exports and tooltips.
 */
export function formatProgress(ratio: number): string {
  if (ratio > 1 && !isClose(ratio, 1)) return '>100%';
  if (ratio < -1 && !isClose(ratio, -1)) return '<-100%';
  return formatPercent(ratio);
}

/** Units in English, for the app's other readers; Chinese stays the reference. */
const UNITS_EN: Record<string, string> = {
  '%': '%',
  '%/年': '% a year',
  '‰': '‰',
  '1/10万': ' per 100,000',
  人: ' persons',
  万人: '×10⁴ persons',
  万名: '×10⁴ persons',
  名: ' persons',
  人次: ' person-times',
  '人次/年': ' person-times a year',
  万人次: '×10⁴ person-times',
  万: '×10⁴',
  张: ' beds',
  万张: '×10⁴ beds',
  套: ' units',
  万套: '×10⁴ units',
  户: ' households',
  万户: '×10⁴ households',
  所: ' schools',
  个: '',
  '个/年': ' a year',
  '条/年': ' a year',
  件: ' items',
  项: ' items',
  处: ' sites',
  场: ' performances',
  次: ' times',
  岁: ' years',
  小时: ' hours',
  元: ' yuan',
  '元/生·年': ' yuan per student a year',
  平方米: ' m²',
  倍: '×',
  '册、件': ' volumes',
  '名/万人': ' per 10,000 persons',
};

/** The unit as written right after a number: "1/10万" → "/10万" (24/10万), in the locale. */
export function unitAfterNumber(unit: string | null, locale: Locale = 'zh-CN'): string {
  if (!unit || ratioBase(unit) !== null) return '';
  if (locale === 'en') return UNITS_EN[unit] ?? ` ${unit}`;
  return /^1\//.test(unit) ? unit.slice(1) : unit;
}

/**
 * The unit as a table column shows it: "%", "张", "1/10万"; a ratio item shows its base
 * ("女=100" for the sex ratio at birth, see displayUnitOf; "农村=1"); no unit, nothing.
 */
export function unitLabel(unit: string | null, locale: Locale = 'zh-CN'): string {
  if (unit === null) return '';
  if (locale === 'en' && ratioBase(unit) !== null) {
    return unit === '农村=1' ? 'rural = 1' : unit === '女=100' ? 'female = 100' : unit;
  }
  return unit;
}

/**
 * A figure with its unit: "4.31张", "96.98%", "24/10万", a ratio "107.7：100" (as the plans
 * print 109．68：100). `digits` defaults to the printed precision.
 */
export function formatQuantity(
  value: number,
  unit: string | null,
  locale: Locale = 'zh-CN',
  digits: number = DIGITS.printed,
): string {
  const number = formatNumber(value, digits);
  const base = ratioBase(unit);
  if (base !== null) return locale === 'en' ? `${number}:${base}` : `${number}：${base}`;
  return `${number}${unitAfterNumber(unit, locale)}`;
}

/**
 * An unsigned difference in the unit's own terms: "0.78个百分点", "0.9张", "1.18" for a ratio
 * (points of the ratio). Sentences put the direction in words before it.
 */
export function formatDifference(
  value: number,
  unit: string | null,
  locale: Locale = 'zh-CN',
  digits: number = DIGITS.derived,
): string {
  const number = formatNumber(Math.abs(value), digits);
  if (unit === '%') return locale === 'en' ? `${number} pp` : `${number}个百分点`;
  if (unit === '‰') return locale === 'en' ? `${number} ‰ points` : `${number}个千分点`;
  if (ratioBase(unit) !== null) return number;
  return `${number}${unitAfterNumber(unit, locale)}`;
}

/** The unit of a difference column in tables: 百分点 for %, 千分点 for ‰, else the unit. */
export function differenceUnitLabel(unit: string | null, locale: Locale = 'zh-CN'): string {
  if (unit === '%') return locale === 'en' ? 'pp' : '百分点';
  if (unit === '‰') return locale === 'en' ? '‰ points' : '千分点';
  return unitLabel(unit, locale);
}

/**
 * A signed change for screen tables, with its unit: "+0.25张", "-0.75个百分点", "0". The sign is
 * ASCII, as in Excel; exports write the plain number instead.
 */
export function formatSignedDifference(
  value: number,
  unit: string | null,
  locale: Locale = 'zh-CN',
  digits: number = DIGITS.derived,
): string {
  const rounded = roundTo(value, digits);
  const sign = rounded > 0 ? '+' : rounded < 0 ? '-' : '';
  return `${sign}${formatDifference(rounded, unit, locale, digits)}`;
}

/**
 * A year or a span of years: "2016年", "2016—2018年" (an em dash, as the plans write
 * "2016—2020年"); in English "2016", "2016–2018".
 */
export function formatYears(from: number, to: number, locale: Locale = 'zh-CN'): string {
  if (locale === 'en') return from === to ? String(from) : `${from}–${to}`;
  return from === to ? `${from}年` : `${from}—${to}年`;
}

/**
 * A list of years, grouping runs: [2017] → "2017年", [2017, 2018] → "2017、2018年",
 * [2016, 2017, 2018, 2020] → "2016—2018、2020年".
 */
export function formatYearList(years: readonly number[], locale: Locale = 'zh-CN'): string {
  const runs: Array<[number, number]> = [];
  for (const year of [...years].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && year === last[1] + 1) last[1] = year;
    else runs.push([year, year]);
  }
  const parts = runs.map(([from, to]) =>
    from === to
      ? String(from)
      : to === from + 1
        ? locale === 'en'
          ? `${from}, ${to}`
          : `${from}、${to}`
        : locale === 'en'
          ? `${from}–${to}`
          : `${from}—${to}`,
  );
  return locale === 'en' ? parts.join(', ') : `${parts.join('、')}年`;
}

/** The time zone times are written in: China's for the Chinese UI (the plans' own time). */
export function timeZoneFor(locale: Locale): string | undefined {
  return locale === 'zh-CN' ? 'Asia/Shanghai' : undefined;
}

/**
 * A moment as local time in a form Excel and WPS read as a date: "2018-03-01 08:00:00"
 * (Asia/Shanghai for the Chinese UI, the reader's own zone in English). An unreadable text is
 * returned as it is.
 */
export function formatDateTime(
  iso: string,
  locale: Locale = 'zh-CN',
  timeZone: string | undefined = timeZoneFor(locale),
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}
