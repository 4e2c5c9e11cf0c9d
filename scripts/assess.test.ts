import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every expected figure below is worked out by hand from docs/methodology.md (§2, §3.2, §4, §5
// and its worked examples), not by the engine. Explanation sentences are left to the engine's
// own tests: here the status codes and the numbers are checked.

function runCli(...args: string[]) {
  const result = spawnSync('node_modules/.bin/tsx', ['scripts/assess.ts', ...args], {
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const EXAMPLES = 'test/fixtures/methodology-examples.csv';

function tempFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'assess-')), name);
  writeFileSync(file, text);
  return file;
}
const FINAL = 'test/fixtures/methodology-final.csv';
const BEDS = 'health.hospital-beds-per-1000';
const JOBS = 'employment.new-urban-jobs';
const SEX_RATIO = 'health.sex-ratio-at-birth';

interface JsonOutput {
  plan: string;
  region: string;
  asOfYear: number;
  mode: string;
  results: Array<Record<string, unknown> & { id: string; status: string }>;
}

function assessJson(...args: string[]): JsonOutput {
  const { code, stdout, stderr } = runCli(...args, '--format', 'json');
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as JsonOutput;
}
const item = (output: JsonOutput, id: string) => {
  const found = output.results.find((r) => r.id === id);
  if (!found) throw new Error(`no result for ${id}`);
  return found;
};

