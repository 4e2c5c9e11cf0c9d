// The assessment report from the command line — the same model and renderers as the 报告 page.
// npm run report -- --plan <id|file.json> --actuals <file.csv> --as-of <year> [--region <name|id>]
//                   --out <file.docx|file.xlsx> [--problems <file.txt>] [--suggestions <file.txt>]
// npm run report -- --snapshot <快照.json> --out <file.docx|file.xlsx>   (a frozen report, as frozen)
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
import { snapshotSheets } from '../src/domain/report/snapshot';
import { readSnapshotFile } from '../src/domain/report/snapshot-file';
import { writeTablesXlsx } from '../src/domain/spreadsheet/xlsx-tables';
import { fail, readCliInput } from './cli-input';

const USAGE = [
  '用法：npm run report -- --plan <规划id或JSON文件> --actuals <实际值.csv> --as-of <年份> [--region <区域>] [--allow-region <规划之外的区域名>]… --out <报告.docx|表格.xlsx> [--problems <存在的问题.txt>] [--suggestions <下一步建议.txt>]',
  '　或：npm run report -- --snapshot <评估快照.json> --out <报告.docx|表格.xlsx>',
].join('\n');

/** Written beside the target and renamed, so that a failure never leaves half a file. */
function writeWhole(out: string, bytes: ArrayBuffer | Uint8Array) {
  const temporary = `${out}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
    renameSync(temporary, out);
  } catch (error) {
    rmSync(temporary, { force: true });
    fail([`无法写入 ${out}：${(error as Error).message}`]);
  }
}

/**
 * A frozen report (报告 → 快照 → 下载快照文件) rendered as it was frozen: the Word file from its
 * stored report model, the Excel file from its appendices and stored values. Nothing is
 * recomputed, so the output is the same as the 报告 page's download of that snapshot.
 */
async function renderSnapshot(file: string, out: string, kind: string) {
  if (!existsSync(file)) fail([`找不到文件 ${file}（--snapshot）`]);
  const read = await readSnapshotFile(new Uint8Array(readFileSync(file)));
  if (!read.ok) fail(read.errors);
  const { snapshot } = read;
  writeWhole(
    out,
    kind === '.docx'
      ? await renderReportDocx(snapshot.report)
      : await writeTablesXlsx(snapshotSheets(snapshot)),
  );
  process.stdout.write(
    `已写入 ${out}（评估快照：${snapshot.title}，${snapshot.regionName}，截至${snapshot.asOfYear}年，${snapshot.createdBy}冻结于${snapshot.createdAt}）\n`,
  );
}

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
        snapshot: { type: 'string' },
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
  if (args.snapshot !== undefined) {
    const others = (
      [
        'plan',
        'actuals',
        'as-of',
        'region',
        'allow-region',
        'mode',
        'problems',
        'suggestions',
      ] as const
    ).filter((name) => args[name] !== undefined);
    if (others.length > 0) {
      fail([
        `--snapshot 不能与 ${others.map((o) => `--${o}`).join('、')} 同用：快照已包含数据和文字`,
        USAGE,
      ]);
    }
    await renderSnapshot(args.snapshot, out, kind);
    return;
  }
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
  writeWhole(out, bytes);
  process.stdout.write(
    `已写入 ${out}（${report.title}，${report.meta.regionName}，截至${asOfYear}年）\n`,
  );
}

main().catch((error: unknown) => fail([`生成报告失败：${(error as Error).message}`]));
