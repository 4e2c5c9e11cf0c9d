import { timeProgress } from '../assessment/assess';
import type { JudgedResult } from '../assessment/plan';
import type { AssessmentMode, AssessmentResult, StatusCode } from '../assessment/types';
import type { DispersionTrend } from '../assessment/equalization';
import { changeText, reasonText } from './explain';
import {
  derivedDigits,
  formatDateTime,
  formatDifference,
  formatNumber,
  formatPercent,
  formatQuantity,
  formatYearList,
  formatYears,
} from './format';
import { modeLabel, statusLabel } from './labels';

/**
 * The sentences of the assessment report (中期评估报告 / 终期评估报告), in Chinese: the report is a
 * document the commission hands to the government and the people's congress, written in the
 * plans' own terms. They state figures and counts, never praise (no 成效显著, 稳步推进): what the
 * evaluator concludes goes into the parts the evaluator writes. docs/reports.md lists them.
 */

/** A document title in book-title marks, once: 《达州市“十三五”基本公共服务均等化规划》. */
export function bookTitle(name: string): string {
  const bare = name.replace(/^《/, '').replace(/》$/, '');
  return `《${bare}》`;
}

/** 《…》中期评估报告 / 《…》终期评估报告. */
export function reportTitle(planName: string, mode: AssessmentMode): string {
  return `${bookTitle(planName)}${modeLabel(mode)}报告`;
}

/** The line under the title: （评估范围：达州市；评估时点：2018年）. */
export function reportSubtitle(regionName: string, asOfYear: number): string {
  return `（评估范围：${regionName}；评估时点：${asOfYear}年）`;
}

/**
 * A status as a report writes it: an indicator that already meets its target before the target
 * year is 提前实现 (mid-term); everything else as labelled everywhere (statusLabel).
 */
export function statusWord(status: StatusCode, mode: AssessmentMode): string {
  return status === 'achieved' && mode === 'midterm' ? '提前实现' : statusLabel(status);
}

/**
 * The order in which a report counts statuses: those a mid-term report leads with first, then
 * the final ones, then those without a computed verdict.
 */
export const REPORT_STATUS_ORDER: readonly StatusCode[] = [
  'on_track',
  'achieved',
  'lagging',
  'regressing',
  'likely_achieved',
  'likely_not_achieved',
  'not_achieved',
  'manual',
  'not_assessable',
  'no_data',
];

/**
 * Counts as a report lists them, zeros left out: "符合进度12项、提前实现5项、进度滞后8项".
 * `counts` is keyed by status; the order is REPORT_STATUS_ORDER.
 */
export function statusCountText(
  counts: Partial<Record<StatusCode, number>>,
  mode: AssessmentMode,
): string {
  return REPORT_STATUS_ORDER.filter((s) => (counts[s] ?? 0) > 0)
    .map((s) => `${statusWord(s, mode)}${counts[s]}项`)
    .join('、');
}

/** A list of names joined as Chinese lists them: "甲、乙、丙". */
export function nameList(names: readonly string[]): string {
  return names.join('、');
}

/** A date as a report writes it, on Beijing time (formatDateTime): "2019年3月1日". */
export function formatReportDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(formatDateTime(iso));
  if (!match) return iso;
  return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
}

// ——— 一、总体情况 ———

export interface ScopeFacts {
  planName: string;
  docNumber: string | null;
  indicatorCount: number;
  textTargetCount: number;
  asOfYear: number;
  mode: AssessmentMode;
  regionName: string;
  isPlanArea: boolean;
  /** The counties compared in 区域均衡 (empty for a county's own report). */
  countyNames: readonly string[];
}

/**
 * What was assessed.
 *
 * @example "本报告对《达州市“十三五”基本公共服务均等化规划》（达市府办发〔2017〕34号）确定的26项主要指标和
 *   规划文本提出的18项量化目标截至2018年的实施情况进行中期评估。评估范围为达州市，区域均衡部分比较通川区、
 *   达川区2个区县。"
 */