// Spawning tsx takes a few seconds on a busy machine.
describe('npm run assess', { timeout: 60_000 }, () => {
  it('assesses 达州 as of 2018 as the methodology’s worked examples say', () => {
    const output = assessJson('--plan', 'dazhou', '--actuals', EXAMPLES, '--as-of', '2018');
    expect(output).toMatchObject({ plan: 'dazhou', region: 'dazhou', asOfYear: 2018 });
    expect(output.mode).toBe('midterm');

    // 每千人口床位数 4.31 → 5.70; 4.4, 4.6, 4.8: τ = 3/5; P = 0.49/1.39 = 35.3% < 60% → 进度滞后;
    // gap 5.7 − 4.8 = 0.9; required 0.9/2 = 0.45 a year; average 0.49/3 so far; least squares
    // through (2015, 4.31) … (2018, 4.8): slope 0.835/5 = 0.167, 2020 value 4.5275 + 0.167 × 3.5.
    const beds = item(output, BEDS);
    expect(beds).toMatchObject({
      status: 'lagging',
      timeProgress: 0.6,
      latestYear: 2018,
      latestValue: 4.8,
    });
    expect(beds.progress).toBeCloseTo(0.49 / 1.39, 6);
    expect(beds.gap).toBeCloseTo(0.9, 6);
    expect(beds.requiredAnnualChange).toBeCloseTo(0.45, 6);
    expect(beds.averageAnnualChange).toBeCloseTo(0.49 / 3, 6);
    expect(beds.projectedValue).toBeCloseTo(5.112, 6);

    // 新增城镇就业人数, 17 万人 over 2016–2020; 3.5, 3.6, 3.4: S = 10.5, P = 10.5/17 = 61.8% ≥ 60%
    // → 符合进度; still needed (17 − 10.5)/2 = 3.25 a year; average 10.5/3 = 3.5; projected
    // 10.5 + 3.5 × 2 = 17.5.
    const jobs = item(output, JOBS);
    expect(jobs).toMatchObject({ status: 'on_track', latestYear: 2018, latestValue: 3.4 });
    expect(jobs.cumulativeValue).toBeCloseTo(10.5, 6);
    expect(jobs.progress).toBeCloseTo(10.5 / 17, 6);
    expect(jobs.gap).toBeCloseTo(6.5, 6);
    expect(jobs.requiredAnnualChange).toBeCloseTo(3.25, 6);
    expect(jobs.averageAnnualChange).toBeCloseTo(3.5, 6);
    expect(jobs.projectedValue).toBeCloseTo(17.5, 6);

    // 出生人口性别比 109.68 → 107 (lower is better); 108.5 in 2018: P = −1.18/−2.68 = 44.0%
    // → 进度滞后; gap 1.5; required (107 − 108.5)/2 = −0.75 a year; average −1.18/3.
    const sexRatio = item(output, SEX_RATIO);
    expect(sexRatio).toMatchObject({ status: 'lagging', latestValue: 108.5 });
    expect(sexRatio.progress).toBeCloseTo(1.18 / 2.68, 6);
    expect(sexRatio.gap).toBeCloseTo(1.5, 6);
    expect(sexRatio.requiredAnnualChange).toBeCloseTo(-0.75, 6);
    expect(sexRatio.averageAnnualChange).toBeCloseTo(-1.18 / 3, 6);

    // Items without any value are 无数据: the file holds 3 of 达州's 44 items.
    const withoutData = output.results.filter((r) => ![BEDS, JOBS, SEX_RATIO].includes(r.id));
    expect(output.results).toHaveLength(26 + 18);
    expect(withoutData.filter((r) => r.status !== 'no_data' && r.status !== 'manual')).toEqual([]);
  });

  it('judges a county on its own figures: the printed level target, never the city’s total', () => {
    // 通川区 has no 2015 value: 6.1 ≥ 5.70 meets the target as printed → 已实现, nothing left.
    // A five-year total is the whole city's: the county's 0.9 is shown but not assessed (§1).
    const output = assessJson(
      '--plan',
      'dazhou',
      '--actuals',
      EXAMPLES,
      '--as-of',
      '2018',
      '--region',
      '通川区',
    );
    expect(output.region).toBe('tongchuan');
    expect(item(output, BEDS)).toMatchObject({ status: 'achieved', latestValue: 6.1, gap: 0 });
    expect(item(output, JOBS)).toMatchObject({ status: 'not_assessable', cumulativeValue: 0.9 });
  });

  it('gives the final assessment in 2020: met or not met', () => {
    // 每千人口床位数 5.8 ≥ 5.70 → 已实现, P = 1.49/1.39; 新增城镇就业人数 3.5 + 3.6 + 3.4 + 3.3 + 3.0
    // = 16.8 < 17 → 未实现, P = 16.8/17, 0.2 short.
    const output = assessJson('--plan', 'dazhou', '--actuals', FINAL, '--as-of', '2020');
    expect(output.mode).toBe('final');
    const beds = item(output, BEDS);
    expect(beds).toMatchObject({ status: 'achieved', timeProgress: 1, latestValue: 5.8, gap: 0 });
    expect(beds.progress).toBeCloseTo(1.49 / 1.39, 6);
    const jobs = item(output, JOBS);
    expect(jobs.status).toBe('not_achieved');
    expect(jobs.cumulativeValue).toBeCloseTo(16.8, 6);
    expect(jobs.progress).toBeCloseTo(16.8 / 17, 6);
    expect(jobs.gap).toBeCloseTo(0.2, 6);
  });

  it('writes CSV with a BOM, a header and one row per item, figures as computed by hand', () => {
    const { code, stdout } = runCli(
      '--plan',
      'dazhou',
      '--actuals',
      EXAMPLES,
      '--as-of',
      '2018',
      '--format',
      'csv',
    );
    expect(code).toBe(0);
    expect(stdout.startsWith('\uFEFF')).toBe(true);
    const lines = stdout.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(1 + 26 + 18);
    const header = (lines[0] ?? '').split(',');
    const cell = (line: string | undefined, column: string) =>
      (line ?? '').split(',')[header.indexOf(column)];
    const beds = lines.find((l) => l.startsWith(`${BEDS},`));
    // P = 0.49/1.39 to 6 decimals, τ = 3/5, latest 4.8 in 2018, gap 0.9, 0.45 a year needed,
    // 0.49/3 so far, 4.5275 + 0.167 × 3.5 in 2020; no running total for a level indicator.
    expect(
      Object.fromEntries(
        [
          'name',
          'status',
          'statusLabel',
          'progress',
          'timeProgress',
          'latestYear',
          'latestValue',
          'cumulativeValue',
          'gap',
          'requiredAnnualChange',
          'averageAnnualChange',
          'projectedValue',
        ].map((column) => [column, cell(beds, column)]),
      ),
    ).toEqual({
      name: '每千人口床位数',
      status: 'lagging',
      statusLabel: '进度滞后',
      progress: '0.352518',
      timeProgress: '0.6',
      latestYear: '2018',
      latestValue: '4.8',
      cumulativeValue: '',
      gap: '0.9',
      requiredAnnualChange: '0.45',
      averageAnnualChange: '0.163333',
      projectedValue: '5.112',
    });
  });

  it('prints a table with the completion and time progress as percentages', () => {
    const { code, stdout } = runCli('--plan', 'dazhou', '--actuals', EXAMPLES, '--as-of', '2018');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(
      '达州市“十三五”基本公共服务均等化规划｜区域：达州市｜截至2018年｜中期评估',
    );
    const beds = stdout.split('\n').find((l) => l.startsWith('每千人口床位数')) ?? '';
    // 35.3% against 60.0%, latest 4.8, gap 0.9, 0.45 needed a year, 0.16 so far, about 5.11.
    expect(beds.split(/\s+/).filter(Boolean)).toEqual([
      '每千人口床位数',
      '进度滞后',
      '35.3%',
      '60.0%',
      '2018',
      '4.8',
      '0.9',
      '0.45',
      '0.16',
      '5.11',
    ]);
  });

  it('reads a plan file given by path, with the other plan’s file refused line by line', () => {
    // The 达州 file names 达州 indicators: for 周村 every line is a problem and nothing is printed.
    const refused = runCli('--plan', 'zhoucun', '--actuals', EXAMPLES, '--as-of', '2019');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    // Each of the 9 rows is refused (its indicator, and its region, are not 周村's).
    const refusedRows = refused.stderr.split('\n').map((l) => /^第(\d+)行/.exec(l)?.[1]);
    expect(new Set(refusedRows.filter(Boolean)).size).toBe(9);

    const dir = mkdtempSync(join(tmpdir(), 'assess-'));
    const file = join(dir, 'zhoucun.csv');
    // 周村 婴儿死亡率 2.06‰ → <2‰ (lower is better): 1.9 in 2019 meets it → 已实现.
    writeFileSync(file, 'indicator,year,value\n婴儿死亡率,2019,1.9\n');
    const ok = assessJson(
      '--plan',
      'data/plans/zhoucun.json',
      '--actuals',
      file,
      '--as-of',
      '2019',
    );
    expect(ok.plan).toBe('zhoucun');
    expect(ok.results).toHaveLength(28 + 19);
    const infant = ok.results.find((r) => r.name === '婴儿死亡率');
    expect(infant).toMatchObject({ status: 'achieved', latestValue: 1.9, gap: 0 });
  });

  it('writes a name that starts with = as text, never as a formula Excel would run', () => {
    // A plan file loaded by a user can name an item anything; CSV injection (OWASP).
    const dir = mkdtempSync(join(tmpdir(), 'assess-'));
    const plan = JSON.parse(readFileSync('data/plans/zhoucun.json', 'utf8'));
    plan.id = 'hostile';
    plan.indicators[0].name = '=HYPERLINK("http://example.invalid","点我")';
    const planFile = join(dir, 'hostile.json');
    writeFileSync(planFile, JSON.stringify(plan));
    const csv = join(dir, 'a.csv');
    writeFileSync(csv, 'indicator,year,value\n婴儿死亡率,2019,1.9\n');
    const out = runCli('--plan', planFile, '--actuals', csv, '--as-of', '2019', '--format', 'csv');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`"'=HYPERLINK(""http://example.invalid"",""点我"")"`);
    expect(out.stdout).not.toMatch(/,"?=HYPERLINK/);
  });

  it('refuses a bad file with one line per problem naming the CSV line, and computes nothing', () => {
    const { code, stdout, stderr } = runCli(
      '--plan',
      'dazhou',
      '--actuals',
      'test/fixtures/bad-actuals.csv',
      '--as-of',
      '2018',
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('第2行 value 列：“abc”不是数字');
    expect(stderr).toContain('第3行 indicator 列：本规划没有指标“不存在的指标”');
    expect(stderr).toContain('第4行 year 列：年份“2021”不在2015—2020年之间');
    expect(stderr).toContain('第6行：与第5行重复');
  });

  it('refuses what the grid refuses: impossible values, wrong signs, unknown regions, huge numbers', () => {
    // Regression: every one of these rows was assessed, exit 0 ("实际值Infinity万人次", "-5岁").
    const file = tempFile(
      'bad-values.csv',
      [
        'indicator,region,year,value',
        '人均预期寿命,达州市,2017,-5',
        '基本养老保险参保率,达州市,2017,150',
        '每千人口床位数,达州市,2017,96%',
        '每千人口床位数,达州市x,2017,5',
        '每千人口床位数,<script>,2017,5',
        `公共图书馆年流通人次,达州市,2017,1${'0'.repeat(308)}`,
        '每千人口床位数,达州市,2018,1e5',
        '每千人口床位数,达州市,2019, 1 2 3 ',
        '',
      ].join('\n'),
    );
    const { code, stdout, stderr } = runCli(
      '--plan',
      'dazhou',
      '--actuals',
      file,
      '--as-of',
      '2018',
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines[0]).toBe(`${file}：8 处问题，未进行评估：`);
    const known = '已知区域：达州市、通川区、达川区、宣汉县、开江县、大竹县、渠县';
    expect(lines.slice(1, 7)).toEqual([
      '第2行 value 列：年龄应在0—150之间（“-5”）',
      '第3行 value 列：百分比应在0—100之间（“150”）',
      '第4行 value 列：本指标的单位是“张”，不能填写百分数（“96%”）',
      `第5行 region 列：本规划没有区域“达州市x”（${known}；规划之外新增的区域请用 --allow-region 声明）`,
      `第6行 region 列：本规划没有区域“<script>”（${known}；规划之外新增的区域请用 --allow-region 声明）`,
      `第7行 value 列：“1${'0'.repeat(39)}…”超出数值范围（不能超过1万亿）`,
    ]);
    expect(lines[7]).toBe('第8行 value 列：“1e5”是科学计数法，请写成普通数字');
    expect(lines[8]).toBe('第9行 value 列：“1 2 3”中间有空格，请核对');
  });

  it('accepts a region outside the plan only when it is declared with --allow-region', () => {
    const file = tempFile(
      'new-region.csv',
      'indicator,region,year,value\n每千人口床位数,高新区,2018,5.5\n',
    );
    const refused = runCli('--plan', 'dazhou', '--actuals', file, '--as-of', '2018');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('第2行 region 列：本规划没有区域“高新区”');
    const declared = runCli(
      ...['--plan', 'dazhou', '--actuals', file, '--as-of', '2018', '--allow-region', '高新区'],
      ...['--region', '高新区', '--format', 'json'],
    );
    expect(declared.code).toBe(0);
    const beds = JSON.parse(declared.stdout).results.find(
      (r: { id: string }) => r.id === 'health.hospital-beds-per-1000',
    );
    expect(beds.latestValue).toBe(5.5);
    // --region names a region the plan or --allow-region knows, or it is refused.
    const typo = runCli(
      '--plan',
      'dazhou',
      '--actuals',
      EXAMPLES,
      '--as-of',
      '2018',
      '--region',
      '通川',
    );
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('--region：本规划没有区域“通川”');
  });

  it('reads a CSV saved by Excel in China (GBK), and says plainly when a file is UTF-16', () => {
    const gbk = runCli(
      ...['--plan', 'dazhou', '--actuals', 'test/fixtures/dazhou-actuals-gbk.csv'],
      ...['--as-of', '2018', '--region', '通川区', '--format', 'json'],
    );
    expect(gbk.stderr).toBe('');
    expect(gbk.code).toBe(0);
    const beds = JSON.parse(gbk.stdout).results.find(
      (r: { id: string }) => r.id === 'health.hospital-beds-per-1000',
    );
    expect(beds.latestValue).toBe(6);

    const dir = mkdtempSync(join(tmpdir(), 'assess-'));
    const utf16 = join(dir, 'utf16.csv');
    const body = 'indicator,year,value\r\n每千人口床位数,2018,5.2\r\n';
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]));
    const refused = runCli('--plan', 'dazhou', '--actuals', utf16, '--as-of', '2018');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('文件是UTF-16编码，请另存为UTF-8或GBK的CSV');
    expect(refused.stderr).not.toContain('表头缺少列');
  });

  it('explains wrong arguments', () => {
    expect(runCli('--plan', 'dazhou').stderr).toContain('缺少必需参数');
    expect(runCli('--plan', 'nowhere', '--actuals', EXAMPLES, '--as-of', '2018').stderr).toContain(
      '找不到规划',
    );
    expect(runCli('--plan', 'dazhou', '--actuals', EXAMPLES, '--as-of', '2025').stderr).toContain(
      '--as-of',
    );
    expect(
      runCli('--plan', 'dazhou', '--actuals', EXAMPLES, '--as-of', '2018', '--mode', 'final')
        .stderr,
    ).toContain('终期评估（--mode final）只适用于规划末年 2020 年');
  });
});
