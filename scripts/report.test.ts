import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { planFingerprint } from '../src/domain/catalog/fingerprint';
import { buildReport } from '../src/domain/report/build-report';
import { renderReportDocx } from '../src/domain/report/docx';
import { reportSheets } from '../src/domain/report/export-tables';
import { freezeReport } from '../src/domain/report/snapshot';
import { snapshotFileText } from '../src/domain/report/snapshot-file';
import { dazhou, input } from '../src/domain/report/test-input';
import { writeTablesXlsx } from '../src/domain/spreadsheet/xlsx-tables';

function runCli(...args: string[]) {
  const result = spawnSync('node_modules/.bin/tsx', ['scripts/report.ts', ...args], {
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const GOOD = 'test/fixtures/dazhou-actuals.csv';
const BASE = ['--plan', 'dazhou', '--actuals', GOOD, '--as-of', '2018'];

describe('npm run report', { timeout: 60_000 }, () => {
  it('writes the Word report for the plan area, with the evaluator’s text from files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    const problems = join(dir, 'problems.txt');
    writeFileSync(problems, '一是医疗资源总量不足。\n二是区县间差距扩大。\n');
    const out = join(dir, '达州中期评估.docx');
    const { code, stdout, stderr } = runCli(...BASE, '--out', out, '--problems', problems);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`已写入 ${out}`);
    const xml = await (
      await JSZip.loadAsync(readFileSync(out))
    )
      .file('word/document.xml')
      ?.async('string');
    expect(xml).toContain('中期评估报告');
    expect(xml).toContain('一是医疗资源总量不足。');
    // 每千人口床位数 4.6, 4.9, 5.2: (5.2 − 4.31)/(5.70 − 4.31) = 64.0% ≥ 60.0%.
    expect(xml).toContain('完成进度64.0%，不低于时间进度60.0%，符合进度要求');
    expect(xml).toContain('<w:tblHeader/>');
  });

  it('writes the tables as .xlsx for a county', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    const out = join(dir, 'tongchuan.xlsx');
    const { code } = runCli(...BASE, '--region', '通川区', '--out', out);
    expect(code).toBe(0);
    const book = new ExcelJS.Workbook();
    const file = readFileSync(out);
    await book.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength));
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '附表1 主要指标完成情况表',
      '实际值',
      '实际值明细',
    ]);
    const sheet = book.getWorksheet('附表1 主要指标完成情况表') as ExcelJS.Worksheet;
    expect(sheet.getCell('A2').value).toContain('通川区');
    let beds: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(3).value === '每千人口床位数') beds = row;
    });
    expect(beds?.getCell(9).value).toBe(6.1);
  });

  it('refuses bad input with one Chinese line per problem, exit 1, and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    const out = join(dir, 'x.docx');
    const bad = runCli(
      '--plan',
      'dazhou',
      '--actuals',
      'test/fixtures/bad-actuals.csv',
      '--as-of',
      '2018',
      '--out',
      out,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('第2行 value 列：“abc”不是数字');
    expect(bad.stderr).toContain('第4行 year 列：年份“2021”不在2015—2020年之间');
    expect(existsSync(out)).toBe(false);

    const wrongExt = runCli(...BASE, '--out', join(dir, 'x.pdf'));
    expect(wrongExt.code).toBe(1);
    expect(wrongExt.stderr).toContain('--out 应以 .docx 或 .xlsx 结尾，收到“');
    expect(runCli(...BASE).stderr).toContain('缺少必需参数 --out');
    expect(runCli(...BASE, '--out', join(dir, 'nowhere', 'x.docx')).stderr).toContain(
      '输出目录不存在',
    );
    expect(runCli(...BASE, '--out', out, '--problems', join(dir, 'none.txt')).stderr).toContain(
      '找不到文件',
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('renders a snapshot file exactly as the report was frozen, and refuses a tampered one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-snapshot-'));
    const live = { ...input(), narrative: { problems: '县级医院床位不足。', suggestions: '' } };
    const snapshot = freezeReport(live, {
      id: 'cli-1',
      createdAt: '2019-03-02T08:00:00.000Z',
      createdBy: '王评估',
      planFingerprint: await planFingerprint(dazhou),
      narrativeVersion: 1,
    });
    const file = join(dir, '快照.json');
    writeFileSync(file, snapshotFileText(snapshot));
    const docx = join(dir, '快照.docx');
    const result = runCli('--snapshot', file, '--out', docx);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('评估快照：');
    const xml = async (bytes: ArrayBuffer | Uint8Array, name: string) =>
      (await JSZip.loadAsync(bytes)).file(name)?.async('string');
    // What the 报告 page downloaded when the report was frozen.
    const report = buildReport(live);
    expect(await xml(readFileSync(docx), 'word/document.xml')).toBe(
      await xml(await renderReportDocx(report), 'word/document.xml'),
    );
    const xlsx = join(dir, '快照.xlsx');
    expect(runCli('--snapshot', file, '--out', xlsx).code).toBe(0);
    const liveXlsx = await writeTablesXlsx(reportSheets(report, live));
    for (const sheet of [
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet3.xml',
      'xl/sharedStrings.xml',
    ]) {
      expect(await xml(readFileSync(xlsx), sheet), sheet).toBe(await xml(liveXlsx, sheet));
    }

    const tampered = join(dir, '改过.json');
    writeFileSync(
      tampered,
      snapshotFileText(snapshot)
        .replace('县级医院床位不足。', '一切顺利。')
        .replace(/"name": "每千人口床位数"/, '"name": "床位"'),
    );
    const refused = runCli('--snapshot', tampered, '--out', join(dir, 'x.docx'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('快照中的规划与其记录的指纹不符（文件已被改动），未读取');
    expect(existsSync(join(dir, 'x.docx'))).toBe(false);
    const mixed = runCli('--snapshot', file, '--plan', 'dazhou', '--out', join(dir, 'y.docx'));
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toContain('--snapshot 不能与 --plan 同用');
  });
});