export function scopeParagraph(f: ScopeFacts): string {
  const doc = f.docNumber ? `（${f.docNumber}）` : '';
  const what = [
    f.indicatorCount > 0 ? `${f.indicatorCount}项主要指标` : null,
    f.textTargetCount > 0 ? `规划文本提出的${f.textTargetCount}项量化目标` : null,
  ]
    .filter((x): x is string => x !== null)
    .join('和');
  const verb = f.indicatorCount > 0 ? '确定的' : '';
  const head = `本报告对${bookTitle(f.planName)}${doc}${verb}${what}截至${f.asOfYear}年的实施情况进行${modeLabel(f.mode)}。`;
  if (!f.isPlanArea) {
    return `${head}评估范围为${f.regionName}，以${f.regionName}自身的2015年数值为基期；没有本地2015年数值的指标不计算完成进度。`;
  }
  if (f.countyNames.length === 0) return `${head}评估范围为${f.regionName}。`;
  return `${head}评估范围为${f.regionName}，区域均衡部分比较${nameList(f.countyNames)}${f.countyNames.length}个区县。`;
}

export interface DataFacts {
  firstYear: number;
  asOfYear: number;
  /** How many items rest on each data year (latest year with a value), latest first. */
  itemsByDataYear: ReadonlyArray<{ year: number; count: number }>;
  noDataCount: number;
  /** Sources named when the values were entered (distinct, as typed). */
  sources: readonly string[];
  /** The latest change to any value used, ISO; null when unknown (a CSV). */
  lastUpdated: string | null;
  preliminaryCount: number;
}

/**
 * Where the figures come from and which years they are.
 *
 * @example "评估使用本系统录入的2016—2018年实际值。各指标所用数据年份：2018年30项、2017年4项；另有10项没有
 *   实际值。数据来源（录入时注明）：市统计局、市卫健委。数据更新至2019年3月1日。其中2个数值为初步数，见“数据说明”。"
 */
export function dataParagraph(f: DataFacts): string {
  // The span of the values actually used: a final report on data up to 2018 says 2016—2018.
  const lastYear = Math.max(f.firstYear, ...f.itemsByDataYear.map((y) => y.year));
  const span =
    f.itemsByDataYear.length > 0
      ? formatYears(f.firstYear, lastYear)
      : formatYears(f.firstYear, f.asOfYear);
  const parts: string[] = [`评估使用本系统录入的${span}实际值。`];
  const used = f.itemsByDataYear.map((y) => `${y.year}年${y.count}项`).join('、');
  if (used) {
    parts.push(
      `各指标所用数据年份：${used}${f.noDataCount > 0 ? `；另有${f.noDataCount}项没有实际值` : ''}。`,
    );
  } else {
    parts.push(`截至${f.asOfYear}年，各指标均没有实际值。`);
  }
  if (f.sources.length > 0) parts.push(`数据来源（录入时注明）：${nameList(f.sources)}。`);
  if (f.lastUpdated) parts.push(`数据更新至${formatReportDate(f.lastUpdated)}。`);
  if (f.preliminaryCount > 0) {
    parts.push(`其中${f.preliminaryCount}个数值为初步数，见“数据说明”。`);
  }
  return parts.join('');
}

/**
 * The method in two sentences: completion against time (or, finally, the target year's figure
 * against the target), then how missing data and words targets are treated.
 */
