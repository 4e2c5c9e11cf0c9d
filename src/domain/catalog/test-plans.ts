// Test helper: loads and validates every plan in data/plans (Node only).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan } from './schema';
import { parsePlanJson } from './validate';

export const PLANS_DIR = new URL('../../../data/plans/', import.meta.url).pathname;

export function loadAllPlans(): Plan[] {
  return readdirSync(PLANS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const result = parsePlanJson(readFileSync(join(PLANS_DIR, f), 'utf8'));
      if (!result.ok) throw new Error(`${f}: ${result.errors.join('; ')}`);
      return result.plan;
    });
}
