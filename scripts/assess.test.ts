import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessPlan, indexValues, parseActualsCsv } from '../src/domain/assessment/index';
import { toAssessmentRecord } from '../src/domain/wording/index';
import { parsePlanJson } from '../src/domain/catalog/validate';

function runCli(...args: string[]) {
  const result = spawnSync('node_modules/.bin/tsx', ['scripts/assess.ts', ...args], {
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const GOOD = 'test/fixtures/dazhou-actuals.csv';

// Each test starts the CLI (tsx) several times: seconds each on a loaded two-core machine.
describe('npm run assess', { timeout: 60_000 }, () => {
  it('prints JSON that equals what the app computes for the same data', () => {
    const { code, stdout } = runCli(
      '--plan',
      'dazhou',
      '--actuals',
      GOOD,
      '--as-of',
      '2018',
      '--format',
      'json',
    );
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    // The app path: the same plan and CSV rows through assessPlan (what the 评估 page calls).
    const plan = parsePlanJson(readFileSync('data/plans/dazhou.json', 'utf8'));
    if (!plan.ok) throw new Error('plan');
    const rows = parseActualsCsv(plan.plan, readFileSync(GOOD, 'utf8'));
    if (!rows.ok) throw new Error('csv');
    const expected = assessPlan(
      plan.plan,
      indexValues(rows.rows),
      { regionId: 'dazhou', role: 'plan-area' },
      2018,
    ).map((r) => toAssessmentRecord(plan.plan, r));
    expect(output.results).toEqual(expected);
    const beds = output.results.find(
      (r: { id: string }) => r.id === 'health.hospital-beds-per-1000',
    );
    expect(beds).toMatchObject({
      status: 'on_track',
      latestYear: 2018,
      latestValue: 5.2,
      gap: 0.5,
    });
    expect(beds.progress).toBeCloseTo(0.89 / 1.39, 6);
    expect(beds.projectedValue).toBeCloseTo(5.79, 2);
  });

  it('assesses another region with --region and prints an aligned Chinese table', () => {
    const { code, stdout } = runCli(
      '--plan',
      'dazhou',
      '--actuals',
      GOOD,
      '--as-of',
      '2018',
      '--region',
      '通川区',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('区域：通川区');
    const bedsLine = stdout.split('\n').find((l) => l.startsWith('每千人口床位数'));
    expect(bedsLine).toContain('已实现');
    expect(stdout).toMatch(/完成进度\s+时间进度/);
  });

  it('writes CSV with a BOM and one row per item', () => {
    const { code, stdout } = runCli(
      '--plan',
      'zhoucun',
      '--actuals',
      GOOD,
      '--as-of',
      '2019',
      '--format',
      'csv',
    );
    // The Dazhou file names Dazhou indicators: for Zhoucun every row is a problem.
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const dir = mkdtempSync(join(tmpdir(), 'assess-'));
    const file = join(dir, 'zhoucun.csv');
    writeFileSync(file, 'indicator,year,value\n婴儿死亡率,2019,1.9\n');
    const ok = runCli('--plan', 'zhoucun', '--actuals', file, '--as-of', '2019', '--format', 'csv');
    expect(ok.code).toBe(0);
    expect(ok.stdout.startsWith('\uFEFFid,name,status')).toBe(true);
    const lines = ok.stdout.trim().split('\r\n');
    expect(lines.length).toBe(1 + 28 + 19);
    expect(lines.find((l) => l.includes('婴儿死亡率'))).toContain('achieved');
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
    expect(stderr).toContain('第2行：数值“abc”不是数字');
    expect(stderr).toContain('第3行：本规划没有指标“不存在的指标”');
    expect(stderr).toContain('第4行：年份“2021”不在2015—2020年之间');
    expect(stderr).toContain('第6行：与第5行重复');
  });

  it('explains wrong arguments', () => {
    expect(runCli('--plan', 'dazhou').stderr).toContain('缺少必需参数');
    expect(runCli('--plan', 'nowhere', '--actuals', GOOD, '--as-of', '2018').stderr).toContain(
      '找不到规划',
    );
    expect(runCli('--plan', 'dazhou', '--actuals', GOOD, '--as-of', '2025').stderr).toContain(
      '--as-of',
    );
    expect(
      runCli('--plan', 'dazhou', '--actuals', GOOD, '--as-of', '2018', '--mode', 'final').stderr,
    ).toContain('终期评估（--mode final）只适用于规划末年 2020 年');
  });
});
