import type { z } from 'zod';
import { planItems } from '../assessment/plan';
import type { Plan } from '../catalog/schema';
import { parsePlan } from '../catalog/validate';
import { checkText, NARRATIVE_MAX_CHARS, TEXT_RULES, type TextRule } from '../import/text-rules';
import {
  checkValue,
  formatValue,
  parseValue,
  valueRuleFor,
  type ValueRule,
} from '../observations/value-rules';
import {
  IMPLEMENTATION_LABELS,
  MAX_TEXT,
  standardItems,
  validateImplementation,
} from '../implementation/model';
import { validateSurvey } from '../implementation/surveys';
import type {
  ExchangeAuditRow,
  ExchangeCell,
  ExchangeImplementationRow,
  ExchangeSurveyRow,
  ExchangeJudgementRow,
  ExchangeNarrativeRow,
  ExchangeRegionRow,
  ExchangeSeriesRow,
  ExchangeSnapshotContentRow,
  ExchangeSnapshotRow,
} from './exchange-rows';
import {
  EXCHANGE_TABLES,
  exchangeTable,
  implementationKey,
  type ExchangeTableSpec,
} from './exchange-tables';

/**
 * Checks every row of an exchange file (at the current schema version) before anything is
 * written: its shape (exchange-rows.ts), then what it refers to and holds — a known plan, item,
 * region and year, each number through its item's value rule, each text through the entry's
 * text rules. Pure; the caller says which plans and regions exist here. Every problem is one
 * Chinese line naming the table, the record and the field.
 */

export interface CheckContext {
  /** A plan by id: built in, or loaded here (the file's own loaded plans are added by the check). */
  planOf: (planId: string) => Plan | undefined;
  isBuiltin: (planId: string) => boolean;
  /** Regions stored here for a plan (by id). */
  localRegionIds: (planId: string) => ReadonlySet<string>;
  /**
   * The value rule of a plan's item, undefined when the plan has no such item. Default: its
   * indicators and text targets (planItems), as the entry grid writes them.
   */
  ruleOf?: (plan: Plan, itemId: string) => ValueRule | undefined;
}

export type CheckedTables = Record<string, unknown[]>;
export type CheckResult = { ok: true; tables: CheckedTables } | { ok: false; errors: string[] };

/** Problems listed at most; the rest are counted. */
const MAX_ERRORS = 50;

/**
 * The free texts of statuses and surveys: the lengths the 服务清单 page allows (its validators
 * check them too), and the markup and control-character rules every text of a file meets.
 */
const SERVICE_TEXT_RULES = {
  evidence: { label: '依据', maxChars: MAX_TEXT, isMultiline: true },
  documentRef: { label: '文件', maxChars: MAX_TEXT, isMultiline: true },
  reply: { label: '牵头单位反馈', maxChars: MAX_TEXT, isMultiline: true },
  organiser: { label: '组织单位', maxChars: 200, isMultiline: false },
  method: { label: '调查方法', maxChars: 500, isMultiline: true },
  notes: { label: '备注', maxChars: 2000, isMultiline: true },
} as const satisfies Record<string, TextRule>;

const TYPE_NAMES: Record<string, string> = {
  number: '数字',
  string: '文本',
  boolean: '是或否（true/false）',
  object: '对象',
  array: '列表',
  null: '空（null）',
};

/** What a coded value means, so that a list of allowed values reads in Chinese: done（已落实）. */
const VALUE_NAMES: Record<string, string> = {
  ...IMPLEMENTATION_LABELS['zh-CN'],
  preliminary: '初步',
  final: '正式',
  'plan-area': '规划全域',
  subregion: '下辖区域',
  midterm: '中期评估',
  service: '服务项目',
  task: '重点任务',
  rate: '满意率',
  score: '满意度得分',
};
const valueName = (v: unknown, _: number, all: readonly unknown[]) => {
  // 'final' is 正式 beside 'preliminary' and 终期评估 beside 'midterm'.
  const name = v === 'final' && all.includes('midterm') ? '终期评估' : VALUE_NAMES[String(v)];
  return name ? `${String(v)}（${name}）` : String(v);
};

