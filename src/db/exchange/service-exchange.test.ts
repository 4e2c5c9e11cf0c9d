import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../domain/catalog/schema';
import { loadAllPlans } from '../../domain/catalog/test-plans';
import { openDatabase, type AppDatabase } from '../database';
import { addRegion } from '../regions';
import {
  implementationHistory,
  listImplementation,
  saveImplementation,
  type ImplementationInput,
} from '../implementation';
import { deleteSurvey, listSurveys, saveSurvey, type SurveyInput } from '../surveys';
import { listValues, saveValues } from '../values';
import { COMPLETE_SCOPE, exportExchange } from './export';
import {
  applyMerge,
  countData,
  prepareImport,
  previewMerge,
  restoreFile,
  type PreparedFile,
} from './import';

// The service-tracking tables of schema v6 (implementation statuses, surveys) and the values of
// numeric standards travel in exchange files like everything else: a backup holds them, a
// restore brings them back, a merge merges them record by record, a bad row refuses the file.

let plans: Plan[];
let zhoucun: Plan;
beforeAll(() => {
  plans = loadAllPlans();
  zhoucun = plans.find((p) => p.id === 'zhoucun') as Plan;
});

const opened: AppDatabase[] = [];
let counter = 0;
function laptop(): AppDatabase {
  const db = openDatabase(`service-exchange-test-${Date.now()}-${counter++}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

let minute = 0;
const clock = () => new Date(Date.UTC(2026, 11, 10, 8, minute++));
// A numeric standard of 周村区's plan that is not a table indicator: 全面改薄工程涉及学校 25所
// (data/plans/zhoucun.json, std.sec.406.1).
const STANDARD = 'std.sec.406.1';

function status(
  subjectId: string,
  value: ImplementationInput['status'],
  more: Partial<ImplementationInput> = {},
): ImplementationInput {
  return {
    planId: 'zhoucun',
    regionId: 'zhoucun',
    subject: { kind: subjectId.startsWith('task') ? 'task' : 'service', id: subjectId },
    year: 2018,
    status: value,
    ...more,
  };
}
const SURVEY: SurveyInput = {
  planId: 'zhoucun',
  year: 2018,
  domain: 'education',
  serviceId: null,
  organiser: '淄博市统计局社情民意调查中心',
  isThirdParty: true,
  method: '电话访问',
  sampleSize: 1200,
  result: { kind: 'rate', value: 92.5 },
  notes: '',
};

function asFile(text: string, name = '数据.json') {
  return { name, size: new TextEncoder().encode(text).length, text: async () => text };
}
async function exportFrom(db: AppDatabase, by = '王评估', scope = COMPLETE_SCOPE) {
  return (await exportExchange(db, scope, { appVersion: '0.1.0', exportedBy: by })).text;
}
async function prepare(db: AppDatabase, text: string) {
  return prepareImport(db, asFile(text), { builtinPlans: plans });
}
async function prepared(db: AppDatabase, text: string): Promise<PreparedFile> {
  const result = await prepare(db, text);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.file;
}
async function tablesOf(db: AppDatabase) {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables)
    if (table.name !== 'exchanges') tables[table.name] = await table.toArray();
  return tables;
}

/** On one laptop: two statuses (one cleared again), a survey (and a withdrawn one), a standard's value. */
async function recordTracking(db: AppDatabase, by = '王评估') {
  await saveImplementation(
    db,
    [
      status('svc.education.1', 'done', { documentRef: '周教体发〔2018〕12号' }),
      status('task.1', 'in_progress'),
    ],
    { by, plan: zhoucun, now: clock },
  );
  // 已落实 for task.1 was a mistake: cleared (kept as a tombstone, version 2).
  await saveImplementation(db, [status('task.1', null, { expectedVersion: 1 })], {
    by,
    plan: zhoucun,
    now: clock,
  });
  const kept = await saveSurvey(db, SURVEY, { by, plan: zhoucun, now: clock });
  const withdrawn = await saveSurvey(
    db,
    { ...SURVEY, organiser: '区教体局' },
    { by, plan: zhoucun, now: clock },
  );
  await deleteSurvey(db, withdrawn.id, 1, { by, plan: zhoucun, now: clock });
  await saveValues(
    db,
    [{ planId: 'zhoucun', itemId: STANDARD, regionId: 'zhoucun', year: 2018, value: 20 }],
    {
      by,
      baseYear: 2015,
      endYear: 2020,
      itemIds: new Set([STANDARD]),
    },
  );
  return kept;
}

describe('service tracking in exchange files', () => {
  it("a backup holds statuses, surveys and standards' values, and a restore brings them back deep-equal", async () => {
    const a = laptop();
    await recordTracking(a);
    // What the confirmation of a restore names: 1 status (the cleared one is not counted), 1
    // survey (the withdrawn one is not counted), and the standard's value among the values.
    expect(await countData(a)).toMatchObject({ values: 1, implementation: 1, surveys: 1 });

    const empty = laptop();
    const counts = await restoreFile(empty, await prepared(empty, await exportFrom(a)), {
      by: '王评估',
      storage: null,
    });
    expect(counts).toMatchObject({ values: 1, implementation: 1, surveys: 1 });
    const restored = await tablesOf(empty);
    // Tombstones travel too: 2 implementation rows, 2 survey rows.
    expect(restored.implementation).toHaveLength(2);
    expect(restored.surveys).toHaveLength(2);
    expect(restored).toEqual(await tablesOf(a));
    expect(await listValues(empty, 'zhoucun')).toMatchObject([{ itemId: STANDARD, value: 20 }]);
  });

  it('lists a status both laptops changed as one conflict, takes theirs when chosen, and adds their survey', async () => {
    const a = laptop();
    const b = laptop();
    await saveImplementation(a, [status('svc.education.1', 'in_progress')], {
      by: '王评估',
      plan: zhoucun,
      now: clock,
    });
    await restoreFile(b, await prepared(b, await exportFrom(a)), { by: '李评估', storage: null });
    // Then each laptop records its own reading of the same item in the same year.
    await saveImplementation(
      a,
      [status('svc.education.1', 'done', { evidence: '已建成', expectedVersion: 1 })],
      { by: '王评估', plan: zhoucun, now: clock },
    );
    await saveImplementation(
      b,
      [status('svc.education.1', 'below_standard', { evidence: '未达省标', expectedVersion: 1 })],
      { by: '李评估', plan: zhoucun, now: clock },
    );
    await saveSurvey(b, SURVEY, { by: '李评估', plan: zhoucun, now: clock });

    const preview = await previewMerge(a, await prepared(a, await exportFrom(b, '李评估')));
    expect(preview.refusals).toEqual([]);
    expect(preview.conflicts).toHaveLength(1);
    expect(preview.conflicts[0]).toMatchObject({
      table: 'implementation',
      mine: { by: '王评估', version: 2 },
      theirs: { by: '李评估', version: 2 },
    });
    const summary = await applyMerge(a, preview, () => 'theirs', {
      by: '王评估',
      storage: null,
      now: clock,
    });
    expect(summary.added).toBe(1);
    // Theirs, stored with a local version above both sides' (2), so a tab holding 2 must reload.
    expect(await listImplementation(a, 'zhoucun')).toMatchObject([
      { status: 'below_standard', evidence: '未达省标', by: '李评估', version: 3 },
    ]);
    expect(await listSurveys(a, 'zhoucun')).toMatchObject([
      { organiser: SURVEY.organiser, by: '李评估', version: 1 },
    ]);
    // The merge's own history row for the status: before → after.
    const rows = await a.auditLog
      .where('key')
      .equals('zhoucun|zhoucun|svc.education.1|2018')
      .toArray();
    expect(rows.at(-1)).toMatchObject({
      entity: 'implementation',
      action: 'merge',
      before: { status: 'done', by: '王评估' },
      after: { status: 'below_standard', version: 3 },
    });
    // The item's history, newest first by time: the merge (now), 李评估's change marked as made
    // on the other laptop, then 王评估's own.
    const history = await implementationHistory(a, {
      planId: 'zhoucun',
      regionId: 'zhoucun',
      subjectId: 'svc.education.1',
    });
    expect(history.map((h) => [h.action, h.by, h.isImported])).toEqual([
      ['merge', '王评估', false],
      ['save', '李评估', true],
      ['save', '王评估', false],
      ['save', '王评估', false],
    ]);
    // A second import of the same file changes nothing.
    const again = await previewMerge(a, await prepared(a, await exportFrom(b, '李评估')));
    expect(again.conflicts).toEqual([]);
  });

  it('refuses a file whose status names an item the plan does not have, at the row, and writes nothing', async () => {
    const a = laptop();
    await recordTracking(a);
    // The row edited by hand, and the checksum made right again (as a careful editor would).
    const tampered = await retamper(await exportFrom(a), (tables) => {
      const rows = tables.implementation as Array<Record<string, unknown>>;
      rows[0] = { ...rows[0], subjectId: 'svc.nowhere.9' };
    });
    const b = laptop();
    const before = await tablesOf(b);
    const result = await prepare(b, tampered);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.join('\n')).toContain(
      '落实情况第1条（zhoucun|zhoucun|svc.nowhere.9|2018）：服务项目“svc.nowhere.9”不在本规划中',
    );
    expect(await tablesOf(b)).toEqual(before);
  });

  it('refuses a survey whose rate is over 100%, at the row', async () => {
    const a = laptop();
    await recordTracking(a);
    const tampered = await retamper(await exportFrom(a), (tables) => {
      const rows = tables.surveys as Array<Record<string, unknown>>;
      rows[0] = { ...rows[0], result: { kind: 'rate', value: 925 } };
    });
    const result = await prepare(laptop(), tampered);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.join('\n')).toMatch(/满意度调查第1条.*满意率应在0—100%之间/);
  });

  it("a region's export holds that region's statuses only, and no plan-wide surveys", async () => {
    const a = laptop();
    await recordTracking(a);
    await saveImplementation(
      a,
      [status('svc.education.2', 'not_started', { regionId: 'zhoucun' })],
      { by: '王评估', plan: zhoucun, now: clock },
    );
    // 周村区's plan names no town; one added by the user, as a commission does.
    const county = (await addRegion(a, 'zhoucun', '城北街道', 'street', '王评估')).regionId;
    await saveImplementation(a, [status('svc.education.2', 'in_progress', { regionId: county })], {
      by: '王评估',
      plan: zhoucun,
      now: clock,
    });
    const scoped = JSON.parse(
      await exportFrom(a, '王评估', {
        ...COMPLETE_SCOPE,
        isComplete: false,
        planId: 'zhoucun',
        regionId: county,
        kinds: ['implementation', 'surveys'],
      }),
    ) as { content: { tables: Record<string, unknown[]> } };
    const tables = scoped.content.tables;
    expect(tables.implementation).toMatchObject([{ regionId: county, status: 'in_progress' }]);
    expect(tables.surveys ?? []).toEqual([]);
    expect(tables.series ?? []).toEqual([]);
  });
});

/** The file with its content changed by `edit` and the checksum made right again. */
async function retamper(
  text: string,
  edit: (tables: Record<string, unknown[]>) => void,
): Promise<string> {
  const file = JSON.parse(text) as {
    content: { tables: Record<string, unknown[]> };
    checksum: string;
  } & Record<string, unknown>;
  edit(file.content.tables);
  const body = JSON.stringify(file.content);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body));
  const checksum = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return JSON.stringify({ ...file, checksum });
}

describe('a coded value in a hand-edited file (hostile test)', () => {
  it('is named with the words of the page, not only its code', async () => {
    const a = laptop();
    await recordTracking(a);
    const tampered = await retamper(await exportFrom(a), (tables) => {
      const rows = tables.implementation as Array<Record<string, unknown>>;
      rows[0] = { ...rows[0], status: 'foo' };
    });
    const result = await prepare(laptop(), tampered);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.join('\n')).toContain(
        'status：取值文本“foo”无效，应为 done（已落实）、in_progress（推进中）、not_started（未启动）、below_standard（未达标）、not_applicable（不适用） 之一',
      );
    }
  });
});
