// The assessment report from the command line — the same model and renderers as the 报告 page.
// npm run report -- --plan <id|file.json> --actuals <file.csv> --as-of <year> [--region <name|id>]
//                   --out <file.docx|file.xlsx> [--problems <file.txt>] [--suggestions <file.txt>]
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { parseArgs } from 'node:util';
import {
  applyJudgements,
  assessPlan,
  catalogRegionRole,
  indexValues,
} from '../src/domain/assessment/index';
import { buildReport } from '../src/domain/report/build-report';
import { renderReportDocx } from '../src/domain/report/docx';
import { reportSheets } from '../src/domain/report/export-tables';
import type { ReportInput, ReportRegion } from '../src/domain/report/model';
import { writeTablesXlsx } from '../src/domain/spreadsheet/xlsx-tables';
import { fail, readCliInput } from './cli-input';

const USAGE =
  '用法：npm run report -- --plan <规划id或JSON文件> --actuals <实际值.csv> --as-of <年份> [--region <区域>] [--allow-region <规划之外的区域名>]… --out <报告.docx|表格.xlsx> [--problems <存在的问题.txt>] [--suggestions <下一步建议.txt>]';

async function main(): Promise<void> {
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
        out: { type: 'string' },
        problems: { type: 'string' },
        suggestions: { type: 'string' },
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
  // Everything is checked before anything is computed or written.
  const out = args.out;
  if (!out) fail(['缺少必需参数 --out', USAGE]);
  const kind = extname(out).toLowerCase();
  if (kind !== '.docx' && kind !== '.xlsx') fail([`--out 应以 .docx 或 .xlsx 结尾，收到“${out}”`]);
  if (!existsSync(dirname(out) || '.')) fail([`输出目录不存在：${dirname(out)}`]);
  const narrative: { problems?: string; suggestions?: string } = {};
  for (const name of ['problems', 'suggestions'] as const) {
    const file = args[name];
    if (file === undefined) continue;
    if (!existsSync(file)) fail([`找不到文件 ${file}（--${name}）`]);
    narrative[name] = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  }
  const { plan, asOfYear, rows, regionId } = readCliInput(args, USAGE);

  // The CLI has no database: regions are the plan's, plus any the CSV names that it does not.
  const regions: ReportRegion[] = plan.regions.map((r) => ({
    regionId: r.id,
    name: r.name,
    role: catalogRegionRole(plan, r.id),
  }));
  for (const id of new Set(rows.map((r) => r.regionId))) {
    if (!regions.some((r) => r.regionId === id))
      regions.push({ regionId: id, name: id, role: 'subregion' });
  }
  const role = catalogRegionRole(plan, regionId);
  const results = applyJudgements(
    assessPlan(plan, indexValues(rows), { regionId, role }, asOfYear),
    [],
    asOfYear,
  );
  const input: ReportInput = {
    plan,
    regions,
    regionId,
    asOfYear,
    results,
    observations: rows.map((r) => ({
      itemId: r.itemId,
      regionId: r.regionId,
      year: r.year,
      value: r.value,
      note: r.note,
    })),
    narrative,
  };
  const report = buildReport(input);
  const bytes =
    kind === '.docx'
      ? await renderReportDocx(report)
      : await writeTablesXlsx(reportSheets(report, input));
  // Written beside the target and renamed, so that a failure never leaves half a file.
  const temporary = `${out}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, new Uint8Array(bytes));
    renameSync(temporary, out);
  } catch (error) {
    rmSync(temporary, { force: true });
    fail([`无法写入 ${out}：${(error as Error).message}`]);
  }
  process.stdout.write(
    `已写入 ${out}（${report.title}，${report.meta.regionName}，截至${asOfYear}年）\n`,
  );
}

main().catch((error: unknown) => fail([`生成报告失败：${(error as Error).message}`]));
