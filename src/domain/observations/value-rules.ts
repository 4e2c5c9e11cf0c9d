/**
 * The one set of rules for an actual value of a plan item: what may be typed, pasted or
 * imported, and what number it is. The entry grid (typed and pasted cells), the repository
 * (src/db/values.ts), the CLI's CSV and every later import call these functions, so a
 * value one path refuses cannot be stored by another. docs/data-entry.md lists every rule with
 * its reason; the tests beside this file hold the worked examples.
 *
 * Pure: the same text and rule always give the same result.
 */

/** What an item measures, as far as its values are concerned. */
export type ValueRuleKind =
  /** `%`: a share of a whole (coverage, participation, retention, pass rates): 0–100. */
  | 'share'
  /** `%` for a gross enrolment rate (毛入学率): over-age pupils count, so above 100 is real. */
  | 'gross-enrolment'
  /** `%/年`, or a `%` item that is a change (较2016年提高): may be negative, not below −100. */
  | 'growth-rate'
  /** `个百分点`: a change of a percentage, in points: −100 to 100. */
  | 'point-change'
  /** `‰`: per mille, 0–1000. */
  | 'permille'
  /** `1/10万`: per 100,000, 0–100,000. */
  | 'per-100k'
  /** 出生人口性别比: boys per 100 girls, written "109.68:100". */
  | 'sex-ratio'
  /** A unit stating its base ("农村=1"): a ratio written "1.5:1". */
  | 'ratio'
  /** 岁: an age or life expectancy. */
  | 'age'
  /**
   * A share the plan states as a fraction without a unit (错时开放时间不低于开放时间的1/3): 0–1;
   * "30%" is read as 0.3, and "30" is refused rather than taken as 30 ≥ 1/3.
   */
  | 'fraction'
  /** Every other unit counts things or amounts (人, 万人, 张, 所, 元 …): never negative. */
  | 'count';

export interface ValueRule {
  kind: ValueRuleKind;
  /** The item's unit as printed; null when the plan gives none. */
  unit: string | null;
  /** Smallest and largest accepted value (inclusive), in the item's unit. */
  min: number;
  max: number;
  /** The sign that may follow the number: `%` for percent units, `‰` for per mille. */
  symbol: '%' | '‰' | null;
  /** For ratios: the base the value is stated against (100 for 性别比, 1 for "农村=1"). */
  ratioBase: number | null;
  /** Other suffixes that may follow the number besides the unit itself ("/10万"). */
  suffixes: readonly string[];
  /** True when changes are compared in percentage points (jump warnings). */
  isPercent: boolean;
  /** What the range messages call the value: 百分比, 毛入学率, 年龄 … */
  label: string;
}

/** What a rule is derived from: an indicator or prose target of a plan (or a look-alike). */
export interface ValueRuleSubject {
  name: string;
  unit: string | null;
  concept?: string | undefined;
}

/** The largest count or amount: 10^12 (一万亿), far above anything a city or county reports. */
export const COUNT_MAX = 1e12;
/** Significant digits a double holds exactly: more would be stored as a different number. */
export const MAX_SIGNIFICANT_DIGITS = 15;

/** The denominator a unit states ("农村=1" → 1, "女=100" → 100), or null. */
function statedRatioBase(unit: string): number | null {
  const stated = /=\s*(\d+(?:\.\d+)?)$/.exec(unit);
  return stated ? Number(stated[1]) : null;
}

/** A `%` item whose value is a change rather than a level: 婚检率较2016年提高, …增长率, …增幅. */
const CHANGE_NAME = /较\d{4}年(提高|增长|下降|降低)|增长率|增幅|增速|年均增长|年平均增长/;

/** A share without a unit, named as one (…比例, 占…比): its target is a fraction such as 1/3. */
const FRACTION_NAME = /比例$|占.+比$/;

/**
 * The rule for an item's values, from its unit and its meaning (name, concept).
 *
 * @example valueRuleFor({ name: '九年义务教育巩固率', unit: '%' }) → share, 0–100
 * @example valueRuleFor({ name: '学前三年毛入学率', unit: '%' }) → gross-enrolment, 0–200
 * @example valueRuleFor({ name: '出生人口性别比', unit: null }) → sex-ratio, 50–200, "109.68:100"
 */
