import { THRESHOLDS } from '../assessment/thresholds';

/**
 * Parsing and checking of the values evaluators type or paste into the entry grid. Pure: the
 * same text and unit always give the same result. docs/data-entry.md lists every accepted form
 * and every rule here.
 */

/** How a unit constrains a value. */
export type UnitKind =
  /** `%`: a share, 0–100. */
  | 'percent'
  /** `%/年` and the like: a growth rate in percent, which may be negative. */
  | 'percent-rate'
  /** `‰`: per mille, 0–1000. */
  | 'permille'
  /** A ratio against a base: no unit (出生人口性别比 "109.68：100") or one stating it ("农村=1"). */
  | 'ratio'
  /** Everything else counts things or amounts (人, 万人, 张, 套, 户, 人次, 个, 元, 岁 …): never negative. */
  | 'count';

/** The denominator a ratio is written against: 100 for 出生人口性别比 (女=100), 1 for "农村=1". */
export function ratioBase(unit: string | null): number | null {
  if (unit === null) return 100;
  const stated = /=\s*(\d+(?:\.\d+)?)$/.exec(unit);
  if (stated) return Number(stated[1]);
  if (/^[^/]*100[^/]*$/.test(unit)) return 100;
  return null;
}

export function unitKind(unit: string | null): UnitKind {
  if (unit === '%') return 'percent';
  if (unit !== null && unit.startsWith('%')) return 'percent-rate';
  if (unit === '‰') return 'permille';
  if (ratioBase(unit) !== null) return 'ratio';
  return 'count';
}

export type ParseErrorCode =
  | 'not_a_number'
  | 'percent_range'
  | 'permille_range'
  | 'negative'
  | 'not_a_ratio_indicator'
  | 'ratio_denominator'
  | 'wrong_symbol';

export type ParseResult =
  | { kind: 'empty' }
  | { kind: 'value'; value: number; text: string }
  | { kind: 'error'; code: ParseErrorCode; message: string; text: string };

const FULL_WIDTH: Record<string, string> = {
  '．': '.',
  '。': '.',
  '，': ',',
  '％': '%',
  '：': ':',
  '－': '-',
  '−': '-',
  '—': '-',
  '＋': '+',
  '／': '/',
  '‰': '‰',
};

/** Full-width digits and punctuation to ASCII; all kinds of space removed. */
export function normalizeText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 48);
    else out += FULL_WIDTH[ch] ?? ch;
  }
  return out.replace(/[\s\u3000\u00a0]+/g, '');
}

/** A plain decimal, optionally signed, optionally with correct thousands groups ("1,234.5"). */
const NUMBER_RE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[+-]?\.\d+$/;

function toNumber(body: string): number | null {
  if (!NUMBER_RE.test(body)) return null;
  const value = Number(body.replace(/,/g, ''));
  return Number.isFinite(value) ? value : null;
}

function fail(code: ParseErrorCode, message: string, text: string): ParseResult {
  return { kind: 'error', code, message, text };
}

/**
 * Reads what a person typed for an item with the given unit.
 *
 * @example parseValue('９６．９８％', '%') → { kind: 'value', value: 96.98 }
 * @example parseValue('109.68：100', null) → { kind: 'value', value: 109.68 }
 * @example parseValue('1,234', '人') → { kind: 'value', value: 1234 }
 * @example parseValue('101', '%') → error 百分比应在0—100之间
 */
