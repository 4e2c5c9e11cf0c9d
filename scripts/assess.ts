// Assessment from the command line — the same engine as the app (src/domain/assessment).
// npm run assess -- --plan <id|file.json> --actuals <file.csv> --as-of <year>
//                   [--region <name|id>] [--mode midterm|final] [--format table|json|csv]
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  assessPlan,
  catalogRegionRole,
  indexValues,
  parseActualsCsv,
  planModeFor,
} from '../src/domain/assessment/index';
import {
  fitWidth,
  formatNumber,
  formatPercent,
  modeLabel,
  toAssessmentRecord,
  type AssessmentRecord,
} from '../src/domain/wording/index';
import { toCsvCell } from '../src/domain/csv/parse-csv';
import { parsePlanJson } from '../src/domain/catalog/validate';

const USAGE =
  '用法：npm run assess -- --plan <规划id或JSON文件> --actuals <实际值.csv> --as-of <年份> [--region <区域>] [--mode midterm|final] [--format table|json|csv]';

function fail(lines: string[]): never {
  for (const line of lines) process.stderr.write(`${line}\n`);
  process.exit(1);
}

function main(): void {
  let args;
  try {
    args = parseArgs({
      options: {
        plan: { type: 'string' },
        actuals: { type: 'string' },
        'as-of': { type: 'string' },
        region: { type: 'string' },
        mode: { type: 'string' },
        format: { type: 'string', default: 'table' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (error) {
    fail([`参数错误：${(error as Error).message}`, USAGE]);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!args.plan || !args.actuals || !args['as-of'])
    fail(['缺少必需参数 --plan、--actuals 或 --as-of', USAGE]);

  const planPath = args.plan.endsWith('.json') ? args.plan : `data/plans/${args.plan}.json`;
  if (!existsSync(planPath)) fail([`找不到规划“${args.plan}”（${planPath}）`]);
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
  const format = args.format;
  if (format !== 'table' && format !== 'json' && format !== 'csv')
    fail([`--format 应为 table、json 或 csv，收到“${format}”`]);

  if (!existsSync(args.actuals)) fail([`找不到实际值文件 ${args.actuals}`]);
  const actuals = parseActualsCsv(plan, readFileSync(args.actuals, 'utf8'));
  if (!actuals.ok)
    fail([`${args.actuals}：${actuals.errors.length} 处问题，未进行评估：`, ...actuals.errors]);

  const regionArg = args.region;
  const region = regionArg
    ? (plan.regions.find((r) => r.id === regionArg || r.name === regionArg)?.id ?? regionArg)
    : (plan.regions[0]?.id ?? plan.id);
  if (!actuals.rows.some((r) => r.regionId === region)) {
    process.stderr.write(
      `提示：实际值文件中没有区域“${regionArg ?? region}”的数据，全部指标将为“无数据”。\n`,
    );
  }

  const results = assessPlan(
    plan,
    indexValues(actuals.rows),
    { regionId: region, role: catalogRegionRole(plan, region) },
    asOfYear,
  );
  const records = results.map((result) => toAssessmentRecord(plan, result));
  if (format === 'json') {
    process.stdout.write(
      `${JSON.stringify({ plan: plan.id, region, asOfYear, mode, results: records }, null, 2)}\n`,
    );
  } else if (format === 'csv') {
    const columns: Array<Exclude<keyof AssessmentRecord, 'notes' | 'reasons'>> = [
      'id',
      'name',
      'status',
      'statusLabel',
      'isProvisional',
      'target',
      'progress',
      'timeProgress',
      'latestYear',
      'latestValue',
      'cumulativeValue',
      'gap',
      'requiredAnnualChange',
      'averageAnnualChange',
      'projectedValue',
      'explanation',
    ];
    const lines = [
      columns.join(','),
      ...records.map((r) =>
        columns
          .map((c) => {
            const value = r[c];
            return toCsvCell(typeof value === 'boolean' ? (value ? '是' : '') : value);
          })
          .join(','),
      ),
    ];
    process.stdout.write(`\uFEFF${lines.join('\r\n')}\r\n`);
  } else {
    const regionName = plan.regions.find((r) => r.id === region)?.name ?? region;
    printTable(records, `${plan.name}｜区域：${regionName}｜截至${asOfYear}年｜${modeLabel(mode)}`);
  }
}

function printTable(records: AssessmentRecord[], title: string): void {
  const num = (v: number | null) => (v === null ? '—' : formatNumber(v));
  const columns: Array<[string, number, 'left' | 'right', (r: AssessmentRecord) => string]> = [
    ['指标', 34, 'left', (r) => r.name],
    ['状态', 12, 'left', (r) => r.statusLabel],
    ['完成进度', 9, 'right', (r) => (r.progress === null ? '—' : formatPercent(r.progress))],
    ['时间进度', 9, 'right', (r) => formatPercent(r.timeProgress)],
    ['最新年份', 8, 'right', (r) => (r.latestYear === null ? '—' : String(r.latestYear))],
    ['最新值', 10, 'right', (r) => num(r.cumulativeValue ?? r.latestValue)],
    ['差距', 9, 'right', (r) => num(r.gap)],
    ['需年均变化', 11, 'right', (r) => num(r.requiredAnnualChange)],
    ['已年均变化', 11, 'right', (r) => num(r.averageAnnualChange)],
    ['期末预计', 9, 'right', (r) => num(r.projectedValue)],
  ];
  const out: string[] = [title, ''];
  out.push(columns.map(([label, width, align]) => fitWidth(label, width, align)).join('  '));
  out.push(columns.map(([, width]) => '-'.repeat(width)).join('  '));
  for (const r of records)
    out.push(columns.map(([, width, align, get]) => fitWidth(get(r), width, align)).join('  '));
  out.push('', '说明：');
  for (const r of records) out.push(`- ${r.name}：${r.explanation}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
