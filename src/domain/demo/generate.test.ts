import { describe, expect, it } from 'vitest';
import dazhou from '../../../data/plans/dazhou.json';
import { parsePlan } from '../catalog/validate';
import { generateDemoValues } from './generate';

const parsed = parsePlan(dazhou);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const plan = parsed.plan;

describe('demonstration values', () => {
  it('are the same for the same seed, and cover every region and year up to the last', () => {
    const a = generateDemoValues(plan, ['dazhou', 'tongchuan'], 2018);
    const b = generateDemoValues(plan, ['dazhou', 'tongchuan'], 2018);
    expect(a).toEqual(b);
    const yearsOf = (region: string) =>
      [...new Set(a.filter((v) => v.regionId === region).map((v) => v.year))].sort();
    // The plan's own area uses the catalog baseline; a county gets its own 2015 value.
    expect(yearsOf('dazhou')).toEqual([2016, 2017, 2018]);
    expect(yearsOf('tongchuan')).toEqual([2015, 2016, 2017, 2018]);
    expect(new Set(a.map((v) => v.regionId))).toEqual(new Set(['dazhou', 'tongchuan']));
  });

  it('keep percentages within 0–100 and never produce NaN', () => {
    const values = generateDemoValues(plan, ['dazhou'], 2020, 7);
    const percentIds = new Set(plan.indicators.filter((i) => i.unit === '%').map((i) => i.id));
    for (const v of values) {
      expect(Number.isFinite(v.value)).toBe(true);
      if (percentIds.has(v.itemId)) expect(v.value).toBeLessThanOrEqual(100);
    }
  });
});

describe('sample amounts of whole things', () => {
  it('are whole numbers for cumulative items counted in 所, 个, 户, 人 …, however small the total', () => {
    const values = generateDemoValues(
      plan,
      plan.regions.map((r) => r.id),
      2018,
    ).filter((v) => v.itemId === 'tt.quality-brand-middle-schools');
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) expect(Number.isInteger(v.value)).toBe(true);
  });

  it('are whole numbers for levels counted whole (人次/年), but not for rates in such units', () => {
    const values = generateDemoValues(
      plan,
      plan.regions.map((r) => r.id),
      2018,
    );
    // 达州 残疾人托养机构服务能力 (人次/年, 100 → 200): a count of visits a year.
    const capacity = values.filter((v) => v.itemId === 'disability.care-capacity');
    expect(capacity.length).toBeGreaterThan(0);
    for (const v of capacity) expect(Number.isInteger(v.value)).toBe(true);
    // 每千人口床位数 (张, 4.31 → 5.70) is a rate: it keeps its decimals.
    const beds = values.filter((v) => v.itemId === 'health.hospital-beds-per-1000');
    expect(beds.some((v) => !Number.isInteger(v.value))).toBe(true);
  });
});