export function methodParagraph(
  mode: AssessmentMode,
  calendar: { baseYear: number; startYear: number; endYear: number },
  asOfYear: number,
): string {
  const period = formatYears(calendar.startYear, calendar.endYear);
  const tau = formatPercent(timeProgress(asOfYear, calendar.baseYear, calendar.endYear));
  const first =
    mode === 'midterm'
      ? `评估按“时间过半、任务过半”的要求，比较各指标的完成进度（实际值较基期值的变化占目标值较基期值变化的比例，累计型指标为累计完成量占期末累计目标的比例）与时间进度（数据年份距${calendar.baseYear}年基期的年数占规划期${period}的比例，${asOfYear}年为${tau}）：完成进度不低于时间进度的为符合进度，低于的为进度滞后，较基期反向变化的为逆向变化，已达到目标值的为提前实现。`
      : `终期评估以${calendar.endYear}年实际值（累计型指标为${period}累计完成量）与目标值比较：达到目标的为已实现，未达到的为未实现。`;
  const second =
    '缺少数据的年份既不计为零，也不估算；缺少目标年份数据的，终期结论依据最新数据和趋势推算，记为“预计实现”或“预计难以实现”，累计值缺少年份的结论注明“补齐数据后需复核”；目标为文字表述的，由评估人员人工评定并说明理由。';
  return `${first}${second}`;
}

export interface StatusSummaryFacts {
  total: number;
  counts: Partial<Record<StatusCode, number>>;
  mode: AssessmentMode;
  /** Items with a verdict (computed or judged): on track, achieved, behind. */
  assessed: number;
  /** Of those, on track, achieved or likely achieved. */
  onTrack: number;
  /** Items whose status is an evaluator's judgement. */
  judgedCount: number;
}

/**
 * Counts by status and the share on track.
 *
 * @example "纳入评估的44项指标中，符合进度12项、提前实现5项、进度滞后8项、需人工评定10项、无数据9项。可作出判断的
 *   25项中，符合进度或提前实现的17项，占68.0%。"
 */
export function statusSummaryParagraph(f: StatusSummaryFacts): string {
  const judged = f.judgedCount > 0 ? `（其中${f.judgedCount}项为评估人员评定）` : '';
  const head = `纳入评估的${f.total}项指标中，${statusCountText(f.counts, f.mode)}${judged}。`;
  if (f.assessed === 0) return `${head}目前没有可作出判断的指标。`;
  const good = f.mode === 'midterm' ? '符合进度或提前实现' : '已实现或预计实现';
  return `${head}可作出判断的${f.assessed}项中，${good}的${f.onTrack}项，占${formatPercent(f.onTrack / f.assessed)}。`;
}

// ——— 二、主要指标完成情况 ———

/** "本领域纳入评估8项：符合进度3项、提前实现2项、无数据3项。" */
export function domainSummarySentence(
  total: number,
  counts: Partial<Record<StatusCode, number>>,
  mode: AssessmentMode,
): string {
  return `本领域纳入评估${total}项：${statusCountText(counts, mode)}。`;
}

/**
 * Items with no value at all, named together rather than one empty sentence each; in 数据说明
 * (`isNote`) without "未作评估", since an evaluator may have judged one of them.
 */
export function noDataGroupSentence(
  names: readonly string[],
  fromYear: number,
  toYear: number,
  isNote = false,
): string {
  return `以下${names.length}项${formatYears(fromYear, toYear)}没有实际值${isNote ? '' : '，未作评估'}：${nameList(names)}。`;
}

/** Items the engine cannot judge and nobody has judged yet. */
export function manualGroupSentence(
  entries: ReadonlyArray<{ name: string; target: string }>,
): string {
  const listed = entries.map((e) => `${e.name}（目标：${e.target}）`);
  return `以下${entries.length}项目标为文字表述或没有可计算的数值，尚待评估人员人工评定：${nameList(listed)}。`;
}

/**
 * What an evaluator's judgement adds to an item's paragraph: the status set, the reason, and
 * the computed status kept visible next to it.
 *
 * @example "评估人员评定为符合进度，理由：区住建局报告2018年完成38户（计算结果为需人工评定）。"
 * @example carried: "沿用2018年评估人员评定：符合进度，理由：…（计算结果为需人工评定），待本年度确认。"
 */
export function judgementSentence(r: JudgedResult): string | null {
  const j = r.judgement;
  if (!j) return null;
  const computed = `（计算结果为${statusWord(r.status, r.mode)}）`;
  const reason = j.reason.trim().replace(/[。；;.]$/, '');
  if (r.isJudgementCarried) {
    return `沿用${j.asOfYear}年评估人员评定：${statusWord(j.status, r.mode)}，理由：${reason}${computed}，待本年度确认。`;
  }
  return `评估人员评定为${statusWord(j.status, r.mode)}，理由：${reason}${computed}。`;
}

