import { describe, expect, it } from 'vitest';
import { bulletRows } from './domain-rows';
import type { OverviewItem } from './overview-data';
import type { Figure } from '../assessment/types';

/** A computed figure, or (null) one that cannot be computed, for building test items. */
const f = (value: number | null): Figure =>
  value === null ? { value: null, reason: { code: 'no_baseline' } } : { value };

const base: Omit<OverviewItem, 'id' | 'status' | 'progress'> = {
  name: '',
  domain: 'health',
  unit: '%',
  kind: 'level',
  timeProgress: 0.6,
  targetYear: 2020,
  latestYear: 2018,
  latestValue: 1,
  cumulativeValue: null,
  missingYears: [],
  isProvisional: false,
  gap: f(null),
  requiredAnnualChange: f(null),
  averageAnnualChange: f(null),
};
const items: OverviewItem[] = [
  { ...base, id: 'x', status: 'achieved', progress: f(1.5) },
  { ...base, id: 'y', status: 'lagging', progress: f(0.4) },
  { ...base, id: 'z', status: 'no_data', progress: f(null) },
  { ...base, id: 'w', status: 'lagging', progress: f(0.1), domain: 'education' },
];

describe('domain bullet rows', () => {
  it('keeps plan order by default and filters to the domain', () => {
    expect(bulletRows(items, 'health', 'plan').map((r) => r.id)).toEqual(['x', 'y', 'z']);
    expect(bulletRows(items, null, 'plan')).toHaveLength(4);
  });

  it('sorts by status severity, then by shortfall', () => {
    expect(bulletRows(items, null, 'status').map((r) => r.id)).toEqual(['w', 'y', 'x', 'z']);
  });

  it('sorts by shortfall, items without completion last', () => {
    const rows = bulletRows(items, null, 'shortfall');
    expect(rows.map((r) => r.id)).toEqual(['w', 'y', 'x', 'z']);
    expect(rows[0]?.shortfall).toBeCloseTo(0.5);
  });

  it('clamps the drawn bar but not the figure', () => {
    const x = bulletRows(items, null, 'plan')[0];
    expect(x?.progress.value).toBe(1.5);
    expect(x?.progressForBar).toBe(1.2);
  });
});
