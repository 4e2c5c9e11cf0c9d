// Validates data/plans/*.json against the catalog schema: npx tsx scripts/check-plan.ts [file…]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlanJson } from '../src/domain/catalog/validate';

const files = process.argv.slice(2);
const targets = files.length
  ? files
  : readdirSync('data/plans')
      .filter((f) => f.endsWith('.json'))
      .map((f) => join('data/plans', f));
let failed = 0;
for (const file of targets) {
  const result = parsePlanJson(readFileSync(file, 'utf8'));
  if (result.ok) {
    const p = result.plan;
    console.log(
      `${file}: ok — ${p.indicators.length} indicators, ${p.textTargets.length} text targets, ${p.services.length} services, ${p.tasks.length} tasks, ${p.standards?.length ?? 0} standards, ${p.units?.length ?? 0} units`,
    );
  } else {
    failed++;
    console.log(`${file}: ${result.errors.length} problem(s)`);
    for (const e of result.errors) console.log(`  ${e}`);
  }
}
process.exit(failed ? 1 : 0);
