import { indexValues, type ValueIndex } from '../domain/assessment/plan';
import type { AppDatabase, ObservationRow } from './database';
import { listValues } from './values';

/** Every stored value of a plan, as flat rows and indexed once for the assessment. */
export interface PlanValues {
  rows: ObservationRow[];
  index: ValueIndex;
}

/** Reads a plan's values by key range and indexes them (region → item → year). */
export async function readPlanValues(db: AppDatabase, planId: string): Promise<PlanValues> {
  const rows = await listValues(db, planId);
  return { rows, index: indexValues(rows) };
}
