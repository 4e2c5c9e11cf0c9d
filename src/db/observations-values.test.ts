import { afterEach, describe, expect, it } from 'vitest';
import { valueRuleFor } from '../domain/observations/value-rules';
import { openDatabase, type AppDatabase } from './database';
import { saveObservation, type WriteContext } from './observations';

// The repository checks a number with the same rules as the cell (checkValue), never by reading
// String(value) again: 1e-7 or 1e+21 are not texts anybody typed.
const opened: AppDatabase[] = [];
let counter = 0;
function freshDb(): AppDatabase {
  const db = openDatabase(`observation-values-test-${Date.now()}-${counter++}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const items = {
  retention: { name: '九年义务教育巩固率', unit: '%' },
  preschool: { name: '学前三年毛入学率', unit: '%' },
  beds: { name: '每千人口床位数', unit: '张' },
} as const;
type ItemId = keyof typeof items;
const rules = new Map(Object.entries(items).map(([id, item]) => [id, valueRuleFor(item)]));

const ctx = {
  by: '张评估',
  baseYear: 2015,
  endYear: 2020,
  itemIds: new Set(Object.keys(items)),
  ruleOf: (id: string) => rules.get(id),
} satisfies WriteContext;

const save = (db: AppDatabase, itemId: ItemId, value: number, text: string) =>
  saveObservation(db, { planId: 'p', itemId, regionId: 'r', year: 2017, value, text }, ctx);

describe('the repository checks values with the cell’s rules', () => {
  it('stores a very small value the cell accepted, instead of failing on “1e-7”', async () => {
    const db = freshDb();
    await expect(save(db, 'retention', 0.0000001, '0.0000001')).resolves.toEqual({
      written: 1,
      unchanged: 0,
    });
    expect((await db.observations.toArray())[0]).toMatchObject({ value: 1e-7, text: '0.0000001' });
  });

  it('stores a gross enrolment rate above 100%, which the item’s meaning allows', async () => {
    const db = freshDb();
    await expect(save(db, 'preschool', 103.5, '103.5')).resolves.toMatchObject({ written: 1 });
  });

  it('refuses what the cell refuses, with the same message, and writes nothing', async () => {
    const db = freshDb();
    await expect(save(db, 'retention', 150, '150')).rejects.toThrow('百分比应在0—100之间（“150”）');
    await expect(save(db, 'beds', 1e21, '1e21')).rejects.toThrow('超出数值范围');
    await expect(save(db, 'beds', Number.NaN, 'NaN')).rejects.toThrow('不是有效的数值');
    expect(await db.observations.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });
});