// ——— 三、预警 ———

/**
 * The opening of the warning section.
 *
 * @example "截至2018年，进度滞后2项、逆向变化1项，共3项，按结论的严重程度和完成进度落后于时间进度的幅度列示如下。"
 */
export function warningIntro(
  counts: Partial<Record<StatusCode, number>>,
  mode: AssessmentMode,
  asOfYear: number,
  /** Items without a verdict (no data, not assessable, manual without a judgement). */
  undetermined = 0,
): string {
  const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  // "Nothing is behind" is said only of what could be judged: 45 items without data are not 45
  // items on track (evaluator trial).
  const rest =
    undetermined > 0
      ? `另有${undetermined}项缺少数据、无法计算或待人工评定，未作判断（见附表1）。`
      : '';
  if (total === 0) {
    const none =
      mode === 'midterm'
        ? '没有进度滞后、逆向变化或预计难以实现的指标'
        : '没有未实现或预计难以实现的指标';
    return rest
      ? `截至${asOfYear}年，在能够判断的指标中，${none}；${rest}`
      : `截至${asOfYear}年，${none}。`;
  }
  const order =
    mode === 'midterm'
      ? '结论的严重程度和完成进度落后于时间进度的幅度'
      : '结论的严重程度和完成进度';
  return `截至${asOfYear}年，${statusCountText(counts, mode)}，共${total}项，按${order}列示如下。${rest}`;
}

/**
 * A table cell for the pace still needed: a level "提高0.45张" / "下降0.75"; a running total
 * "年均完成5.05万人". Null when there is no figure.
 */
export function requiredPaceText(r: AssessmentResult): string | null {
  const v = r.requiredAnnualChange.value;
  if (v === null) return null;
  if (r.kind === 'cumulative')
    return `年均完成${formatQuantity(v, r.unit, 'zh-CN', derivedDigits(r))}`;
  return changeText(v, r.unit, 'zh-CN', derivedDigits(r));
}

/** The same for the change so far: "提高0.16张", "年均完成3.45万人". */
export function averagePaceText(r: AssessmentResult): string | null {
  const v = r.averageAnnualChange.value;
  if (v === null) return null;
  if (r.kind === 'cumulative')
    return `年均完成${formatQuantity(v, r.unit, 'zh-CN', derivedDigits(r))}`;
  return changeText(v, r.unit, 'zh-CN', derivedDigits(r));
}

/** The gap in the unit's own terms: "0.9张", "8个百分点", "10.1万人". */
export function gapText(r: AssessmentResult): string | null {
  const v = r.gap.value;
  if (v === null) return null;
  return r.kind === 'cumulative'
    ? formatQuantity(v, r.unit, 'zh-CN', derivedDigits(r))
    : formatDifference(v, r.unit, 'zh-CN', derivedDigits(r));
}

/** How many times the past pace is needed: "2.8倍". */
export function accelerationText(factor: number | null): string | null {
  return factor === null ? null : `${formatNumber(factor, 1)}倍`;
}

// ——— 四、区域均衡 ———

export const TREND_WORDS: Record<DispersionTrend, string> = {
  narrowed: '缩小',
  widened: '扩大',
  stable: '基本持平',
  unknown: '无法判断',
};

/** The coefficient of variation as a percentage: small ones keep more digits, so "0%" never hides a gap. */
export function variationText(cv: number | null): string {
  if (cv === null) return '—';
  const percent = cv * 100;
  return `${formatNumber(percent, percent < 1 ? 3 : 1)}%`;
}

/**
 * The opening of 区域均衡.
 *
 * @example "对有2个以上区县数据的5项相对指标（比率、人均或每千人等，不含随区县规模变化的总量指标），以变异系数衡量
 *   区县间差距：与最早有数据的年份相比，缩小的2项、扩大的1项、基本持平的1项、无法判断的1项。"
 */
