import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// Proves that each architecture fence in eslint.config.js fires: small snippets, linted as if
// they were files at the given places, must be reported; an allowed import must pass. The
// imported files exist, because the fence judges resolved paths.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FENCE_RULES = new Set(['import-x/no-restricted-paths', 'no-restricted-imports']);

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The fence reports for `code` as the file `path` (relative to the repository). */
async function fenceReports(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${path}` });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId !== null && FENCE_RULES.has(m.ruleId))
    .map((m) => m.message);
}

const REFUSED: Array<[where: string, path: string, code: string, says: RegExp]> = [
  // The domain: plain TypeScript, in .tsx files too.
  [
    'domain → React (.tsx)',
    'src/domain/charts/fence.tsx',
    "import { useState } from 'react';",
    /React/,
  ],
  [
    'first screen → exchange import',
    'src/db/exchange/durability.ts',
    "import { countData } from './import';",
    /first screen/,
  ],
  ['domain → Dexie', 'src/domain/assessment/fence.ts', "import Dexie from 'dexie';", /Dexie/],
  [
    'domain → db',
    'src/domain/assessment/fence.ts',
    "import { openDatabase } from '../../db/database';",
    /src\/domain/,
  ],
  [
    'domain → shared',
    'src/domain/charts/fence.tsx',
    "import { useT } from '../../shared/i18n';",
    /src\/domain/,
  ],
  [
    'domain → feature',
    'src/domain/fence.ts',
    "import { DASH } from '../features/overview/format';",
    /src\/domain/,
  ],
  [
    'domain → app',
    'src/domain/catalog/deeper/fence.ts',
    "import { shellMessages } from '../../../app/messages';",
    /src\/domain/,
  ],
  // The database layer.
  ['db → React', 'src/db/fence.ts', "import { useState } from 'react';", /no UI/],
  ['db → shared', 'src/db/fence.ts', "import { useDataset } from '../shared/dataset';", /src\/db/],
  [
    'db → feature',
    'src/db/fence.ts',
    "import { entryMessages } from '../features/entry/messages';",
    /src\/db/,
  ],
  ['db → app', 'src/db/fence.ts', "import { shellMessages } from '../app/messages';", /src\/db/],
  // Features: not each other, not the shell, from any depth.
  [
    'feature → feature',
    'src/features/catalog/fence.tsx',
    "import { DASH } from '../overview/format';",
    /other features/,
  ],
  [
    'feature subfolder → feature',
    'src/features/overview/parts/fence.tsx',
    "import { entryMessages } from '../../entry/messages';",
    /other features/,
  ],
  [
    'feature subfolder → app',
    'src/features/entry/grid/fence.tsx',
    "import { shellMessages } from '../../../app/messages';",
    /app shell/,
  ],
  [
    'feature → app',
    'src/features/settings/fence.tsx',
    "import { Layout } from '../../app/layout';",
    /app shell/,
  ],
  // Shared parts.
  [
    'shared → feature',
    'src/shared/fence.ts',
    "import { DASH } from '../features/overview/format';",
    /src\/shared/,
  ],
  [
    'shared subfolder → app',
    'src/shared/ui/fence.tsx',
    "import { shellMessages } from '../../app/messages';",
    /src\/shared/,
  ],
];

const ALLOWED: Array<[where: string, path: string, code: string]> = [
  [
    'domain → domain',
    'src/domain/charts/fence.ts',
    "import type { Plan } from '../catalog/schema';",
  ],
  ['db → domain', 'src/db/fence.ts', "import { parseValue } from '../domain/observations/parse';"],
  [
    'feature subfolder → own feature, shared, domain, db',
    'src/features/overview/parts/fence.tsx',
    [
      "import { DASH } from '../format';",
      "import { useT } from '../../../shared/i18n';",
      "import { planItems } from '../../../domain/assessment/plan';",
      "import type { RegionRow } from '../../../db/database';",
    ].join('\n'),
  ],
  ['shared → db and domain', 'src/shared/fence.ts', "import { listValues } from '../db/values';"],
  [
    'app → features and shared',
    'src/app/fence.tsx',
    "import { buildHref } from '../shared/search';\nimport OverviewPage from '../features/overview/overview-page';",
  ],
];

describe('architecture fences (eslint.config.js)', { timeout: 60_000 }, () => {
  it.each(REFUSED)('refuses %s', async (_where, path, code, says) => {
    const reports = await fenceReports(path, code);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(says);
  });

  it.each(ALLOWED)('allows %s', async (_where, path, code) => {
    expect(await fenceReports(path, code)).toEqual([]);
  });
});