export function valueRuleFor(item: ValueRuleSubject): ValueRule {
  const { unit, name } = item;
  const base: Omit<ValueRule, 'kind' | 'min' | 'max' | 'label'> = {
    unit,
    symbol: null,
    ratioBase: null,
    suffixes: [],
    isPercent: false,
  };
  if (unit === '%' && (name.includes('毛入学率') || item.concept?.endsWith('gross-enrollment'))) {
    return {
      ...base,
      kind: 'gross-enrolment',
      min: 0,
      max: 200,
      symbol: '%',
      isPercent: true,
      label: '毛入学率',
    };
  }
  if ((unit === '%' && CHANGE_NAME.test(name)) || (unit !== null && unit.startsWith('%/'))) {
    return {
      ...base,
      kind: 'growth-rate',
      min: -100,
      max: 1000,
      symbol: '%',
      isPercent: true,
      label: '年增长率',
    };
  }
  if (unit === '%') {
    return {
      ...base,
      kind: 'share',
      min: 0,
      max: 100,
      symbol: '%',
      isPercent: true,
      label: '百分比',
    };
  }
  if (unit === '个百分点') {
    return {
      ...base,
      kind: 'point-change',
      min: -100,
      max: 100,
      isPercent: true,
      label: '百分点变化',
    };
  }
  if (unit === '‰') {
    return { ...base, kind: 'permille', min: 0, max: 1000, symbol: '‰', label: '千分比' };
  }
  if (unit === '1/10万') {
    return {
      ...base,
      kind: 'per-100k',
      min: 0,
      max: 100_000,
      suffixes: ['/10万'],
      label: '十万分比',
    };
  }
  if (unit === '岁') return { ...base, kind: 'age', min: 0, max: 150, label: '年龄' };
  if (unit === null && (name.includes('性别比') || item.concept === 'sex-ratio-at-birth')) {
    return { ...base, kind: 'sex-ratio', min: 50, max: 200, ratioBase: 100, label: name };
  }
  if (unit === null && FRACTION_NAME.test(name)) {
    return { ...base, kind: 'fraction', min: 0, max: 1, label: '比例' };
  }
  const stated = unit === null ? null : statedRatioBase(unit);
  if (stated !== null && stated > 0) {
    return { ...base, kind: 'ratio', min: 0, max: 100 * stated, ratioBase: stated, label: '比值' };
  }
  return { ...base, kind: 'count', min: 0, max: COUNT_MAX, label: '数值' };
}

export type ValueErrorCode =
  | 'not_a_number'
  | 'exponent'
  | 'inner_space'
  | 'foreign_digits'
  | 'bad_grouping'
  | 'too_many_digits'
  | 'not_finite'
  | 'percent_range'
  | 'permille_range'
  | 'range'
  | 'negative'
  | 'too_large'
  | 'not_a_ratio_indicator'
  | 'ratio_denominator'
  | 'wrong_symbol';

/** A refused value: a code (for the English catalog), the Chinese message, the text refused. */
export interface ValueError {
  kind: 'error';
  code: ValueErrorCode;
  /** Chinese, naming the text: 百分比应在0—100之间（“150”）. */
  message: string;
  /** The text as typed (trimmed), or for checkValue the number written out. */
  text: string;
  /** The rule's bounds, for messages in other languages. */
  min: number;
  max: number;
  unit: string | null;
}

export type ParsedValue =
  { kind: 'empty' } | { kind: 'value'; value: number; text: string } | ValueError;

// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const NON_ASCII = /[^\x00-\x7f]/;

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
  ｅ: 'e',
  Ｅ: 'E',
};

/** Full-width digits and punctuation to ASCII. Spaces are kept: a space inside a number is an error. */
export function normalizeText(text: string): string {
  // Every character mapped here is outside ASCII: plain ASCII text (nearly every cell of a file)
  // is returned as it is, without building a new string.
  if (!NON_ASCII.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 48);
    else out += FULL_WIDTH[ch] ?? ch;
  }
  return out;
}

/**
 * Writes a number as a plain decimal, the way it reads back: no exponent, no grouping, -0 as 0.
 *
 * @example formatValue(1e-7) → '0.0000001'
 * @example formatValue(1e21) → '1000000000000000000000'
 */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Object.is(value, -0)) return '0';
  const shortest = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
  if (!match) return shortest;
  const [, sign, head, tail = '', exponentText] = match as unknown as [
    string,
    string,
    string,
    string | undefined,
    string,
  ];
  const digits = head + tail;
  const exponent = Number(exponentText);
  const point = 1 + exponent; // where the decimal point goes within `digits`
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** The text as a message quotes it: long texts are cut, so a message stays a line. */
function quoted(text: string): string {
  const shown = [...text].length > 40 ? `${[...text].slice(0, 40).join('')}…` : text;
  return `“${shown}”`;
}

function refuse(rule: ValueRule, code: ValueErrorCode, message: string, text: string): ValueError {
  return { kind: 'error', code, message, text, min: rule.min, max: rule.max, unit: rule.unit };
}