export function equalizationIntro(counts: Record<DispersionTrend, number>, total: number): string {
  if (total === 0) {
    return '没有2个以上区县都有数据的相对指标（比率、人均或每千人等），未作区域均衡分析。';
  }
  const listed = (['narrowed', 'widened', 'stable', 'unknown'] as const)
    .filter((t) => counts[t] > 0)
    .map((t) => `${TREND_WORDS[t]}的${counts[t]}项`)
    .join('、');
  return `对有2个以上区县数据的${total}项相对指标（比率、人均或每千人等，不含随区县规模变化的总量指标），以变异系数衡量区县间差距：与最早有数据的年份相比，${listed}。`;
}

/** The note under the county table, with the tolerance of "基本持平" as a number of points. */
export function equalizationTableNote(tolerance: number): string {
  return `注：变异系数为各区县数值的标准差与平均值之比，越小表示区县间越均衡；差距变化为与最早有2个以上区县数据的年份相比，变异系数变化不超过${formatNumber(tolerance * 100)}个百分点的为基本持平。`;
}

/** When a report covers one county, or a plan area without county data. */
export function equalizationNotApplicable(
  regionName: string,
  planArea: string,
  isPlanArea: boolean,
): string {
  return isPlanArea
    ? `${regionName}没有录入区县数据，未作区域均衡分析。`
    : `本报告为${regionName}的评估，区域均衡分析见${planArea}全域评估报告。`;
}

// ——— 五、服务清单和重点任务 ———

/** The placeholder until service-list tracking is recorded. */
export function serviceListPlaceholder(serviceCount: number, taskCount: number): string {
  const what = [
    serviceCount > 0 ? `基本公共服务清单${serviceCount}项` : null,
    taskCount > 0 ? `重点任务${taskCount}项` : null,
  ].filter((x): x is string => x !== null);
  const listed = what.length > 0 ? `规划列有${what.join('、')}。` : '';
  return `${listed}服务清单和重点任务的落实情况尚未在本系统中记录，本报告未作评估；由各责任单位另行报送的，在此处补充。`;
}

/** Where the evaluator's own text goes while it is not yet written. */
export const EVALUATOR_PLACEHOLDER = '（本部分由评估人员撰写。）';

// ——— 数据说明 ———

/** "每千人口床位数：缺少2016、2017年数据". */
export function missingYearsLine(name: string, years: readonly number[]): string {
  return `${name}：缺少${formatYearList(years)}数据`;
}

/** "各指标2016—2018年数据齐全。" */
export function completeDataSentence(fromYear: number, toYear: number): string {
  return `各指标${formatYears(fromYear, toYear)}数据齐全。`;
}

/** When every value the report uses is preliminary, one sentence instead of a list. */
export function allPreliminarySentence(fromYear: number, toYear: number): string {
  return `本报告使用的${formatYears(fromYear, toYear)}数值均为初步数，正式数据发布后需更新。`;
}

/** "每千人口床位数（2018年）", "新增城镇就业人数（2017、2018年）". */
export function preliminaryLine(name: string, years: readonly number[]): string {
  return `${name}（${formatYearList(years)}）`;
}

/**
 * A revised baseline with its reason.
 *
 * @example "每千人口床位数：2015年基期值由规划值4.31张修订为4.35张，理由：统计年鉴更正。"
 */
export function revisedBaselineLine(
  name: string,
  unit: string | null,
  baseYear: number,
  printed: number | null,
  revised: number,
  reason: string,
): string {
  const why = reason.trim() ? `，理由：${reason.trim().replace(/[。；;.]$/, '')}` : '';
  if (printed === null) {
    return `${name}：规划未列${baseYear}年基期值，录入${formatQuantity(revised, unit)}${why}。`;
  }
  return `${name}：${baseYear}年基期值由规划值${formatQuantity(printed, unit)}修订为${formatQuantity(revised, unit)}${why}。`;
}

