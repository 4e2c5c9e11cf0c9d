import type { Transaction } from 'dexie';
import type { SeriesRow } from './database';
import { NUMBERS_TABLE, planNumbersOf, type PlanNumbersRow } from './plan-numbers';

/**
 * Schema v6 → v7: builds `planNumbers`, the compact copy of every plan's values
 * (src/db/plan-numbers.ts), from the series records stored: one row per plan and region with a
 * value, cleared cells and empty series left out. Every other table stays as it was. From then
 * on the copy is kept by `planNumbersMiddleware` in every transaction that writes series.
 */
export async function upgradeToV7(tx: Transaction): Promise<void> {
  const series = await tx.table<SeriesRow>('series').toArray();
  await tx.table<PlanNumbersRow>(NUMBERS_TABLE).bulkPut(planNumbersOf(series));
}
