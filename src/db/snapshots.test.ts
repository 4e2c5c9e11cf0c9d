import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { applyJudgements, assessPlan, indexValues } from '../domain/assessment/plan';
import { planFingerprint } from '../domain/catalog/fingerprint';
import { buildReport } from '../domain/report/build-report';
import { renderReportDocx } from '../domain/report/docx';
import { reportSheets } from '../domain/report/export-tables';
import type { ReportInput, ReportObservation } from '../domain/report/model';
import { freezeReport, snapshotChanges, snapshotSheets } from '../domain/report/snapshot';
import { readSnapshotFile, snapshotFileText } from '../domain/report/snapshot-file';
import {
  BEDS,
  JUDGEMENT,
  OBSERVATIONS,
  PENSION,
  READING,
  dazhou,
  input,
} from '../domain/report/test-input';
import { writeTablesXlsx } from '../domain/spreadsheet/xlsx-tables';
import { openDatabase, type AppDatabase, type RecordAuditRow } from './database';
import { createSnapshot, deleteSnapshot, getSnapshot, listSnapshots } from './snapshots';

const opened: AppDatabase[] = [];
let counter = 0;
function freshDb(): AppDatabase {
  const db = openDatabase(`snapshots-test-${Date.now()}-${counter++}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const NARRATIVE = {
  problems: '床位增长慢于规划进度。\n部分县区基础数据不全。',
  suggestions: '加快县级医院扩建。',
};

async function frozen(id = 'snap-1', createdAt = '2019-03-02T08:00:00.000Z') {
  const live = { ...input(), narrative: NARRATIVE };
  const snapshot = freezeReport(live, {
    id,
    createdAt,
    createdBy: '王评估',
    note: '报市政府稿',
    planFingerprint: await planFingerprint(dazhou),
    narrativeVersion: 3,
  });
  return { live, snapshot };
}

/** The report's input after the figures changed, as the page would build it now. */
function revisedInput(observations: ReportObservation[], judged = true): ReportInput {
  return {
    ...input({ observations }),
    results: applyJudgements(
      assessPlan(
        dazhou,
        indexValues(observations),
        { regionId: 'dazhou', role: 'plan-area' },
        2018,
      ),
      judged ? [JUDGEMENT] : [],
      2018,
    ),
    narrative: NARRATIVE,
  };
}

// After freezing: 达州市 每千人口床位数 2018 revised 4.8 → 4.2 (below the 2015 baseline 4.31, so
// 进度滞后 becomes 逆向变化); its 2016 value 4.4 confirmed as 正式 (same number); 通川区's 2016
// value 5.0 cleared; 渠县 基本养老保险参保率 2018 added (80); the judgement on 国民综合阅读率
// withdrawn (it has no values: 评估 shows 无数据 again).
const REVISED: ReportObservation[] = [
  ...OBSERVATIONS.filter(
    (o) =>
      !(o.itemId === BEDS && o.regionId === 'dazhou' && (o.year === 2018 || o.year === 2016)) &&
      !(o.itemId === BEDS && o.regionId === 'tongchuan' && o.year === 2016),
  ),
  {
    itemId: BEDS,
    regionId: 'dazhou',
    year: 2016,
    value: 4.4,
    source: '市卫健委',
    dataStatus: 'final',
  },
  {
    itemId: BEDS,
    regionId: 'dazhou',
    year: 2018,
    value: 4.2,
    source: '市卫健委',
    dataStatus: 'final',
  },
  { itemId: PENSION, regionId: 'quxian', year: 2018, value: 80 },
];

async function documentXml(bytes: ArrayBuffer | Uint8Array) {
  return (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string');
}
async function sheetXmls(bytes: ArrayBuffer) {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files)
    .filter((n) => /^xl\/(worksheets\/sheet\d+\.xml|sharedStrings\.xml|workbook\.xml)$/.test(n))
    .sort();
  return Promise.all(names.map(async (n) => [n, await zip.file(n)?.async('string')]));
}

// Renders Word and Excel twice: seconds on a loaded 2-core machine.
describe('report snapshots', { timeout: 60_000 }, () => {
  it('reopen unchanged after the figures are revised, and export the same Word and Excel content', async () => {
    const db = freshDb();
    const { live, snapshot } = await frozen();
    const liveReport = buildReport(live);
    const liveDocx = await renderReportDocx(liveReport);
    const liveXlsx = await writeTablesXlsx(reportSheets(liveReport, live));
    await createSnapshot(db, snapshot);

    // The figures change after the report was handed in.
    const now = buildReport(revisedInput(REVISED, false));
    expect(now).not.toEqual(liveReport);

    const reopened = await getSnapshot(db, 'snap-1');
    expect(reopened?.report).toEqual(liveReport);
    expect(reopened?.narrative).toEqual({ ...NARRATIVE, version: 3 });
    const again = await renderReportDocx(reopened!.report);
    expect(await documentXml(again)).toBe(await documentXml(liveDocx));
    const againXlsx = await writeTablesXlsx(snapshotSheets(reopened!));
    expect(await sheetXmls(againXlsx)).toEqual(await sheetXmls(liveXlsx));
    // The narrative is in the frozen Word file.
    expect(await documentXml(again)).toContain('床位增长慢于规划进度。');
  });

  it('list what changed since: values, judgements, statuses (worked out by hand)', async () => {
    const { snapshot } = await frozen();
    const now = revisedInput(REVISED, false);
    const changes = snapshotChanges(snapshot, {
      observations: now.observations,
      results: now.results,
      narrative: NARRATIVE,
    });
    // Regions in the plan's order (达州市, 通川区 … 渠县), items in the plan's order, then years.
    expect(
      changes.values.map((c) => [
        c.regionId,
        c.itemId,
        c.year,
        c.kind,
        c.before?.value,
        c.after?.value,
      ]),
    ).toEqual([
      ['dazhou', BEDS, 2016, 'status', 4.4, 4.4],
      ['dazhou', BEDS, 2018, 'revised', 4.8, 4.2],
      ['tongchuan', BEDS, 2016, 'cleared', 5.0, undefined],
      ['quxian', PENSION, 2018, 'added', undefined, 80],
    ]);
    expect(changes.judgements).toEqual([
      {
        itemId: READING,
        before: {
          itemId: READING,
          asOfYear: 2018,
          status: 'on_track',
          reason: '市文广旅局抽样调查2018年为85%',
          by: '王评估',
          at: '2019-03-01T02:00:00.000Z',
          isCarried: false,
        },
        after: null,
      },
    ]);
    // (4.2 − 4.31) / (5.70 − 4.31) < 0: 逆向变化; 阅读率 without its judgement and values: 无数据.
    expect(changes.statuses).toEqual([
      { itemId: BEDS, before: 'lagging', after: 'regressing' },
      { itemId: READING, before: 'on_track', after: 'no_data' },
    ]);
    expect(changes.isNarrativeChanged).toBe(false);
    expect(changes.hasChanges).toBe(true);
  });

  it('say nothing changed when nothing did, and notice a rewritten narrative', async () => {
    const { live, snapshot } = await frozen();
    const same = { observations: live.observations, results: live.results, narrative: NARRATIVE };
    expect(snapshotChanges(snapshot, same)).toEqual({
      values: [],
      judgements: [],
      statuses: [],
      isNarrativeChanged: false,
      hasChanges: false,
    });
    const rewritten = snapshotChanges(snapshot, {
      ...same,
      narrative: { ...NARRATIVE, suggestions: '另行研究。' },
    });
    expect(rewritten.isNarrativeChanged).toBe(true);
    expect(rewritten.hasChanges).toBe(true);
  });

  it('are never replaced: freezing again makes a new one; listed newest first', async () => {
    const db = freshDb();
    const first = await frozen('snap-1', '2019-03-02T08:00:00.000Z');
    const second = await frozen('snap-2', '2019-03-05T08:00:00.000Z');
    await createSnapshot(db, first.snapshot);
    await createSnapshot(db, second.snapshot);
    await expect(createSnapshot(db, { ...first.snapshot, note: '改过' })).rejects.toThrow();
    expect((await getSnapshot(db, 'snap-1'))?.note).toBe('报市政府稿');
    const list = await listSnapshots(db, 'dazhou');
    expect(list.map((s) => [s.id, s.createdBy, s.createdAt, s.regionName, s.asOfYear])).toEqual([
      ['snap-2', '王评估', '2019-03-05T08:00:00.000Z', '达州市', 2018],
      ['snap-1', '王评估', '2019-03-02T08:00:00.000Z', '达州市', 2018],
    ]);
    expect(list[0]).toMatchObject({
      valueCount: OBSERVATIONS.length,
      judgementCount: 1,
      narrativeVersion: 3,
    });
    expect(await listSnapshots(db, 'handan')).toEqual([]);
  });

  it('are deleted with an audit row saying who froze it, who deleted it and why', async () => {
    const db = freshDb();
    await createSnapshot(db, (await frozen()).snapshot);
    expect(await deleteSnapshot(db, 'snap-1', { by: '李主任', reason: '口径有误，重新评估' })).toBe(
      true,
    );
    expect(await getSnapshot(db, 'snap-1')).toBeUndefined();
    expect(await listSnapshots(db, 'dazhou')).toEqual([]);
    const audit = (await db.auditLog
      .where('key')
      .equals('snapshot|snap-1')
      .toArray()) as RecordAuditRow[];
    expect(audit.map((a) => [a.action, a.by, a.reason])).toEqual([
      ['create', '王评估', '报市政府稿'],
      ['delete', '李主任', '口径有误，重新评估'],
    ]);
    expect(audit[1]?.before).toMatchObject({ id: 'snap-1', createdBy: '王评估' });
    expect(await deleteSnapshot(db, 'snap-1', { by: '李主任' })).toBe(false);
  });

  it('travel as a file that reads back equal, and a tampered file is refused', async () => {
    const { snapshot } = await frozen();
    const bytes = new TextEncoder().encode(snapshotFileText(snapshot));
    const read = await readSnapshotFile(bytes);
    expect(read).toEqual({ ok: true, snapshot });

    const edited = JSON.parse(snapshotFileText(snapshot)) as typeof snapshot;
    edited.plan.indicators[0]!.name = '改过的指标';
    const tampered = await readSnapshotFile(new TextEncoder().encode(JSON.stringify(edited)));
    expect(tampered).toEqual({
      ok: false,
      errors: ['快照中的规划与其记录的指纹不符（文件已被改动），未读取'],
    });
    const proto = await readSnapshotFile(
      new TextEncoder().encode('{"format":"gongfu-monitor-report-snapshot","__proto__":{"x":1}}'),
    );
    expect(proto.ok).toBe(false);
    const other = await readSnapshotFile(new TextEncoder().encode('{"format":"other"}'));
    expect(other).toEqual({ ok: false, errors: ['不是本系统导出的评估快照文件（格式标识不符）'] });
    const extra = await readSnapshotFile(
      new TextEncoder().encode(JSON.stringify({ ...snapshot, extra: 1 })),
    );
    expect(extra.ok).toBe(false);
  });
});