/** A judgement for the data notes: what, against what, why, who, when. */
export function judgementLine(r: JudgedResult): string | null {
  const j = r.judgement;
  const earlier = r.earlierJudgement;
  if (j) {
    const carried = r.isJudgementCarried ? `沿用${j.asOfYear}年评定，待本年度确认；` : '';
    const when = j.at ? formatReportDate(j.at) : '';
    const by = [j.by ? `评定人：${j.by}` : '', when].filter((x) => x !== '').join('，');
    return `${r.name}：评定为${statusWord(j.status, r.mode)}（${carried}计算结果为${statusWord(r.status, r.mode)}），理由：${j.reason.trim().replace(/[。；;.]$/, '')}${by ? `（${by}）` : ''}。`;
  }
  if (earlier) {
    return `${r.name}：${earlier.asOfYear}年曾评定为${statusWord(earlier.status, r.mode)}；本年度按计算结果${statusWord(r.status, r.mode)}，未沿用该评定。`;
  }
  return null;
}

/** A note about the target itself (约数, 推算), from the engine's reason. */
export function targetNoteLine(name: string, r: AssessmentResult): string | null {
  const notes = r.reasons
    .filter((x) => x.code === 'approximate_target' || x.code === 'derived_target')
    .map((x) => reasonText(x, r.unit));
  return notes.length > 0 ? `${name}：${notes.join('；')}。` : null;
}

export const DEMO_NOTICE =
  '示例数据：本报告的数值为演示用虚构数据，不是真实统计数据，不得作为评估依据。';

// ——— Facts the evaluator can copy ———

/**
 * "进度滞后的指标：每千人口床位数（完成进度35.3%，时间进度60.0%）、…": one factual bullet per
 * group; the evaluator copies what they need into 存在的问题及原因.
 */
export function behindBullet(
  status: StatusCode,
  mode: AssessmentMode,
  items: ReadonlyArray<AssessmentResult>,
): string {
  const details = items.map((r) => {
    const parts: string[] = [];
    if (
      r.status === 'lagging' ||
      r.status === 'likely_not_achieved' ||
      r.status === 'not_achieved'
    ) {
      if (r.progress.value !== null) parts.push(`完成进度${formatPercent(r.progress.value)}`);
      if (r.status === 'lagging') parts.push(`时间进度${formatPercent(r.timeProgress)}`);
    }
    if (
      r.status === 'regressing' &&
      r.baseline.value !== null &&
      r.latestValue !== null &&
      r.kind !== 'cumulative'
    ) {
      parts.push(`较基期${changeText(r.latestValue - r.baseline.value, r.unit)}`);
    }
    if (r.status === 'likely_not_achieved' && r.projectedValue.value !== null) {
      parts.push(
        `按${r.kind === 'cumulative' ? '已报告年份年均值' : '趋势'}推算${r.targetYear}年${r.kind === 'cumulative' ? '累计' : ''}约为${formatQuantity(r.projectedValue.value, r.unit, 'zh-CN', derivedDigits(r))}`,
      );
    }
    return parts.length > 0 ? `${r.name}（${parts.join('，')}）` : r.name;
  });
  return `${statusWord(status, mode)}的指标：${nameList(details)}。`;
}

/** "需加快进度的指标：每千人口床位数需年均提高0.45张（此前年均提高0.16张，为此前的2.8倍）". */
export function paceBullet(
  entries: ReadonlyArray<{ result: AssessmentResult; factor: number | null }>,
): string {
  const details = entries.map(({ result: r, factor }) => {
    const need = requiredPaceText(r);
    const before = averagePaceText(r);
    const times = accelerationText(factor);
    const tail = [
      before ? `此前${before.startsWith('年均') ? '' : '年均'}${before}` : null,
      times ? `为此前的${times}` : null,
    ]
      .filter((x): x is string => x !== null)
      .join('，');
    return `${r.name}需${need?.startsWith('年均') ? '' : '年均'}${need}${tail ? `（${tail}）` : ''}`;
  });
  return `需加快进度的指标：${nameList(details)}。`;
}

