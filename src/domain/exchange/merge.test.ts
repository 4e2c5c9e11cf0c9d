import { describe, expect, it } from 'vitest';
import type { ExchangeAuditRow, ExchangeCell, ExchangeJudgementRow } from './exchange-rows';
import { exchangeTable, type UnitMerge } from './exchange-tables';
import { changesToWrite, chosenSide, planTableMerge, type MergeChoice } from './merge';

const seriesMerge = exchangeTable('series')?.merge as UnitMerge<unknown>;
const judgementMerge = exchangeTable('judgements')?.merge as UnitMerge<unknown>;

// Two laptops: A (王, mine) and B (李, theirs) with 每千人口床位数 of 通川区.
const KEY = 'dazhou|tongchuan|health.hospital-beds-per-1000';
const cell = (value: number | null, at: string, by: string, version: number): ExchangeCell => ({
  value,
  text: value === null ? '' : String(value),
  dataStatus: 'preliminary',
  source: '',
  note: '',
  reason: '',
  updatedAt: `2026-12-0${at}:00.000Z`,
  updatedBy: by,
  version,
});
const series = (cells: Record<number, ExchangeCell>) => ({
  planId: 'dazhou',
  regionId: 'tongchuan',
  itemId: 'health.hospital-beds-per-1000',
  cells,
});
/** A history row of one write to 2017. */
const wrote = (
  before: ExchangeCell | null,
  after: ExchangeCell,
  actionId: string,
): ExchangeAuditRow => ({
  auditId: `${actionId}:${KEY}`,
  key: KEY,
  planId: 'dazhou',
  entity: 'series',
  action: 'save',
  changes: [{ year: 2017, before, after }],
  actionId,
  session: 's',
  by: after.updatedBy,
  at: after.updatedAt,
  reason: '',
});

const plan = (
  mine: ExchangeCell | undefined,
  theirs: ExchangeCell,
  histories: {
    mine?: ExchangeAuditRow[];
    theirs?: ExchangeAuditRow[];
  } = {},
) =>
  planTableMerge('series', seriesMerge, {
    theirRows: [series({ 2017: theirs })],
    theirHistory: histories.theirs ?? [],
    mineRows: mine ? [series({ 2017: mine })] : [],
    mineHistory: histories.mine ?? [],
  });

describe('merging values, unit by unit', () => {
  it('adds a value not stored here, with its version, author and time', () => {
    const theirs = cell(5.1, '2T09:00', '李', 1);
    const result = plan(undefined, theirs);
    expect(result.added.map((u) => u.payload)).toEqual([theirs]);
    const writes = changesToWrite(seriesMerge, result, () => 'mine');
    expect(writes.get(KEY)?.[0]?.after.payload).toEqual(theirs);
  });

  it('skips the same value written twice, whoever wrote it when', () => {
    const result = plan(cell(5.1, '2T09:00', '王', 1), cell(5.1, '2T10:00', '李', 3));
    expect(result).toMatchObject({ identical: 1, added: [], updated: [], conflicts: [], older: 0 });
  });

  it('takes over a value changed there after they received mine, with a version above both', () => {
    // A typed 5.1 (v1) and sent it; B changed it to 5.3 (B's v2); A's copy is still 5.1.
    const mine = cell(5.1, '2T09:00', '王', 1);
    const theirs = cell(5.3, '2T11:00', '李', 2);
    const result = plan(mine, theirs, {
      theirs: [wrote(null, mine, 'a1'), wrote(mine, theirs, 'b1')],
    });
    expect(result.conflicts).toEqual([]);
    expect(result.updated).toHaveLength(1);
    const [change] = changesToWrite(seriesMerge, result, () => 'mine').get(KEY) ?? [];
    // Version 3: above mine (1) and theirs (2); the value keeps who wrote it and when.
    expect(change?.after.payload).toEqual({ ...theirs, version: 3 });
    expect(change?.before?.payload).toEqual(mine);
  });

  it('keeps mine when I changed the value after receiving theirs', () => {
    const theirs = cell(5.1, '2T09:00', '李', 1);
    const mine = cell(5.2, '2T10:00', '王', 2);
    const result = plan(mine, theirs, {
      mine: [wrote(null, theirs, 'b0'), wrote(theirs, mine, 'a2')],
    });
    expect(result).toMatchObject({ older: 1, updated: [], conflicts: [] });
  });

  it('lists a value both changed as a conflict, and resolves it by the choice', () => {
    const base = cell(5.1, '2T09:00', '王', 1);
    const mine = cell(5.2, '2T10:00', '王', 2);
    const theirs = cell(5.3, '2T11:00', '李', 2);
    const result = plan(mine, theirs, {
      mine: [wrote(null, base, 'a1'), wrote(base, mine, 'a2')],
      theirs: [wrote(null, base, 'a1'), wrote(base, theirs, 'b1')],
    });
    expect(result.conflicts).toHaveLength(1);
    const conflict = result.conflicts[0] as (typeof result.conflicts)[0];
    expect([conflict.mine.payload, conflict.theirs.payload]).toEqual([mine, theirs]);
    const written = (choice: MergeChoice) =>
      changesToWrite(seriesMerge, result, () => choice)
        .get(KEY)
        ?.map((c) => c.after.payload);
    expect(written('mine')).toBeUndefined();
    expect(written('theirs')).toEqual([{ ...theirs, version: 3 }]);
    // Theirs was written at 11:00, mine at 10:00.
    expect(written('newer')).toEqual([{ ...theirs, version: 3 }]);
    expect(chosenSide({ mine: theirs as never, theirs: mine as never }, 'newer')).toBe('mine');
  });

  it('treats a value cleared there against a value here as a conflict, not as nothing', () => {
    const result = plan(cell(5.2, '2T10:00', '王', 2), cell(null, '2T11:00', '李', 2));
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]?.theirs.isDeleted).toBe(true);
  });

  it('on the same instant, "newer" keeps mine', () => {
    const same = { at: '2026-12-02T10:00:00.000Z' };
    expect(chosenSide({ mine: same as never, theirs: same as never }, 'newer')).toBe('mine');
  });
});

