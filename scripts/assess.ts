// Assessment from the command line — the same engine as the app (src/domain/assessment).
// npm run assess -- --plan <id|file.json> --actuals <file.csv> --as-of <year>
//                   [--region <name|id>] [--allow-region <name>]… [--mode midterm|final]
//                   [--format table|json|csv]
// The CSV passes the same value rules as the entry grid (src/domain/observations/value-rules.ts):
// a file with any problem is refused whole, one line per problem, and nothing is computed.
import { parseArgs } from 'node:util';
import { assessPlan, catalogRegionRole, indexValues } from '../src/domain/assessment/index';
import {
  fitWidth,
  formatNumber,
  formatPercent,
  modeLabel,
  toAssessmentRecord,
  type AssessmentRecord,
} from '../src/domain/wording/index';
import { toCsvCell } from '../src/domain/csv/parse-csv';
import { fail, readCliInput } from './cli-input';

const USAGE =
  '用法：npm run assess -- --plan <规划id或JSON文件> --actuals <实际值.csv> --as-of <年份> [--region <区域>] [--allow-region <规划之外的区域名>]… [--mode midterm|final] [--format table|json|csv]';

function main(): void {
  let args;
  try {
    args = parseArgs({
      options: {
        plan: { type: 'string' },
        actuals: { type: 'string' },
        'as-of': { type: 'string' },
        region: { type: 'string' },
        'allow-region': { type: 'string', multiple: true },
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
  const format = args.format;
  if (format !== 'table' && format !== 'json' && format !== 'csv')
    fail([`--format 应为 table、json 或 csv，收到“${format}”`]);
  const { plan, asOfYear, mode, rows, regionId: region } = readCliInput(args, USAGE);

  const results = assessPlan(
    plan,
    indexValues(rows),
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
