// Test helper: loads and validates every plan in data/plans, and reads the shipped sources (Node only).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan } from './schema';
import { parsePlanJson } from './validate';

export const PLANS_DIR = new URL('../../../data/plans/', import.meta.url).pathname;
const SOURCES_DIR = new URL('../../../data/sources/', import.meta.url);

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

const linesByFile = new Map<string, string[]>();

/** The lines of a shipped source copy (data/sources/<file>), 0-based array, read once. */
export function sourceLines(file: string): string[] {
  let lines = linesByFile.get(file);
  if (!lines) {
    lines = readFileSync(new URL(file, SOURCES_DIR), 'utf8').split('\n');
    linesByFile.set(file, lines);
  }
  return lines;
}

/** The text of 1-based `line` of a shipped source copy ('' past the end). */
export function sourceLine(file: string, line: number): string {
  return sourceLines(file)[line - 1] ?? '';
}