describe('merging judgements, whose withdrawal is only in the history', () => {
  const KEY_J = 'dazhou|health.hospital-beds-per-1000|dazhou|2018';
  const judgement = (
    status: string,
    at: string,
    by: string,
    version: number,
  ): ExchangeJudgementRow => ({
    planId: 'dazhou',
    itemId: 'health.hospital-beds-per-1000',
    regionId: 'dazhou',
    asOfYear: 2018,
    status,
    reason: `${by}的理由`,
    by,
    at: `2026-12-0${at}:00.000Z`,
    version,
  });
  const row = (
    action: 'create' | 'update' | 'delete',
    before: ExchangeJudgementRow | null,
    after: ExchangeJudgementRow | null,
    at: string,
    by: string,
  ): ExchangeAuditRow => ({
    auditId: `${action}${at}:${KEY_J}`,
    key: KEY_J,
    planId: 'dazhou',
    entity: 'judgement',
    action,
    before,
    after,
    actionId: `${action}${at}`,
    session: 's',
    by,
    at: `2026-12-0${at}:00.000Z`,
    reason: '',
  });

  it('takes over a withdrawal made there after they had my judgement: the record goes', () => {
    const mine = judgement('lagging', '2T09:00', '王', 1);
    const result = planTableMerge('judgements', judgementMerge, {
      theirRows: [],
      theirHistory: [
        row('create', null, mine, '2T09:00', '王'),
        row('delete', mine, null, '2T12:00', '李'),
      ],
      mineRows: [mine],
      mineHistory: [row('create', null, mine, '2T09:00', '王')],
    });
    expect(result.updated).toHaveLength(1);
    const changes = changesToWrite(judgementMerge, result, () => 'mine').get(KEY_J) ?? [];
    expect(judgementMerge.assemble(KEY_J, mine, changes)).toBeNull();
  });

  it('does not bring back a judgement withdrawn here that they still have unchanged', () => {
    const theirs = judgement('lagging', '2T09:00', '王', 1);
    const result = planTableMerge('judgements', judgementMerge, {
      theirRows: [theirs],
      theirHistory: [row('create', null, theirs, '2T09:00', '王')],
      mineRows: [],
      mineHistory: [
        row('create', null, theirs, '2T09:00', '王'),
        row('delete', theirs, null, '2T12:00', '王'),
      ],
    });
    expect(result).toMatchObject({ added: [], older: 1, conflicts: [] });
  });

  it('lists a judgement changed there and withdrawn here as a conflict', () => {
    const base = judgement('lagging', '2T09:00', '王', 1);
    const theirs = judgement('on_track', '2T11:00', '李', 2);
    const result = planTableMerge('judgements', judgementMerge, {
      theirRows: [theirs],
      theirHistory: [
        row('create', null, base, '2T09:00', '王'),
        row('update', base, theirs, '2T11:00', '李'),
      ],
      mineRows: [],
      mineHistory: [
        row('create', null, base, '2T09:00', '王'),
        row('delete', base, null, '2T10:00', '王'),
      ],
    });
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]?.mine).toMatchObject({ isDeleted: true, by: '王', version: 2 });
  });
});