function describeInput(input: unknown): string {
  if (input === undefined) return '';
  if (typeof input === 'string')
    return `文本“${input.length > 40 ? `${input.slice(0, 40)}…` : input}”`;
  if (typeof input === 'number') return `数字 ${input}`;
  if (input === null) return '空（null）';
  if (Array.isArray(input)) return '列表';
  if (typeof input === 'object') return '对象';
  return String(input);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.map(String).join('.');
  const at = where ? `${where}：` : '';
  const input = 'input' in issue ? issue.input : undefined;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return input === undefined
        ? `${at}缺少此字段（应为${expected}）`
        : `${at}应为${expected}，文件中是${describeInput(input)}`;
    }
    case 'unrecognized_keys':
      return `${at}有本系统没有的字段 ${issue.keys.join('、')}`;
    case 'invalid_value':
      return `${at}取值${describeInput(input)}无效，应为 ${issue.values.map(valueName).join('、')} 之一`;
    case 'invalid_union':
      return `${at}取值${describeInput(input)}无效`;
    case 'invalid_format':
    case 'too_small':
    case 'too_big':
    case 'custom':
      // The schema's own messages are Chinese where a user can meet them.
      return `${at}${/[\u4e00-\u9fff]/.test(issue.message) ? issue.message : '取值超出范围'}`;
    default:
      return `${at}取值无效`;
  }
}

/** How a record is named in a message: its natural key when it can be read. */
function recordName(spec: ExchangeTableSpec, row: unknown, index: number): string {
  let key: unknown;
  try {
    key = spec.keyOf(row);
  } catch {
    // A row too broken to name is named by its position only.
  }
  const named = typeof key === 'string' && key && !key.includes('undefined') ? `（${key}）` : '';
  return `${spec.label}第${index + 1}条${named}`;
}

/** Equal as stored figures: within the last of 12 significant digits (ratios are read to 12). */
const sameNumber = (a: number, b: number) =>
  a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));

function checkCell(
  cell: ExchangeCell,
  rule: ValueRule | undefined,
  push: (message: string) => void,
): void {
  if (cell.value !== null) {
    if (!Number.isFinite(cell.value)) push('数值无效');
    else if (rule) {
      const problem = checkValue(cell.value, rule);
      if (problem) push(problem.message);
      // The 录入原文 is what was typed; the grid shows the value, the detail panel and a
      // re-committed cell the text. A value changed by hand while its text was left would show
      // two figures and come back on the next Enter. (A text today's rules refuse is left
      // alone: the rules may have grown stricter since it was typed.)
      const typed = cell.text.trim() ? parseValue(cell.text, rule) : null;
      if (typed?.kind === 'value' && !sameNumber(typed.value, cell.value)) {
        push(`数值${formatValue(cell.value)}与录入原文“${cell.text}”不一致（文件可能被改动过）`);
      }
    }
  }
  for (const [text, textRule] of [
    [cell.text, TEXT_RULES.valueText],
    [cell.note, TEXT_RULES.note],
    [cell.source, TEXT_RULES.source],
    [cell.reason, TEXT_RULES.reason],
    [cell.updatedBy, TEXT_RULES.author],
  ] as const) {
    const problem = checkText(text, textRule);
    if (problem) push(problem);
  }
}

/** The value rule of an item or of a numeric standard (服务清单): values of both are stored. */
const defaultRuleOf = (plan: Plan, itemId: string): ValueRule | undefined => {
  const item = [...planItems(plan), ...standardItems(plan)].find((i) => i.id === itemId);
  return item ? valueRuleFor(item) : undefined;
};

