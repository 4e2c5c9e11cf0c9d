import type { z } from 'zod';
import {
  describeJsonSyntaxError,
  FORBIDDEN_KEYS,
  scanJson,
  type JsonScanProblem,
} from '../import/json-scan';
import { planSchema, type Plan } from './schema';

export type PlanParseResult = { ok: true; plan: Plan } | { ok: false; errors: string[] };

/**
 * Limits on a plan file from outside. The largest built-in plan is 230 kB with 129 standards,
 * strings up to 348 characters and a five-year period; the limits leave ample room for real
 * plans and keep a mistaken or hostile file (a database dump, a 1 GB file, a 100-year plan) out.
 */
export const PLAN_FILE_MAX_BYTES = 2 * 1024 * 1024;
export const PLAN_LIST_MAX_ITEMS = 1000;
export const PLAN_STRING_MAX_CHARS = 2000;
/** Shorter limits for fields that are labels or keys rather than prose. */
const SHORT_STRING_LIMITS: Readonly<Record<string, number>> = {
  id: 80,
  concept: 80,
  domain: 80,
  implements: 80,
  unit: 20,
  shortName: 40,
  name: 200,
  raw: 200,
};
export const PLAN_YEAR_MIN = 2000;
export const PLAN_YEAR_MAX = 2100;
export const PLAN_PERIOD_MAX_YEARS = 10;

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/**
 * A Chinese message when a plan file is larger than PLAN_FILE_MAX_BYTES, else null. The browser
 * calls it with `file.size` before reading the file, so an oversized file is never read whole.
 *
 * @example checkPlanFileSize(3.5 * 1024 * 1024) → '文件大小为3.5 MB，超过规划文件2 MB的上限，未读取'
 */
export function checkPlanFileSize(bytes: number): string | null {
  if (bytes <= PLAN_FILE_MAX_BYTES) return null;
  return `文件大小为${megabytes(bytes)}，超过规划文件${megabytes(PLAN_FILE_MAX_BYTES)}的上限，未读取`;
}

