import { describe, expect, it } from 'vitest';
import { loadAllPlans } from '../catalog/test-plans';
import { indexValues } from '../assessment/plan';
import { regionStatusRows } from './region-status';

const dazhou = loadAllPlans().find((p) => p.id === 'dazhou');
if (!dazhou) throw new Error('dazhou');
const beds = 'health.hospital-beds-per-1000';

describe('status by county', () => {
  it('leaves out the plan area, assesses each county on its own values and puts the most behind first', () => {
    const rows = [
      // 通川区: from 4.0 in 2015 to 5.3 in 2018 (P = 1.3/1.7 = 76% ≥ 60%): on track.
      { itemId: beds, regionId: 'tongchuan', year: 2015, value: 4 },
      { itemId: beds, regionId: 'tongchuan', year: 2018, value: 5.3 },
      // 渠县: from 4.0 to 3.9: regressing.
      { itemId: beds, regionId: 'quxian', year: 2015, value: 4 },
      { itemId: beds, regionId: 'quxian', year: 2018, value: 3.9 },
      { itemId: beds, regionId: 'dazhou', year: 2018, value: 5 },
    ];
    const regions = [
      { regionId: 'dazhou', name: '达州市', role: 'plan-area' as const },
      { regionId: 'tongchuan', name: '通川区', role: 'subregion' as const },
      { regionId: 'quxian', name: '渠县', role: 'subregion' as const },
      { regionId: 'kaijiang', name: '开江县', role: 'subregion' as const },
    ];
    const result = regionStatusRows(
      dazhou as NonNullable<typeof dazhou>,
      indexValues(rows),
      regions,
      2018,
    );
    expect(result.map((r) => r.name)).toEqual(['渠县', '通川区', '开江县']);
    expect(result[0]).toMatchObject({ behind: 1, assessed: 1, behindShare: 1 });
    expect(result[0]?.counts.regressing).toBe(1);
    expect(result[1]).toMatchObject({ behind: 0, assessed: 1, behindShare: 0 });
    expect(result[2]?.behindShare).toBeNull();
  });
});