export function checkExchangeTables(
  tables: Record<string, unknown[]>,
  context: CheckContext,
): CheckResult {
  const errors: string[] = [];
  let dropped = 0;
  const push = (message: string) => {
    if (errors.length < MAX_ERRORS) errors.push(message);
    else dropped++;
  };
  const result = (): CheckResult => {
    if (dropped) errors.push(`……另有${dropped}处问题未列出`);
    return { ok: false, errors };
  };

  for (const name of Object.keys(tables)) {
    if (!exchangeTable(name)) push(`数据表“${name}”不是本系统的，文件可能来自其他软件`);
  }
  // Shape first, table by table; a file with a badly shaped row is not looked at further.
  const checked: CheckedTables = {};
  for (const spec of EXCHANGE_TABLES) {
    const rows = tables[spec.table];
    if (!rows) continue;
    const seen = new Map<string, number>();
    checked[spec.table] = rows.map((row, index) => {
      const parsed = spec.rowSchema.safeParse(row, { reportInput: true });
      if (!parsed.success) {
        for (const issue of parsed.error.issues.slice(0, 3)) {
          push(`${recordName(spec, row, index)}：${describeIssue(issue)}`);
        }
        return row;
      }
      const key = spec.keyOf(parsed.data);
      const first = seen.get(key);
      if (first !== undefined) {
        push(`${recordName(spec, row, index)}：与第${first + 1}条重复（同一记录出现两次）`);
      } else seen.set(key, index);
      // The row as the file holds it, not zod's copy (which orders keys as the schema does):
      // strict schemas without defaults or transforms accept exactly these fields, and keeping
      // their order makes a restored data set export the same bytes.
      return row;
    });
  }
  if (errors.length) return result();

  // Loaded plans: the catalog by the plan file's own rules; a built-in plan's id is refused.
  const filePlans = new Map<string, Plan>();
  (checked.userPlans ?? []).forEach((row, index) => {
    const { id, plan } = row as { id: string; plan: unknown };
    const where = `已加载的规划第${index + 1}条（${id}）`;
    if (context.isBuiltin(id)) {
      push(`${where}：“${id}”是内置规划的编号，内置规划不随文件导入`);
      return;
    }
    const parsed = parsePlan(plan);
    if (!parsed.ok) parsed.errors.slice(0, 5).forEach((e) => push(`${where}：${e}`));
    else if (parsed.plan.id !== id)
      push(`${where}：规划内容的编号是“${parsed.plan.id}”，与 id 不符`);
    else filePlans.set(id, parsed.plan);
  });
  const planOf = (planId: string) => filePlans.get(planId) ?? context.planOf(planId);
  const ruleOf = context.ruleOf ?? defaultRuleOf;

  const fileRegions = new Map<string, Set<string>>();
  for (const row of (checked.regions ?? []) as ExchangeRegionRow[]) {
    fileRegions.set(row.planId, (fileRegions.get(row.planId) ?? new Set()).add(row.regionId));
  }
  const isKnownRegion = (plan: Plan, regionId: string) =>
    fileRegions.get(plan.id)?.has(regionId) ||
    context.localRegionIds(plan.id).has(regionId) ||
    plan.regions.some((r) => r.id === regionId);

  /** The plan of a record, or a message when it is unknown. */
  const knownPlan = (planId: string, where: string): Plan | undefined => {
    const plan = planOf(planId);
    if (!plan)
      push(`${where}：本系统没有编号为“${planId}”的规划（请先在“指标目录”载入该规划文件）`);
    return plan;
  };
  const textCheck = (where: string, text: string, rule: TextRule) => {
    const problem = checkText(text, rule);
    if (problem) push(`${where}：${problem}`);
  };

  (checked.regions ?? []).forEach((row, index) => {
    const region = row as ExchangeRegionRow;
    const where = `区域第${index + 1}条（${region.key}）`;
    knownPlan(region.planId, where);
    textCheck(where, region.name, TEXT_RULES.regionName);
    textCheck(where, region.updatedBy, TEXT_RULES.author);
  });

  (checked.series ?? []).forEach((row, index) => {
    const series = row as ExchangeSeriesRow;
    const where = `数值序列第${index + 1}条（${series.planId}|${series.regionId}|${series.itemId}）`;
    const plan = knownPlan(series.planId, where);
    if (!plan) return;
    const rule = ruleOf(plan, series.itemId);
    if (!rule) push(`${where}：规划“${plan.shortName}”中没有指标“${series.itemId}”`);
    if (!isKnownRegion(plan, series.regionId)) {
      push(`${where}：规划“${plan.shortName}”中没有区域“${series.regionId}”`);
    }
    for (const [yearText, cell] of Object.entries(series.cells)) {
      const year = Number(yearText);
      const at = `${where}${yearText}年`;
      if (year < plan.baseYear || year > plan.period.end) {
        push(`${at}：年份${yearText}不在${plan.baseYear}—${plan.period.end}年之间`);
        continue;
      }
      checkCell(cell, rule, (message) => push(`${at}：${message}`));
    }
  });

  (checked.judgements ?? []).forEach((row, index) => {
    const judgement = row as ExchangeJudgementRow;
    const where = `评估判断第${index + 1}条（${judgement.planId}|${judgement.itemId}|${judgement.regionId}|${judgement.asOfYear}）`;
    const plan = knownPlan(judgement.planId, where);
    if (!plan) return;
    if (!ruleOf(plan, judgement.itemId)) {
      push(`${where}：规划“${plan.shortName}”中没有指标“${judgement.itemId}”`);
    }
    if (!isKnownRegion(plan, judgement.regionId)) {
      push(`${where}：规划“${plan.shortName}”中没有区域“${judgement.regionId}”`);
    }
    if (judgement.asOfYear < plan.period.start || judgement.asOfYear > plan.period.end) {
      push(
        `${where}：评估年份${judgement.asOfYear}不在${plan.period.start}—${plan.period.end}年之间`,
      );
    }
    if (!judgement.reason.trim()) push(`${where}：缺少理由`);
    textCheck(where, judgement.reason, TEXT_RULES.judgementReason);
    textCheck(where, judgement.by, TEXT_RULES.author);
  });

  (checked.narratives ?? []).forEach((row, index) => {
    const narrative = row as ExchangeNarrativeRow;
    const where = `报告文字第${index + 1}条（${narrative.planId}|${narrative.regionId}|${narrative.asOfYear}）`;
    const plan = knownPlan(narrative.planId, where);
    if (!plan) return;
    if (!isKnownRegion(plan, narrative.regionId)) {
      push(`${where}：规划“${plan.shortName}”中没有区域“${narrative.regionId}”`);
    }
    if (narrative.asOfYear < plan.period.start || narrative.asOfYear > plan.period.end) {
      push(
        `${where}：评估年份${narrative.asOfYear}不在${plan.period.start}—${plan.period.end}年之间`,
      );
    }
    for (const text of [narrative.problems, narrative.suggestions]) {
      // Only the length, as the 报告 page checks it: any text it stored must restore.
      if (text.length > NARRATIVE_MAX_CHARS) push(`${where}：文字超过${NARRATIVE_MAX_CHARS}字`);
    }
    textCheck(where, narrative.updatedBy, TEXT_RULES.author);
  });

  (checked.implementation ?? []).forEach((row, index) => {
    const record = row as ExchangeImplementationRow;
    const where = `落实情况第${index + 1}条（${implementationKey(record)}）`;
    const plan = knownPlan(record.planId, where);
    if (!plan) return;
    if (!isKnownRegion(plan, record.regionId)) {
      push(`${where}：规划“${plan.shortName}”中没有区域“${record.regionId}”`);
    }
    const subject = { kind: record.subjectKind, id: record.subjectId };
    // The rules the 服务清单 page applies before it stores a status; a cleared one keeps only
    // its key, so only the item and the year are checked.
    const problems =
      record.status === null
        ? validateImplementation(
            { ...record, subject, status: 'in_progress', evidence: '', documentRef: '' },
            plan,
          )
        : validateImplementation({ ...record, subject, status: record.status }, plan);
    problems.forEach((problem) => push(`${where}：${problem}`));
    for (const [text, rule] of [
      [record.evidence, SERVICE_TEXT_RULES.evidence],
      [record.documentRef, SERVICE_TEXT_RULES.documentRef],
      [record.reply, SERVICE_TEXT_RULES.reply],
    ] as const) {
      textCheck(where, text, rule);
    }
    textCheck(where, record.by, TEXT_RULES.author);
  });

  (checked.surveys ?? []).forEach((row, index) => {
    const survey = row as ExchangeSurveyRow;
    const where = `满意度调查第${index + 1}条（${survey.id}）`;
    const plan = knownPlan(survey.planId, where);
    if (!plan) return;
    validateSurvey(survey, plan).forEach((problem) => push(`${where}：${problem}`));
    for (const [text, rule] of [
      [survey.organiser, SERVICE_TEXT_RULES.organiser],
      [survey.method, SERVICE_TEXT_RULES.method],
      [survey.notes, SERVICE_TEXT_RULES.notes],
    ] as const) {
      textCheck(where, text, rule);
    }
    textCheck(where, survey.by, TEXT_RULES.author);
  });

  // A snapshot is a list entry and its content under one id: neither comes alone.
  const contentIds = new Set(
    ((checked.snapshotContents ?? []) as ExchangeSnapshotContentRow[]).map((row) => row.id),
  );
  const entryIds = new Set<string>();
  (checked.snapshots ?? []).forEach((row, index) => {
    const entry = row as ExchangeSnapshotRow;
    entryIds.add(entry.id);
    const where = `报告快照第${index + 1}条（${entry.id}）`;
    knownPlan(entry.planId, where);
    if (!contentIds.has(entry.id)) push(`${where}：文件中缺少这份快照的内容`);
    textCheck(where, entry.createdBy, TEXT_RULES.author);
  });
  (checked.snapshotContents ?? []).forEach((row, index) => {
    const content = row as ExchangeSnapshotContentRow;
    if (!entryIds.has(content.id)) {
      push(`报告快照内容第${index + 1}条（${content.id}）：文件中缺少这份快照的列表记录`);
    }
  });

  (checked.auditLog ?? []).forEach((row, index) => {
    const audit = row as ExchangeAuditRow;
    const where = `修改记录第${index + 1}条（${audit.key}）`;
    textCheck(where, audit.reason, TEXT_RULES.reason);
    textCheck(where, audit.by, TEXT_RULES.author);
    if (audit.entity === 'series') {
      for (const change of audit.changes) {
        for (const cell of [change.before, change.after]) {
          if (cell)
            checkCell(cell, undefined, (message) => push(`${where}${change.year}年：${message}`));
        }
      }
    }
  });

  (checked.settings ?? []).forEach((row) => {
    const setting = row as { key: string; value: unknown };
    if (setting.key === 'evaluatorName') {
      textCheck('设置 evaluatorName', String(setting.value), TEXT_RULES.author);
    }
  });

  return errors.length ? result() : { ok: true, tables: checked };
}