/** The range message of a rule for a value outside it. */
function rangeError(value: number, rule: ValueRule, text: string): ValueError {
  const q = quoted(text);
  if (rule.kind === 'share')
    return refuse(rule, 'percent_range', `百分比应在0—100之间（${q}）`, text);
  if (rule.kind === 'permille')
    return refuse(rule, 'permille_range', `千分比应在0—1000之间（${q}）`, text);
  if (rule.kind === 'fraction') {
    return refuse(
      rule,
      'range',
      `比例应在0—1之间，请按小数填写，如三成填0.3，或填“30%”（${q}）`,
      text,
    );
  }
  if (rule.kind === 'count' || (rule.kind === 'ratio' && value < 0)) {
    if (value < 0) {
      const what = rule.unit ? `单位为“${rule.unit}”的数值` : '本指标的数值';
      return refuse(rule, 'negative', `${what}不能为负数（${q}）`, text);
    }
    if (rule.kind === 'count') {
      return refuse(rule, 'too_large', `${q}超出数值范围（不能超过1万亿）`, text);
    }
  }
  const between = rule.min < 0 ? `${rule.min}至${rule.max}` : `${rule.min}—${rule.max}`;
  return refuse(rule, 'range', `${rule.label}应在${between}之间（${q}）`, text);
}

/** Checks a number against a rule; `text` is what messages quote. */
function checkNumber(value: number, rule: ValueRule, text: string): ValueError | null {
  if (Number.isNaN(value)) {
    return refuse(rule, 'not_finite', `${quoted(text)}不是有效的数值`, text);
  }
  if (value < rule.min || value > rule.max) return rangeError(value, rule, text);
  return null;
}

/**
 * Checks a number a caller already has (the repository, an import of numeric cells) with the
 * same rules as typed text, without turning it into text and reading it again.
 *
 * @example checkValue(105, valueRuleFor({ name: '学前三年毛入学率', unit: '%' })) → null
 * @example checkValue(105, valueRuleFor({ name: '九年义务教育巩固率', unit: '%' }))
 *   → { code: 'percent_range', message: '百分比应在0—100之间（“105”）', … }
 */
export function checkValue(value: number, rule: ValueRule): ValueError | null {
  const text = formatValue(value);
  if (!Number.isFinite(value)) {
    return refuse(rule, 'not_finite', `${quoted(text)}不是有效的数值`, text);
  }
  return checkNumber(value, rule, text);
}

type NumberRead =
  { ok: true; value: number; significantDigits: number } | { ok: false; code: ValueErrorCode };

const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const EXPONENT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)e[+-]?\d+$/i;

