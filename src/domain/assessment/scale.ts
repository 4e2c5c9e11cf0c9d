import { valueRuleFor } from '../observations/value-rules';

/**
 * Whether an item's figure is a level that does not grow with the size of the area: a rate,
 * share, ratio, age or per-capita figure (每千人口床位数, 每万人拥有公共文化设施面积, 人均预期寿命).
 * Such a figure of a county can be compared with the plan's target and with other counties. A
 * total (persons, visits, households, the 公共图书馆年流通人次 of the whole city) grows with the
 * area: the plan's target is the whole area's, not a county's, and counties' totals say nothing
 * about equalization. Running totals (cumulative items) are totals too.
 *
 * @example isSizeIndependent({ name: '每千人口床位数', unit: '张', kind: 'level' }) → true
 * @example isSizeIndependent({ name: '公共图书馆年流通人次', unit: '万人次', kind: 'level' }) → false
 */
export function isSizeIndependent(item: SizeSubject): boolean {
  let known = answers.get(item);
  if (known === undefined) answers.set(item, (known = decide(item)));
  return known;
}

interface SizeSubject {
  name: string;
  unit: string | null;
  kind: 'level' | 'cumulative';
  concept?: string;
  /** A standard's "per" (每年每名儿童, 每个镇（街道）): a rate of that, not the area's total. */
  per?: string | null;
}

/**
 * Answers kept per item object: the engine asks for every county and item (20,000 times for a
 * province plan), and the value rule behind the answer tests the name with several patterns; it
 * was the largest self time of assessing a province (docs/performance.md). Plan items are never
 * changed in place (a changed plan is a new object), so an answer stays true for its object.
 */
const answers = new WeakMap<SizeSubject, boolean>();

function decide(item: SizeSubject): boolean {
  if (item.kind !== 'level') return false;
  // Rates, ratios and ages by their value rule (the same as the entry grid's).
  if (valueRuleFor(item).kind !== 'count') return true;
  const unit = item.unit ?? '';
  if (unit === '岁') return true;
  // Per-something units (名/万人, 元/生·年) are rates; "…/年" is an amount a year, a total.
  if (unit.includes('/') && !unit.endsWith('/年')) return true;
  // A standard stated per something (每年每名儿童) is a rate of it.
  if (item.per) return true;
  // Per pupil, person or household (小学年生均公用经费标准 600元), and a standard amount (…标准:
  // 低保标准, 补助标准), hold for every county alike; "每年建成…" counts the area's things.
  return /^每[千万百]|^每(名|人|生|户)|人均|生均|户均|标准$/.test(item.name);
}

/** Units counted in whole things (所, 个, 户 …); "…/年" counts the same things each year. */
const WHOLE_UNITS = new Set([
  '所',
  '个',
  '户',
  '套',
  '人',
  '名',
  '条',
  '家',
  '处',
  '座',
  '次',
  '人次',
  '项',
  '张',
  '件',
  '册',
  '床',
]);

/**
 * Whether an item counts whole things (新改扩建公办幼儿园 in 所, 残疾人托养机构服务能力 in 人次/年):
 * its amounts are whole numbers. A rate in such a unit (每千人口床位数 in 张, 人均藏书量 in 册)
 * is not.
 */
export function isCountedWhole(item: SizeSubject): boolean {
  return WHOLE_UNITS.has((item.unit ?? '').replace(/\/年$/, '')) && !isSizeIndependent(item);
}

/**
 * Whether a target is an amount or rate for each year, met or missed year by year (大连
 * 城市低保标准年平均增长4%左右 in %/年, 每年建成示范体育健身公园5个): no pace toward it, no projection.
 * An annual capacity that grows toward its target (达州 残疾人托养机构服务能力 100 → 200 人次/年)
 * is a level like any other, although its unit ends in /年.
 */
export function isPerYearFigure(item: {
  name: string;
  unit: string | null;
  isPerYear?: boolean;
}): boolean {
  if (item.isPerYear !== undefined) return item.isPerYear;
  return item.unit === '%/年' || /^每年|年平均|年均/.test(item.name);
}