/** Formats a zod issue path as 指标[3].target.value — the place a user must look. */
function formatPath(path: readonly PropertyKey[]): string {
  const labels: Record<string, string> = {
    indicators: '指标',
    textTargets: '文中目标',
    services: '服务清单',
    tasks: '重点任务',
    domains: '领域',
    regions: '区域',
    units: '单位',
    standards: '标准',
    dataIssues: '数据问题',
  };
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[第${part + 1}项]`;
    else out += (out ? '.' : '') + (labels[String(part)] ?? String(part));
  }
  return out || '（文件根）';
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return `${where}：类型不对，应为 ${issue.expected}`;
    case 'unrecognized_keys':
      return `${where}：有未知字段 ${issue.keys.join('、')}`;
    case 'invalid_value':
      return `${where}：取值不对，应为 ${issue.values.map((v) => JSON.stringify(v)).join(' 或 ')}`;
    case 'too_small':
      return `${where}：不能为空`;
    case 'invalid_format':
      return `${where}：格式不对（${issue.message}）`;
    default:
      return `${where}：${issue.message}`;
  }
}

function describeScanProblem(problem: JsonScanProblem): string {
  const where = formatPath(problem.path);
  switch (problem.kind) {
    case 'duplicate-key':
      return `${where}：字段“${problem.key}”重复出现（同一对象中的字段不能重复）`;
    case 'forbidden-key':
      return `${where}：不允许的字段名“${problem.key}”`;
    case 'number-out-of-range':
      return `${where}：${problem.raw} 超出数值范围`;
    case 'not-a-json-number':
      return `${where}：${problem.raw} 不是数字（JSON 中没有 NaN 和 Infinity）`;
    case 'too-deep':
      return `${where}：嵌套超过${problem.depth - 1}层`;
  }
}

/**
 * Lengths, counts and numbers of raw data before the schema reads it: one message per place.
 * Also refuses prototype keys in data handed over as an object (a file's are found by scanJson).
 */
function checkLimits(data: unknown): string[] {
  const errors: string[] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    const key = [...path].reverse().find((p) => typeof p === 'string');
    if (typeof value === 'string') {
      const limit = SHORT_STRING_LIMITS[key ?? ''] ?? PLAN_STRING_MAX_CHARS;
      const length = [...value].length;
      if (length > limit) {
        errors.push(`${formatPath(path)}：长度为${length}个字符，超过${limit}个字符的上限`);
      }
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) errors.push(`${formatPath(path)}：${value} 超出数值范围`);
    } else if (Array.isArray(value)) {
      if (value.length > PLAN_LIST_MAX_ITEMS) {
        errors.push(`${formatPath(path)}：共${value.length}项，超过${PLAN_LIST_MAX_ITEMS}项的上限`);
        return;
      }
      value.forEach((item, index) => walk(item, [...path, index]));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (FORBIDDEN_KEYS.has(k)) errors.push(`${formatPath(path)}：不允许的字段名“${k}”`);
        else walk(v, [...path, k]);
      }
    }
  };
  walk(data, []);
  return errors;
}

/** Years a plan of this app can have: within 2000–2100, a period of at most ten years. */
function checkYears(plan: Plan): string[] {
  const errors: string[] = [];
  const years: Array<[string, number]> = [
    ['period.start', plan.period.start],
    ['period.end', plan.period.end],
    ['baseYear', plan.baseYear],
  ];
  for (const [where, year] of years) {
    if (year < PLAN_YEAR_MIN || year > PLAN_YEAR_MAX) {
      errors.push(`${where}：年份${year}不在${PLAN_YEAR_MIN}—${PLAN_YEAR_MAX}年之间`);
    }
  }
  if (errors.length) return errors;
  const length = plan.period.end - plan.period.start + 1;
  if (length > PLAN_PERIOD_MAX_YEARS) {
    errors.push(
      `period：规划期${plan.period.start}—${plan.period.end}年共${length}年，超过${PLAN_PERIOD_MAX_YEARS}年的上限`,
    );
  }
  const lead = plan.period.start - plan.baseYear;
  if (lead > PLAN_PERIOD_MAX_YEARS) {
    errors.push(
      `baseYear：基期年份${plan.baseYear}比规划起始年份${plan.period.start}早${lead}年，最多早${PLAN_PERIOD_MAX_YEARS}年`,
    );
  }
  return errors;
}

/** Checks that ids are unique and that every reference points at something that exists. */
function crossCheck(plan: Plan): string[] {
  const errors: string[] = [];
  const domainIds = new Set(plan.domains.map((d) => d.id));
  const lists = [
    ['domains', plan.domains],
    ['regions', plan.regions],
    ['indicators', plan.indicators],
    ['textTargets', plan.textTargets],
    ['services', plan.services],
    ['tasks', plan.tasks],
  ] as const;
  const seenItemIds = new Map<string, string>();
  for (const [key, items] of lists) {
    items.forEach((item, index) => {
      const where = formatPath([key, index]);
      // Indicators and text targets share one id space: observations refer to either.
      if (key === 'indicators' || key === 'textTargets') {
        const prior = seenItemIds.get(item.id);
        if (prior) errors.push(`${where}：id “${item.id}” 与 ${prior} 重复`);
        else seenItemIds.set(item.id, where);
      } else if (items.findIndex((other) => other.id === item.id) !== index) {
        errors.push(`${where}：id “${item.id}” 重复`);
      }
      if ('domain' in item && item.domain !== null && !domainIds.has(item.domain)) {
        errors.push(`${where}.domain：领域 “${item.domain}” 不在 domains 中`);
      }
    });
  }
  plan.indicators.forEach((indicator, index) => {
    const isAmbiguousTotal =
      indicator.kind === 'cumulative' &&
      indicator.target?.value !== undefined &&
      indicator.change?.value !== undefined;
    if (isAmbiguousTotal && !indicator.totalFrom) {
      errors.push(
        `${formatPath(['indicators', index])}.totalFrom：累计型指标的目标值和累计列都有数值，须注明哪一列是期末累计目标（"target" 或 "change"）`,
      );
    }
  });
  errors.push(...checkUnitsAndStandards(plan));
  if (plan.period.start > plan.period.end) errors.push('period：起始年份晚于结束年份');
  if (plan.baseYear >= plan.period.start) errors.push('baseYear：基期年份应早于规划起始年份');
  return [...errors, ...checkYears(plan)];
}

/**
 * Unit ids point at `units`; standards have unique ids, point at a service, task, text target or
 * indicator that exists, and cite the plan's own file at or after the section heading they sit in.
 */
function checkUnitsAndStandards(plan: Plan): string[] {
  const errors: string[] = [];
  const units = plan.units ?? [];
  const unitIds = new Set(units.map((u) => u.id));
  units.forEach((unit, index) => {
    if (units.findIndex((other) => other.id === unit.id) !== index) {
      errors.push(`${formatPath(['units', index])}：id “${unit.id}” 重复`);
    }
  });
  const checkUnitIds = (where: string, ids: readonly string[] | undefined) => {
    for (const id of ids ?? []) {
      if (!unitIds.has(id)) errors.push(`${where}：单位 “${id}” 不在 units 中`);
    }
  };
  plan.services.forEach((s, i) =>
    checkUnitIds(`${formatPath(['services', i])}.leadUnitIds`, s.leadUnitIds),
  );
  plan.tasks.forEach((t, i) => {
    checkUnitIds(`${formatPath(['tasks', i])}.leadUnitIds`, t.leadUnitIds);
    checkUnitIds(`${formatPath(['tasks', i])}.partnerUnitIds`, t.partnerUnitIds);
  });
  plan.indicators.forEach((x, i) =>
    checkUnitIds(`${formatPath(['indicators', i])}.responsibleUnitIds`, x.responsibleUnitIds),
  );
  plan.textTargets.forEach((x, i) =>
    checkUnitIds(`${formatPath(['textTargets', i])}.responsibleUnitIds`, x.responsibleUnitIds),
  );

  const domainIds = new Set(plan.domains.map((d) => d.id));
  const serviceIds = new Set(plan.services.map((s) => s.id));
  const taskIds = new Set(plan.tasks.map((t) => t.id));
  const targetIds = new Set(plan.textTargets.map((t) => t.id));
  const indicatorIds = new Set(plan.indicators.map((x) => x.id));
  const standards = plan.standards ?? [];
  standards.forEach((std, index) => {
    const where = formatPath(['standards', index]);
    if (standards.findIndex((other) => other.id === std.id) !== index) {
      errors.push(`${where}：id “${std.id}” 重复`);
    }
    if (indicatorIds.has(std.id) || targetIds.has(std.id)) {
      errors.push(`${where}：id “${std.id}” 与指标或文中目标重复`);
    }
    if (!domainIds.has(std.domain))
      errors.push(`${where}.domain：领域 “${std.domain}” 不在 domains 中`);
    const at = std.attachment;
    if (at.kind === 'service' && !serviceIds.has(at.id)) {
      errors.push(`${where}.attachment：服务项目 “${at.id}” 不在服务清单中`);
    }
    if (at.kind === 'task' && !taskIds.has(at.id)) {
      errors.push(`${where}.attachment：任务 “${at.id}” 不在重点任务中`);
    }
    if (at.kind === 'section' && at.line > std.source.line) {
      errors.push(
        `${where}.attachment.line：章节标题行（第${at.line}行）在所引行（第${std.source.line}行）之后`,
      );
    }
    if (std.source.file !== plan.source.file) {
      errors.push(
        `${where}.source.file：应为本规划的文件 ${plan.source.file}，而不是 ${std.source.file}`,
      );
    }
    if (std.textTargetId !== undefined && !targetIds.has(std.textTargetId)) {
      errors.push(`${where}.textTargetId：文中目标 “${std.textTargetId}” 不存在`);
    }
    if (std.indicatorId !== undefined && !indicatorIds.has(std.indicatorId)) {
      errors.push(`${where}.indicatorId：指标 “${std.indicatorId}” 不存在`);
    }
    if (std.startYear !== undefined && std.startYear > std.year) {
      errors.push(`${where}.startYear：起始年份晚于目标年份`);
    }
    if (std.isApproximate && std.target.comparator !== undefined) {
      errors.push(`${where}.target.comparator：“左右”“约”是近似值，不能同时有比较符`);
    }
  });
  return errors;
}

/**
 * Parses and validates a plan catalog from JSON text, with Chinese messages naming the place.
 * Before JSON.parse, the text is checked for its size and scanned for what JSON.parse would
 * silently accept: repeated keys, prototype keys, numbers out of range (json-scan.ts).
 */
export function parsePlanJson(text: string): PlanParseResult {
  // A text with more characters than the byte limit is over it; otherwise count its bytes.
  const bytes =
    text.length * 3 > PLAN_FILE_MAX_BYTES ? new TextEncoder().encode(text).length : text.length;
  const sizeProblem = checkPlanFileSize(bytes);
  if (sizeProblem) return { ok: false, errors: [sizeProblem] };
  const body = text.replace(/^\uFEFF/, '');
  const problems = scanJson(body);
  if (problems.length) return { ok: false, errors: problems.map(describeScanProblem) };
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    return { ok: false, errors: [describeJsonSyntaxError(body, error as Error)] };
  }
  return parsePlan(data);
}

export function parsePlan(data: unknown): PlanParseResult {
  const limitErrors = checkLimits(data);
  if (limitErrors.length) return { ok: false, errors: limitErrors };
  const result = planSchema.safeParse(data);
  if (!result.success) {
    return { ok: false, errors: result.error.issues.map(describeIssue) };
  }
  const errors = crossCheck(result.data);
  return errors.length ? { ok: false, errors } : { ok: true, plan: result.data };
}