/** Significant digits of a plain decimal: no sign, no leading zeros, no trailing zeros. */
function significantDigits(plain: string): number {
  const digits = plain
    .replace(/[^0-9]/g, '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
  return digits.length;
}

/** Reads one number as people write it: "1,234.5", "+5", ".5", "5."; never an exponent. */
function readNumber(body: string): NumberRead {
  if (/\s/.test(body)) {
    return readNumber(body.replace(/\s+/g, '')).ok
      ? { ok: false, code: 'inner_space' }
      : { ok: false, code: 'not_a_number' };
  }
  // Any decimal digit that is not 0–9 after full-width ones were converted: ١٢٣, १२ …
  if (/\p{Nd}/u.test(body.replace(/[0-9]/g, ''))) {
    return { ok: false, code: 'foreign_digits' };
  }
  if (EXPONENT.test(body)) return { ok: false, code: 'exponent' };
  let plain = body;
  if (body.includes(',')) {
    if (!GROUPED.test(body)) {
      return /^[+-]?[\d,]+(?:\.\d*)?$/.test(body) && /\d/.test(body)
        ? { ok: false, code: 'bad_grouping' }
        : { ok: false, code: 'not_a_number' };
    }
    plain = body.replace(/,/g, '');
  }
  if (!PLAIN.test(plain)) return { ok: false, code: 'not_a_number' };
  const value = Number(plain);
  // "-0" is zero: no negative zero is ever stored.
  return { ok: true, value: value === 0 ? 0 : value, significantDigits: significantDigits(plain) };
}

function numberError(code: ValueErrorCode, rule: ValueRule, text: string): ValueError {
  const q = quoted(text);
  switch (code) {
    case 'inner_space':
      return refuse(rule, code, `${q}中间有空格，请核对`, text);
    case 'foreign_digits':
      return refuse(rule, code, `${q}含有0—9以外的数字字符，请用0—9填写`, text);
    case 'exponent':
      return refuse(rule, code, `${q}是科学计数法，请写成普通数字`, text);
    case 'bad_grouping':
      return refuse(
        rule,
        code,
        `${q}中的逗号不是正确的千位分隔（应每三位一个，如1,234）；小数点请用“.”`,
        text,
      );
    case 'too_many_digits':
      return refuse(
        rule,
        code,
        `${q}的有效数字超过${MAX_SIGNIFICANT_DIGITS}位，无法精确保存`,
        text,
      );
    default:
      return refuse(rule, 'not_a_number', `${q}不是数字`, text);
  }
}

/** Drops the item's own unit (or an accepted suffix) written after the number. */
function dropUnit(body: string, rule: ValueRule): string {
  const endings = [
    ...(rule.unit && rule.symbol === null ? [normalizeText(rule.unit)] : []),
    ...rule.suffixes,
  ];
  // A percent unit with more after it ("%/年") is written out whole: "4%/年".
  if (rule.unit && rule.symbol !== null && rule.unit.length > 1)
    endings.push(normalizeText(rule.unit));
  for (const ending of endings) {
    // A unit that starts with a digit ("1/10万") would eat the number's own last digit.
    if (/^[\d.+-]/.test(ending)) continue;
    if (ending && body.endsWith(ending) && body.length > ending.length) {
      return body.slice(0, -ending.length).trimEnd();
    }
  }
  return body;
}

/**
 * Reads what a person typed, pasted or imported for an item with the given rule.
 *
 * @example parseValue('９６．９８％', share) → { kind: 'value', value: 96.98, text: '９６．９８％' }
 * @example parseValue('109.68：100', sexRatio) → { kind: 'value', value: 109.68, … }
 * @example parseValue(' 1 2 3 ', count) → error “1 2 3”中间有空格，请核对
 * @example parseValue('150', share) → error 百分比应在0—100之间（“150”）
 */
export function parseValue(text: string, rule: ValueRule): ParsedValue {
  const original = text.trim();
  if (original === '') return { kind: 'empty' };
  let body = dropUnit(normalizeText(original), rule);

  if (body.includes(':')) {
    if (rule.ratioBase === null) {
      return refuse(
        rule,
        'not_a_ratio_indicator',
        `本指标不是比值，请只填写数字（${quoted(original)}）`,
        original,
      );
    }
    const parts = body.split(':').map((part) => part.trim());
    if (parts.length !== 2) {
      return refuse(
        rule,
        'not_a_number',
        `${quoted(original)}不是有效的比值，应写作如“109.68:100”`,
        original,
      );
    }
    const numerator = readNumber(parts[0] as string);
    const denominator = readNumber(parts[1] as string);
    if (!numerator.ok) return numberError(numerator.code, rule, original);
    if (!denominator.ok) return numberError(denominator.code, rule, original);
    if (denominator.value <= 0) {
      return refuse(
        rule,
        'ratio_denominator',
        `比值的后项必须大于0（${quoted(original)}）`,
        original,
      );
    }
    // Twelve significant digits: 1.0968:1 × 100 is 109.68, not 109.68000000000001.
    const value = Number(((numerator.value / denominator.value) * rule.ratioBase).toPrecision(12));
    const digits = Math.max(numerator.significantDigits, denominator.significantDigits);
    return finish(value, digits, rule, original);
  }

  let sign: '%' | '‰' | null = null;
  if (body.endsWith('%') || body.endsWith('‰')) {
    sign = body.endsWith('%') ? '%' : '‰';
    body = body.slice(0, -1).trimEnd();
  }
  const read = readNumber(body);
  if (!read.ok) return numberError(read.code, rule, original);
  if (sign === '%' && rule.kind === 'fraction') {
    // 30% of a fraction is 0.3: what the person meant, in the plan's own terms.
    return finish(
      Number((read.value / 100).toPrecision(15)),
      read.significantDigits,
      rule,
      original,
    );
  }
  if (sign !== null && sign !== rule.symbol) {
    const what = sign === '%' ? '百分数' : '千分数';
    return refuse(
      rule,
      'wrong_symbol',
      `本指标的单位是“${rule.unit ?? '无'}”，不能填写${what}（${quoted(original)}）`,
      original,
    );
  }
  return finish(read.value, read.significantDigits, rule, original);
}

/**
 * The last checks of a number read from text: its range first (a 309-digit number is out of
 * range before it has too many digits), then whether a double holds it exactly.
 */
function finish(value: number, digits: number, rule: ValueRule, text: string): ParsedValue {
  if (!Number.isFinite(value)) return rangeError(Number.POSITIVE_INFINITY, rule, text);
  const problem = checkNumber(value, rule, text);
  if (problem) return problem;
  if (digits > MAX_SIGNIFICANT_DIGITS) return numberError('too_many_digits', rule, text);
  return { kind: 'value', value: value === 0 ? 0 : value, text };
}