/** "需补齐数据的指标：每千人口床位数（缺少2017年）、…". */
export function missingDataBullet(
  entries: ReadonlyArray<{ name: string; years: readonly number[] }>,
): string {
  return `需补齐数据的指标：${nameList(entries.map((e) => `${e.name}（缺少${formatYearList(e.years)}）`))}。`;
}

/** "区县间差距扩大的指标：每千人口床位数（变异系数由2016年的10.2%升至2018年的14.5%）". */
export function widenedBullet(
  entries: ReadonlyArray<{
    name: string;
    fromYear: number;
    from: number | null;
    toYear: number;
    to: number | null;
  }>,
): string {
  return `区县间差距扩大的指标：${nameList(
    entries.map(
      (e) =>
        `${e.name}（变异系数由${e.fromYear}年的${variationText(e.from)}升至${e.toYear}年的${variationText(e.to)}）`,
    ),
  )}。`;
}

/** "各区县滞后指标占可判断指标的比例：渠县40.0%、通川区25.0%。" */
export function countyBehindBullet(
  entries: ReadonlyArray<{ name: string; share: number }>,
): string {
  return `各区县滞后指标占可判断指标的比例：${nameList(entries.map((e) => `${e.name}${formatPercent(e.share)}`))}。`;
}

/** "尚无数据的指标（2016—2018年）3项：甲、乙、丙。" */
export function noDataBullet(names: readonly string[], fromYear: number, toYear: number): string {
  return `尚无数据的指标（${formatYears(fromYear, toYear)}）${names.length}项：${nameList(names)}。`;
}

/** "尚待人工评定的指标：…". */
export function manualBullet(names: readonly string[]): string {
  return `尚待评估人员人工评定的指标：${nameList(names)}。`;
}

/** "初步数待正式数据更新的指标：…". */
export function preliminaryBullet(lines: readonly string[]): string {
  return `初步数待正式数据发布后更新：${nameList(lines)}。`;
}

// ——— Numbering and table cells ———

