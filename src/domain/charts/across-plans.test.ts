import { describe, expect, it } from 'vitest';
import dazhouJson from '../../../data/plans/dazhou.json';
import handanJson from '../../../data/plans/handan.json';
import zhoucunJson from '../../../data/plans/zhoucun.json';
import { parsePlan } from '../catalog/validate';
import type { Plan } from '../catalog/schema';
import { compareConcept, sharedConcepts } from './across-plans';

function load(json: unknown): Plan {
  const parsed = parsePlan(json);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.plan;
}
const dazhou = load(dazhouJson);
const handan = load(handanJson);
const zhoucun = load(zhoucunJson);

describe('across plans', () => {
  it('lists concepts shared by two or more plans, most shared first', () => {
    const concepts = sharedConcepts([dazhou, handan, zhoucun]);
    expect(concepts.length).toBeGreaterThan(5);
    expect(concepts.every((c) => c.planCount >= 2)).toBe(true);
    expect(concepts[0]?.planCount).toBe(3);
    expect(concepts.map((c) => c.concept)).toContain('new-urban-jobs');
  });

  it('notes where units differ: 农民工培训 is 人次 in 达州 and 万人次 in 邯郸', () => {
    const comparison = compareConcept('migrant-worker-training', [
      { plan: dazhou, resultOf: () => undefined },
      { plan: handan, resultOf: () => undefined },
    ]);
    expect(comparison.rows.map((r) => r.planId)).toEqual(['dazhou', 'handan']);
    expect(comparison.units).toEqual(['人次', '万人次']);
    expect(comparison.hasDifferentUnits).toBe(true);
  });

  it('takes latest figure, completion and status from the results given, and the target as printed', () => {
    const comparison = compareConcept('compulsory-education-retention', [
      {
        plan: dazhou,
        resultOf: (id) =>
          id === 'education.compulsory-retention-rate'
            ? ({
                latestYear: 2018,
                latestValue: 96.99,
                cumulativeValue: null,
                progress: { value: 0.5 },
                status: 'lagging',
              } as never)
            : undefined,
      },
    ]);
    expect(comparison.rows).toHaveLength(1);
    expect(comparison.rows[0]).toMatchObject({
      baselineRaw: '96.98',
      target: '97%',
      latestValue: 96.99,
      status: 'lagging',
    });
    expect(comparison.hasDifferentUnits).toBe(false);
  });
});
