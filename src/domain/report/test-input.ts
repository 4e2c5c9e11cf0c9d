import { applyJudgements, assessPlan, indexValues, type Judgement } from '../assessment/plan';
import { loadAllPlans } from '../catalog/test-plans';
import type { Plan } from '../catalog/schema';
import type { ReportInput, ReportObservation, ReportRegion } from './model';

/**
 * The report tests' input: 达州 with a few values worked through by hand (each test states
 * its arithmetic), two counties with 每千人口床位数, one evaluator's judgement.
 */
const plans = loadAllPlans();
export function plan(id: string): Plan {
  const found = plans.find((p) => p.id === id);
  if (!found) throw new Error(id);
  return found;
}
export const dazhou = plan('dazhou');

export const BEDS = 'health.hospital-beds-per-1000';
export const JOBS = 'employment.new-urban-jobs';
export const PENSION = 'social-insurance.pension-coverage-rate';
export const RETENTION = 'education.compulsory-retention-rate';
export const LIFE = 'health.life-expectancy';
export const SPORTS = 'culture-sports.sports-participation-share';
export const READING = 'culture-sports.reading-rate';

const at = '2019-02-20T01:00:00.000Z';
export function obs(
  itemId: string,
  regionId: string,
  year: number,
  value: number,
  extra: Partial<ReportObservation> = {},
): ReportObservation {
  return { itemId, regionId, year, value, source: '市统计局', updatedAt: at, ...extra };
}

export const OBSERVATIONS: ReportObservation[] = [
  obs(BEDS, 'dazhou', 2016, 4.4, { source: '市卫健委' }),
  obs(BEDS, 'dazhou', 2017, 4.6, { source: '市卫健委' }),
  // 2019-02-28 17:30 UTC is 2019-03-01 01:30 in Beijing: the report says 3月1日.
  obs(BEDS, 'dazhou', 2018, 4.8, {
    source: '市卫健委',
    dataStatus: 'preliminary',
    updatedAt: '2019-02-28T17:30:00.000Z',
  }),
  obs(JOBS, 'dazhou', 2016, 3.5),
  obs(JOBS, 'dazhou', 2018, 3.4),
  obs(PENSION, 'dazhou', 2018, 79),
  obs(RETENTION, 'dazhou', 2016, 97.1),
  obs(RETENTION, 'dazhou', 2017, 97.3),
  obs(LIFE, 'dazhou', 2015, 75.2, { reason: '2015年统计公报更正为75.2岁。' }),
  obs(LIFE, 'dazhou', 2018, 76),
  obs(SPORTS, 'dazhou', 2018, 33.5),
  obs(BEDS, 'tongchuan', 2016, 5.0),
  obs(BEDS, 'tongchuan', 2018, 5.6),
  obs(BEDS, 'quxian', 2016, 4.0),
  obs(BEDS, 'quxian', 2018, 4.2),
];

export const JUDGEMENT: Judgement = {
  itemId: READING,
  asOfYear: 2018,
  status: 'on_track',
  reason: '市文广旅局抽样调查2018年为85%',
  by: '王评估',
  at: '2019-03-01T02:00:00.000Z',
};

export const REGIONS: ReportRegion[] = dazhou.regions.map((r, i) => ({
  regionId: r.id,
  name: r.name,
  role: i === 0 ? 'plan-area' : 'subregion',
}));

export function input(overrides: Partial<ReportInput> & { regionId?: string } = {}): ReportInput {
  const regionId = overrides.regionId ?? 'dazhou';
  const asOfYear = overrides.asOfYear ?? 2018;
  const p = overrides.plan ?? dazhou;
  const observations = overrides.observations ?? OBSERVATIONS;
  const role = regionId === p.regions[0]?.id ? 'plan-area' : 'subregion';
  const results = applyJudgements(
    assessPlan(p, indexValues(observations), { regionId, role }, asOfYear),
    regionId === 'dazhou' ? [JUDGEMENT] : [],
    asOfYear,
  );
  return {
    plan: p,
    regions: REGIONS,
    regionId,
    asOfYear,
    results,
    observations,
    ...overrides,
  };
}