export function parseValue(text: string, unit: string | null): ParseResult {
  const original = text.trim();
  let body = normalizeText(text);
  if (body === '') return { kind: 'empty' };
  const kind = unitKind(unit);
  // A trailing unit written out as in the plan ("133所", "2.1万套") is accepted and dropped.
  const unitText = unit === null ? '' : normalizeText(unit);
  if (unitText && kind === 'count' && body.endsWith(unitText) && body.length > unitText.length) {
    body = body.slice(0, -unitText.length);
  }

  if (body.includes(':')) {
    const base = ratioBase(unit);
    if (base === null) {
      return fail('not_a_ratio_indicator', '本指标不是比值，请只填写数字', original);
    }
    const [left, right, ...rest] = body.split(':');
    const numerator = toNumber(left ?? '');
    const denominator = toNumber(right ?? '');
    if (rest.length > 0 || numerator === null || denominator === null) {
      return fail('not_a_number', `“${original}”不是有效的比值，应写作如“109.68:100”`, original);
    }
    if (denominator <= 0) {
      return fail('ratio_denominator', '比值的后项必须大于0', original);
    }
    const value = (numerator / denominator) * base;
    if (value < 0) return fail('negative', '比值不能为负数', original);
    return { kind: 'value', value: Number(value.toPrecision(12)), text: original };
  }

  let suffix: '%' | '‰' | null = null;
  if (body.endsWith('%') || body.endsWith('‰')) {
    suffix = body.endsWith('%') ? '%' : '‰';
    body = body.slice(0, -1);
  }
  const value = toNumber(body);
  if (value === null) return fail('not_a_number', `“${original}”不是数字`, original);
  if (suffix === '%' && kind !== 'percent' && kind !== 'percent-rate') {
    return fail('wrong_symbol', `本指标的单位是“${unit ?? '无'}”，不能填写百分数`, original);
  }
  if (suffix === '‰' && kind !== 'permille') {
    return fail('wrong_symbol', `本指标的单位是“${unit ?? '无'}”，不能填写千分数`, original);
  }
  if (kind === 'percent' && (value < 0 || value > 100)) {
    return fail('percent_range', '百分比应在0—100之间', original);
  }
  if (kind === 'permille' && (value < 0 || value > 1000)) {
    return fail('permille_range', '千分比应在0—1000之间', original);
  }
  if ((kind === 'count' || kind === 'ratio') && value < 0) {
    return fail(
      'negative',
      unit ? `单位为“${unit}”的数值不能为负数` : '本指标的数值不能为负数',
      original,
    );
  }
  return { kind: 'value', value, text: original };
}

/** A Chinese message when a year is outside the plan's base year..end year, else null. */
export function checkYear(year: number, baseYear: number, endYear: number): string | null {
  if (!Number.isInteger(year) || year < baseYear || year > endYear) {
    return `年份${year}不在本规划的${baseYear}—${endYear}年之间`;
  }
  return null;
}

export interface JumpWarning {
  previousYear: number;
  previousValue: number;
  /** Change from the previous value: percentage points for percent units, else a ratio. */
  change: number;
  basis: 'points' | 'relative';
  message: string;
}

/**
 * Warns when a value moves implausibly far from the previous year's. Percent units (`%`, `%/年`)
 * compare percentage points (more than THRESHOLDS.jumpWarningPercentagePoints); every other unit
 * compares the change relative to the previous value (more than THRESHOLDS.jumpWarningRelative).
 * No warning when there is no previous value, or it is 0 (a relative change cannot be computed).
 *
 * @example checkJump(60, { year: 2016, value: 85 }, '%') → 25个百分点 > 10 → warning
 * @example checkJump(5.2, { year: 2016, value: 3.2 }, '张') → +62.5% > 50% → warning
 */
export function checkJump(
  value: number,
  previous: { year: number; value: number } | null,
  unit: string | null,
): JumpWarning | null {
  if (!previous) return null;
  const kind = unitKind(unit);
  const delta = value - previous.value;
  if (kind === 'percent' || kind === 'percent-rate') {
    const points = Math.abs(delta);
    if (points <= THRESHOLDS.jumpWarningPercentagePoints) return null;
    return {
      previousYear: previous.year,
      previousValue: previous.value,
      change: delta,
      basis: 'points',
      message: `比${previous.year}年（${formatPlain(previous.value)}）变化${formatPlain(delta, true)}个百分点，超过${THRESHOLDS.jumpWarningPercentagePoints}个百分点，请核对`,
    };
  }
  if (previous.value === 0) return null;
  const relative = delta / Math.abs(previous.value);
  if (Math.abs(relative) <= THRESHOLDS.jumpWarningRelative) return null;
  return {
    previousYear: previous.year,
    previousValue: previous.value,
    change: relative,
    basis: 'relative',
    message: `比${previous.year}年（${formatPlain(previous.value)}）变化${formatPlain(relative * 100, true)}%，超过±${THRESHOLDS.jumpWarningRelative * 100}%，请核对`,
  };
}

function formatPlain(value: number, signed = false): string {
  const rounded = Math.round(value * 100) / 100;
  const text = Object.is(rounded, -0) ? '0' : String(rounded);
  return signed && rounded > 0 ? `+${text}` : text;
}

/**
 * The value a new figure for `year` is compared with: the nearest earlier year that has one,
 * falling back to the catalog baseline for the base year.
 */
export function previousValue(
  year: number,
  valuesByYear: ReadonlyMap<number, number>,
  baseYear: number,
  catalogBaseline: number | null,
): { year: number; value: number } | null {
  for (let y = year - 1; y >= baseYear; y--) {
    const v = valuesByYear.get(y);
    if (v !== undefined) return { year: y, value: v };
  }
  if (year > baseYear && catalogBaseline !== null)
    return { year: baseYear, value: catalogBaseline };
  return null;
}
