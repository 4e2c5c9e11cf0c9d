// What `npm run assess` and `npm run report` read from their arguments, checked the same way:
// the plan (built-in id or a JSON file), the actuals CSV, the as-of year (the mode follows it),
// the region. Every problem is one Chinese line on stderr and exit code 1.
// The CSV is decoded like a browser import (UTF-8 or GBK; src/domain/import/decode-text.ts) and
// every value passes the entry grid's value rules (src/domain/import/actuals-csv.ts).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { planAreaRegionId, planModeFor, type AssessmentMode } from '../src/domain/assessment/index';
import type { Plan } from '../src/domain/catalog/schema';
import { checkPlanFileSize, parsePlanJson } from '../src/domain/catalog/validate';
import { parseActualsCsv, type ActualRow } from '../src/domain/import/actuals-csv';
import { decodeText } from '../src/domain/import/decode-text';

/** The longest region name, as in the app's 区域管理 (src/db/regions.ts). */
const REGION_NAME_MAX = 40;
const DECLARE_HINT = '规划之外新增的区域请用 --allow-region 声明';

export function fail(lines: string[]): never {
  for (const line of lines) process.stderr.write(`${line}\n`);
  process.exit(1);
}

export interface CliInput {
  plan: Plan;
  asOfYear: number;
  mode: AssessmentMode;
  rows: ActualRow[];
  regionId: string;
}

export function readCliInput(
  args: {
    plan?: string | undefined;
    actuals?: string | undefined;
    'as-of'?: string | undefined;
    region?: string | undefined;
    'allow-region'?: string[] | undefined;
    mode?: string | undefined;
  },
  usage: string,
): CliInput {
  if (!args.plan || !args.actuals || !args['as-of'])
    fail(['缺少必需参数 --plan、--actuals 或 --as-of', usage]);

  const planPath = args.plan.endsWith('.json') ? args.plan : `data/plans/${args.plan}.json`;
  if (!existsSync(planPath)) fail([`找不到规划“${args.plan}”（${planPath}）`]);
  const sizeProblem = checkPlanFileSize(statSync(planPath).size);
  if (sizeProblem) fail([`规划文件 ${planPath}：${sizeProblem}`]);
  const planResult = parsePlanJson(readFileSync(planPath, 'utf8'));
  if (!planResult.ok) fail([`规划文件 ${planPath} 无效：`, ...planResult.errors]);
  const plan = planResult.plan;

  const asOfYear = Number(args['as-of']);
  if (!Number.isInteger(asOfYear) || asOfYear < plan.period.start || asOfYear > plan.period.end) {
    fail([
      `--as-of 应为 ${plan.period.start}—${plan.period.end} 之间的年份，收到“${args['as-of']}”`,
    ]);
  }
  // The mode follows the year (终期评估 in the plan's end year): --mode may only confirm it.
  const mode = planModeFor(plan, asOfYear);
  if (args.mode !== undefined && args.mode !== 'midterm' && args.mode !== 'final') {
    fail([`--mode 应为 midterm 或 final，收到“${args.mode}”`]);
  }
  if (args.mode !== undefined && args.mode !== mode) {
    fail([
      mode === 'final'
        ? `截至 ${asOfYear} 年（规划末年）为终期评估，不能用 --mode midterm`
        : `终期评估（--mode final）只适用于规划末年 ${plan.period.end} 年；截至 ${asOfYear} 年为中期评估`,
    ]);
  }

  // Regions outside the catalog (a district set up after the plan) must be declared by name;
  // anything else in the region column is a typo or worse, and is refused.
  const extraRegions = (args['allow-region'] ?? []).map((name) => name.trim());
  for (const name of extraRegions) {
    if (!name || [...name].length > REGION_NAME_MAX || /\p{Cc}/u.test(name)) {
      fail([`--allow-region：区域名称应为1—${REGION_NAME_MAX}个字符且不含控制字符，收到“${name}”`]);
    }
  }
  const knownRegions = [...plan.regions.map((r) => r.name), ...extraRegions];

  if (!existsSync(args.actuals)) fail([`找不到实际值文件 ${args.actuals}`]);
  const decoded = decodeText(new Uint8Array(readFileSync(args.actuals)));
  if (!decoded.ok) fail([`${args.actuals}：${decoded.error}`]);
  const actuals = parseActualsCsv(plan, decoded.text, {
    extraRegions,
    unknownRegionHint: DECLARE_HINT,
  });
  if (!actuals.ok)
    fail([`${args.actuals}：${actuals.errors.length} 处问题，未进行评估：`, ...actuals.errors]);

  const regionArg = args.region;
  const regionId = regionArg
    ? (plan.regions.find((r) => r.id === regionArg || r.name === regionArg)?.id ??
      extraRegions.find((name) => name === regionArg))
    : planAreaRegionId(plan);
  if (regionId === undefined) {
    fail([
      `--region：本规划没有区域“${regionArg}”（已知区域：${knownRegions.join('、')}；${DECLARE_HINT}）`,
    ]);
  }
  if (!actuals.rows.some((r) => r.regionId === regionId)) {
    process.stderr.write(
      `提示：实际值文件中没有区域“${regionArg ?? regionId}”的数据，全部指标将为“无数据”。\n`,
    );
  }
  return { plan, asOfYear, mode, rows: actuals.rows, regionId };
}