const DIGIT_WORDS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (headings 一、 and （一）). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGIT_WORDS[n] as string;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGIT_WORDS[tens]}十${ones === 0 ? '' : DIGIT_WORDS[ones]}`;
}

/** "2018年数值为初步数。" */
export function preliminarySentence(years: readonly number[]): string {
  return `${formatYearList(years)}数值为初步数。`;
}

/**
 * The 评估结论 cell of a table: the status shown, marked when an evaluator set it or when
 * missing data could still change it. "进度滞后（需复核）", "符合进度（人工评定）".
 */
export function conclusionCell(r: JudgedResult): string {
  const word = statusWord(r.effectiveStatus, r.mode);
  if (r.judgement) {
    return r.isJudgementCarried
      ? `${word}（沿用${r.judgement.asOfYear}年评定）`
      : `${word}（人工评定）`;
  }
  const isLikely = r.status === 'likely_achieved' || r.status === 'likely_not_achieved';
  return r.isProvisional && !isLikely ? `${word}（需复核）` : word;
}

/** Reasons a table note leaves out: the status or another column already says them. */
const QUIET_REASONS = new Set([
  'no_data',
  'target_year_reached',
  'target_year_reported',
  'single_point',
  'per_year_figure',
]);

/**
 * The 说明 cell of 附表1: the running total of a cumulative item, the missing years, why a
 * figure is not computed, revisions, preliminary years, a judgement.
 *
 * @example "2016、2018年累计6.9万人；缺少2017年数据（未计入累计值，也未估算）；补齐数据后需复核"
 */
export function completionNote(
  r: JudgedResult,
  extras: { preliminaryYears: readonly number[] },
): string {
  const parts: string[] = [];
  if (r.kind === 'cumulative' && r.cumulativeValue !== null && r.latestYear !== null) {
    const span =
      r.startYear === r.latestYear
        ? `${r.latestYear}年`
        : `${formatYears(r.startYear, r.latestYear)}累计`;
    parts.push(`${span}${formatQuantity(r.cumulativeValue, r.unit)}`);
  }
  for (const reason of r.reasons) {
    if (QUIET_REASONS.has(reason.code)) continue;
    const text = reasonText(reason, r.unit, 'zh-CN', r.kind);
    if (!parts.includes(text)) parts.push(text);
  }
  if (r.isProvisional && r.status === 'lagging') parts.push('补齐数据后需复核');
  if (r.isBaselineRevised && r.scope === 'plan-area') parts.push('基期值已修订，见数据说明');
  if (extras.preliminaryYears.length > 0) {
    parts.push(`${formatYearList(extras.preliminaryYears)}为初步数`);
  }
  if (r.judgement) {
    parts.push(`计算结果为${statusWord(r.status, r.mode)}，评定理由见数据说明`);
  }
  return parts.join('；');
}

/** The notes under 附表1. */
export function completionTableNotes(f: {
  hasPreliminary: boolean;
  hasCumulative: boolean;
  mode: AssessmentMode;
}): string[] {
  const notes = [
    '目标值按规划文本原样列示；完成进度超过100%的记为“>100%”，电子表格中为实际比例。',
    f.mode === 'midterm'
      ? '时间进度按各指标的数据年份计算；数据年份早于评估时点的，按数据年份评估。'
      : '终期评估缺少目标年份数据的，结论为“预计实现”或“预计难以实现”。',
  ];
  if (f.hasCumulative) {
    notes.push(
      '累计型指标各年数值为当年完成量（非累计数），完成进度按已报告年份的累计完成量计算。',
    );
  }
  if (f.hasPreliminary) notes.push('标“*”的数值为初步数。');
  return notes.map((n, i) => `${i + 1}.${n}`);
}

/** Where a title may break: after these (a closing mark, a word that ends a phrase) … */
const BREAK_AFTER = ['》', '”', '服务', '规划', '计划', '人民政府', '的'];
/** … or before these (an opening mark, a year). */
const BREAK_BEFORE = ['《', '“', '关于', '推进'];

/**
 * A long title broken into lines as a typesetter would: at most `maxChars` a line (20 fit a
 * line of 二号 on A4 between the GB/T 9704 margins), breaking after a phrase ("…基本公共服务" /
 * "均等化规划》…") rather than inside a word, and keeping lines even.
 *
 * @example titleLines("《达州市“十三五”基本公共服务均等化规划》中期评估报告")
 *   → ["《达州市“十三五”基本公共服务", "均等化规划》中期评估报告"]
 */
export function titleLines(title: string, maxChars = 20): string[] {
  const chars = [...title];
  const n = chars.length;
  if (n <= maxChars) return [title];
  const isGood = (i: number) => {
    const before = chars.slice(0, i).join('');
    const after = chars.slice(i).join('');
    return (
      BREAK_AFTER.some((w) => before.endsWith(w)) ||
      BREAK_BEFORE.some((w) => after.startsWith(w)) ||
      /^\d{4}/.test(after)
    );
  };
  let best: { lines: string[]; cost: number } | null = null;
  const consider = (breaks: number[]) => {
    const cuts = [0, ...breaks, n];
    const lengths = cuts.slice(1).map((end, i) => end - (cuts[i] as number));
    if (lengths.some((l) => l > maxChars || l === 0)) return;
    const cost =
      breaks.filter((b) => !isGood(b)).length * 15 +
      (Math.max(...lengths) - Math.min(...lengths)) +
      (breaks.length - 1) * 12;
    if (!best || cost < best.cost) {
      best = {
        cost,
        lines: cuts.slice(1).map((end, i) => chars.slice(cuts[i], end).join('')),
      };
    }
  };
  for (let i = 1; i < n; i++) {
    consider([i]);
    for (let j = i + 1; j < n; j++) consider([i, j]);
  }
  return (best as { lines: string[] } | null)?.lines ?? [title];
}
