import type { z } from 'zod';
import { planSchema, type Plan } from './schema';

export type PlanParseResult = { ok: true; plan: Plan } | { ok: false; errors: string[] };

/** Formats a zod issue path as 指标[3].target.value — the place a user must look. */
function formatPath(path: readonly PropertyKey[]): string {
  const labels: Record<string, string> = {
    indicators: '指标',
    textTargets: '文中目标',
    services: '服务清单',
    tasks: '重点任务',
    domains: '领域',
    regions: '区域',
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
  if (plan.period.start > plan.period.end) errors.push('period：起始年份晚于结束年份');
  if (plan.baseYear >= plan.period.start) errors.push('baseYear：基期年份应早于规划起始年份');
  return errors;
}

/** Parses and validates a plan catalog from JSON text, with Chinese messages naming the place. */
export function parsePlanJson(text: string): PlanParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`文件不是有效的 JSON：${(error as Error).message}`] };
  }
  return parsePlan(data);
}

export function parsePlan(data: unknown): PlanParseResult {
  const result = planSchema.safeParse(data);
  if (!result.success) {
    return { ok: false, errors: result.error.issues.map(describeIssue) };
  }
  const errors = crossCheck(result.data);
  return errors.length ? { ok: false, errors } : { ok: true, plan: result.data };
}
