import { afterEach, describe, expect, it } from 'vitest';
import { valueRuleFor } from '../domain/observations/value-rules';
import { announceChange } from './changes';
import { openDatabase, type AppDatabase } from './database';
import { readPlanValues } from './plan-values';
import { saveValues, type ValueInput, type WriteContext } from './values';

const opened: AppDatabase[] = [];
let counter = 0;
function freshDb(): AppDatabase {
  const db = openDatabase(`plan-values-test-${Date.now()}-${counter++}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const rule = valueRuleFor({ name: '九年义务教育巩固率', unit: '%' });
const ctx: WriteContext = {
  by: '张评估',
  baseYear: 2015,
  endYear: 2020,
  itemIds: new Set(['rate', 'beds']),
  ruleOf: () => rule,
};
const input = (over: Partial<ValueInput>): ValueInput => ({
  planId: 'p',
  itemId: 'rate',
  regionId: 'r1',
  year: 2016,
  value: 90,
  ...over,
});

describe('readPlanValues', () => {
  it('gives every live value of the plan, indexed by region, item and year, and the latest year', async () => {
    // Given values in two regions of plan p and one in another plan
    const db = freshDb();
    await saveValues(
      db,
      [
        input({ regionId: 'r1', year: 2016, value: 90 }),
        input({ regionId: 'r1', year: 2017, value: 91 }),
        input({ regionId: 'r2', itemId: 'beds', year: 2018, value: 5.5 }),
        input({ planId: 'q', regionId: 'r1', year: 2019, value: 80 }),
      ],
      ctx,
    );
    // When the plan's values are read
    const values = await readPlanValues(db, 'p');
    // Then both regions of p are there, q's value is not, and 2018 is the latest year
    expect([...values.index.actuals('r1', 'rate')]).toEqual([
      [2016, 90],
      [2017, 91],
    ]);
    expect([...values.index.actuals('r2', 'beds')]).toEqual([[2018, 5.5]]);
    expect(values.index.regionIds().sort()).toEqual(['r1', 'r2']);
    expect(values.latestYear).toBe(2018);
    // read from the compact copy alone: the full records are not there until asked for
    expect(values.hasRows).toBe(false);
    expect(() => values.rows).toThrow();
    // When rows are asked for, the full records are read, the regions' values objects kept
    const withRows = await readPlanValues(db, 'p', { rows: true });
    expect(withRows.index.regionValues('r1')).toBe(values.index.regionValues('r1'));
    expect(withRows.rows).toHaveLength(3);
    expect(withRows.seriesRows('r1', 'rate').map((r) => [r.year, r.value, r.version])).toEqual([
      [2016, 90, 1],
      [2017, 91, 1],
    ]);
    // and a numbers read after that is the same snapshot
    expect(await readPlanValues(db, 'p')).toBe(withRows);
  });

  it('reads the numbers from the compact copy (planNumbers), not the series records', async () => {
    // Given a stored value whose compact copy says something else (never so in use: the test
    // shows which of the two the read takes)
    const db = freshDb();
    await saveValues(db, [input({ regionId: 'r1', year: 2016, value: 90 })], ctx);
    await db.planNumbers.put({ planId: 'p', regionId: 'r1', values: { rate: { 2016: 12 } } });
    // When the plan is read for its numbers
    const values = await readPlanValues(db, 'p');
    // Then the copy's number is what the assessment sees
    expect(values.index.actuals('r1', 'rate').get(2016)).toBe(12);
  });

  it('after a save shows the new value, and keeps the values object of every region it did not touch', async () => {
    // Given a plan read once
    const db = freshDb();
    await saveValues(
      db,
      [input({ regionId: 'r1', value: 90 }), input({ regionId: 'r2', value: 70 })],
      ctx,
    );
    const before = await readPlanValues(db, 'p');
    const r1Before = before.index.regionValues('r1');
    const r2Before = before.index.regionValues('r2');
    // When r2's 2016 value is changed and the plan read again
    await saveValues(db, [input({ regionId: 'r2', value: 75, expectedVersion: 1 })], ctx);
    const after = await readPlanValues(db, 'p');
    // Then r2 shows 75 in a new values object; r1's object is the same one (its results stay)
    expect(after.index.actuals('r2', 'rate').get(2016)).toBe(75);
    expect(after.index.regionValues('r2')).not.toBe(r2Before);
    expect(after.index.regionValues('r1')).toBe(r1Before);
    const afterRows = await readPlanValues(db, 'p', { rows: true });
    expect(afterRows.rows.find((r) => r.regionId === 'r2')?.version).toBe(2);
    // and the earlier snapshot is unchanged (pages holding it see no half-updated data)
    expect(before.index.actuals('r2', 'rate').get(2016)).toBe(70);
  });

  it('drops a cleared value, and a region whose last value was cleared', async () => {
    const db = freshDb();
    await saveValues(
      db,
      [input({ regionId: 'r1', year: 2019 }), input({ regionId: 'r2', year: 2016 })],
      ctx,
    );
    expect((await readPlanValues(db, 'p')).latestYear).toBe(2019);
    // When r1's only value is cleared
    await saveValues(
      db,
      [input({ regionId: 'r1', year: 2019, value: null, expectedVersion: 1 })],
      ctx,
    );
    const after = await readPlanValues(db, 'p');
    // Then r1 has no values, and the latest year is r2's
    expect(after.index.regionValues('r1')).toBeUndefined();
    expect(after.index.regionIds()).toEqual(['r2']);
    expect(after.latestYear).toBe(2016);
    expect((await readPlanValues(db, 'p', { rows: true })).rows).toHaveLength(1);
  });

  it('gives the same snapshot while nothing was written', async () => {
    const db = freshDb();
    await saveValues(db, [input({})], ctx);
    const first = await readPlanValues(db, 'p');
    expect(await readPlanValues(db, 'p')).toBe(first);
  });

  it('does not lose a write that lands while the plan is being read', async () => {
    const db = freshDb();
    await saveValues(db, [input({ value: 90 })], ctx);
    // When a read starts, a save commits before it is awaited, and the plan is read again
    const reading = readPlanValues(db, 'p');
    await saveValues(db, [input({ regionId: 'r9', value: 60 })], ctx);
    await reading;
    const after = await readPlanValues(db, 'p');
    // Then the later read has the saved value
    expect(after.index.actuals('r9', 'rate').get(2016)).toBe(60);
  });

  it('reads everything again after a reset (sample data reloaded)', async () => {
    const db = freshDb();
    await saveValues(db, [input({ value: 90 })], ctx);
    await readPlanValues(db, 'p');
    // When the table is replaced wholesale and the reset announced, as the sample data loader does
    await db.series.clear();
    await db.series.put({
      planId: 'p',
      regionId: 'r5',
      itemId: 'beds',
      cells: {
        2017: {
          value: 4,
          text: '4',
          dataStatus: 'final',
          source: '',
          note: '',
          reason: '',
          updatedAt: '2026-01-01T00:00:00.000Z',
          updatedBy: '示例',
          version: 1,
        },
      },
    });
    announceChange(db, { kind: 'reset' });
    const after = await readPlanValues(db, 'p');
    // Then only the new data is there
    expect(after.index.regionIds()).toEqual(['r5']);
    expect(after.index.actuals('r5', 'beds').get(2017)).toBe(4);
  });
});
