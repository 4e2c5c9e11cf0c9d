import type { Plan } from '../catalog/schema';
import { planItems } from '../assessment/plan';
import { isCountedWhole } from '../assessment/scale';

/**
 * Synthetic demonstration values (示例数据). They are invented, stored only in the separate demo
 * database, and labelled on screen; they only show what the app does with a year of figures.
 */
export interface DemoValue {
  itemId: string;
  regionId: string;
  year: number;
  value: number;
}

/** Mulberry32: a small seeded generator, so the demo is the same on every laptop. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (value: number) => Math.round(value * 100) / 100;

/** A count of whole things is a whole number; a rate in such a unit keeps two decimals. */
const roundFor = (
  item: { name: string; unit: string | null; kind: 'level' | 'cumulative' },
  value: number,
) => (isCountedWhole(item) ? Math.round(value) : round(value));

/**
 * Values for every numeric item, every region and the years `startYear..lastYear`: each region
 * follows the straight path from baseline to target at its own pace (some ahead, some behind,
 * a few moving the wrong way), with noise. Cumulative items get yearly amounts.
 */
export function generateDemoValues(
  plan: Plan,
  regionIds: readonly string[],
  lastYear: number,
  seed = 2016,
): DemoValue[] {
  const random = seededRandom(seed);
  const out: DemoValue[] = [];
  const span = plan.period.end - plan.baseYear;
  for (const item of planItems(plan)) {
    const change = 'change' in item ? item.change : null;
    const totalFrom = 'totalFrom' in item ? item.totalFrom : undefined;
    regionIds.forEach((regionId, regionIndex) => {
      const pace = 0.45 + random() * 0.9 - (random() < 0.08 ? 0.9 : 0);
      if (item.kind === 'cumulative') {
        const total =
          totalFrom === 'change' || item.target?.value === undefined
            ? change?.value
            : item.target.value;
        if (total === undefined || total <= 0) return;
        for (let year = plan.period.start; year <= Math.min(lastYear, plan.period.end); year++) {
          const amount =
            (total / (plan.period.end - plan.period.start + 1)) *
            Math.max(0.2, pace) *
            (0.9 + random() * 0.2);
          // A yearly amount of schools, households or people is a whole number, however small
          // the total (创办优质品牌中学 1-2所 never reads "0.1所").
          out.push({ itemId: item.id, regionId, year, value: roundFor(item, amount) });
        }
        return;
      }
      const target =
        item.target?.value ??
        (change?.value !== undefined && item.baseline?.value !== undefined
          ? item.baseline.value + change.value
          : undefined);
      if (target === undefined) return;
      const baseline = item.baseline?.value ?? target * 0.85;
      const isPercent = item.unit === '%';
      const regionOffset = (random() - 0.5) * Math.abs(target - baseline || baseline * 0.05);
      // Counties get their own 2015 value: the catalog baseline is the whole area's.
      if (regionIndex > 0) {
        const own = baseline + regionOffset * 0.5;
        out.push({
          itemId: item.id,
          regionId,
          year: plan.baseYear,
          value: roundFor(item, isPercent ? Math.min(100, Math.max(0, own)) : Math.max(0, own)),
        });
      }
      for (let year = plan.period.start; year <= Math.min(lastYear, plan.period.end); year++) {
        const expected = baseline + ((target - baseline) * (year - plan.baseYear)) / span;
        const noisy =
          baseline +
          (expected - baseline) * pace +
          regionOffset * ((year - plan.baseYear) / span) +
          (random() - 0.5) * Math.abs(target - baseline) * 0.05;
        const value = isPercent ? Math.min(100, Math.max(0, noisy)) : Math.max(0, noisy);
        out.push({ itemId: item.id, regionId, year, value: roundFor(item, value) });
      }
    });
  }
  return out;
}
