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
  return errors;
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
