import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../domain/catalog/schema';
import { loadAllPlans } from '../domain/catalog/test-plans';
import { parseActualsCsv } from '../domain/import/actuals-csv';
import { decodeText } from '../domain/import/decode-text';
import { readFillTemplate } from '../domain/spreadsheet/read-fill-template';
import { openDatabase, type AppDatabase } from './database';
import { prepareImport } from './exchange/import';
import { ensureRegions } from './regions';
import { loadUserPlan } from './user-plans';

// The bad-file corpus (test/fixtures/bad/, written by scripts/write-bad-corpus.ts): every file
// the app or the CLI reads, wrong in one way each. Each must be refused with a Chinese message
// naming what and where, and nothing may be written: the database is deep-equal to before and
// no prototype is polluted.

const DIR = 'test/fixtures/bad';

let plans: Plan[];
let dazhou: Plan;
beforeAll(() => {
  plans = loadAllPlans();
  dazhou = plans.find((p) => p.id === 'dazhou') as Plan;
});

const opened: AppDatabase[] = [];
let counter = 0;
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});
async function laptop(): Promise<AppDatabase> {
  const db = openDatabase(`bad-files-${Date.now()}-${counter++}`);
  opened.push(db);
  await ensureRegions(db, dazhou);
  return db;
}
async function snapshot(db: AppDatabase) {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return tables;
}

/** What reading a file gives: its messages (empty when accepted). */
type Reader = (db: AppDatabase, name: string, bytes: Uint8Array) => Promise<string[]>;

const exchange: Reader = async (db, name, bytes) => {
  const text = new TextDecoder().decode(bytes);
  const result = await prepareImport(
    db,
    { name, size: bytes.byteLength, text: async () => text },
    { builtinPlans: plans },
  );
  return result.ok ? [] : result.errors;
};
const planFile: Reader = async (db, name, bytes) => {
  const result = await loadUserPlan(
    db,
    new TextDecoder().decode(bytes),
    name,
    new Set(plans.map((p) => p.id)),
    '王评估',
  );
  return result.ok ? [] : result.errors;
};
/** As the CLI reads its actuals CSV (scripts/cli-input.ts). */
const csv: Reader = async (_db, _name, bytes) => {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return [decoded.error];
  const result = parseActualsCsv(dazhou, decoded.text);
  return result.ok ? [] : result.errors;
};
const xlsx: Reader = async (_db, _name, bytes) => {
  const result = await readFillTemplate(bytes, dazhou);
  return result.ok ? [] : result.errors;
};

/** Every file of the corpus, its reader and the messages expected (worked out by hand). */
const CORPUS: Record<string, [Reader, string[] | 'ok']> = {
  'exchange-ok.json': [exchange, 'ok'],
  'exchange-malformed.json': [exchange, ['文件不是有效的 JSON：第1行第10列有语法错误，未导入']],
  'exchange-truncated.json': [
    exchange,
    ['文件不完整：内容在第1行中断（可能下载或复制时被截断），未导入'],
  ],
  'exchange-wrong-format-version.json': [
    exchange,
    ['数据文件格式为第99版，本系统只能读取第3版及以前的文件；请先更新本系统'],
  ],
  'exchange-wrong-checksum.json': [
    exchange,
    ['校验和不符：文件内容在导出后被改动过，或文件已损坏，未导入；请重新导出一份'],
  ],
  'exchange-proto.json': [
    exchange,
    ['content.tables.series[0].cells：不允许的字段名“__proto__”（可能是恶意构造的文件）'],
  ],
  'exchange-constructor.json': [
    exchange,
    [
      'content.tables.series[0].cells：不允许的字段名“constructor”（可能是恶意构造的文件）',
      'content.tables.series[0].cells.constructor：不允许的字段名“prototype”（可能是恶意构造的文件）',
    ],
  ],
  'exchange-nan.json': [
    exchange,
    ['content.tables.series[0].cells.2016.value：NaN 不是数字（JSON 中没有 NaN 和 Infinity）'],
  ],
  'exchange-infinity.json': [
    exchange,
    ['content.tables.series[0].cells.2016.value：数字 1e309 超出可表示的范围'],
  ],
  'exchange-number-as-string.json': [
    exchange,
    [
      '数值序列第1条（dazhou|dazhou|health.hospital-beds-per-1000）：cells.2016.value：应为数字，文件中是文本“4.4”',
    ],
  ],
  'exchange-duplicate-records.json': [
    exchange,
    [
      '数值序列第2条（dazhou|dazhou|health.hospital-beds-per-1000）：与第1条重复（同一记录出现两次）',
    ],
  ],
  'exchange-text-value-mismatch.json': [
    exchange,
    [
      '数值序列第1条（dazhou|dazhou|health.hospital-beds-per-1000）2016年：数值4与录入原文“4.4”不一致（文件可能被改动过）',
    ],
  ],
  'exchange-unknown-plan.json': [
    exchange,
    [
      '数值序列第1条（nowhere|dazhou|health.hospital-beds-per-1000）：本系统没有编号为“nowhere”的规划（请先在“指标目录”载入该规划文件）',
    ],
  ],
  'exchange-unknown-item.json': [
    exchange,
    [
      '数值序列第1条（dazhou|dazhou|health.no-such-item）：规划“达州市规划”中没有指标“health.no-such-item”',
    ],
  ],
  'exchange-unknown-region.json': [
    exchange,
    [
      '数值序列第1条（dazhou|atlantis|health.hospital-beds-per-1000）：规划“达州市规划”中没有区域“atlantis”',
    ],
  ],
  'exchange-year-out-of-range.json': [
    exchange,
    [
      '数值序列第1条（dazhou|dazhou|health.hospital-beds-per-1000）2035年：年份2035不在2015—2020年之间',
    ],
  ],
  'exchange-long-note.json': [
    exchange,
    [
      '数值序列第1条（dazhou|dazhou|health.hospital-beds-per-1000）2016年：备注过长（10000字，最多2000字）',
    ],
  ],
  'exchange-script.json': [
    exchange,
    [
      '数值序列第1条（dazhou|dazhou|health.hospital-beds-per-1000）2016年：备注中有网页代码“<script”，不像是录入的内容',
    ],
  ],
  'exchange-javascript-link.json': [
    exchange,
    [
      '数值序列第1条（dazhou|dazhou|health.hospital-beds-per-1000）2016年：来源中有网页链接代码“javascript:”，不像是录入的内容',
    ],
  ],
  'plan-malformed.json': [
    planFile,
    ['文件不完整：内容在第10行中断（可能下载或复制时被截断），未导入'],
  ],
  'plan-proto.json': [planFile, ['（文件根）：不允许的字段名“__proto__”']],
  'plan-1e309.json': [planFile, ['指标[第1项].baseline.value：1e309 超出数值范围']],
  'csv-bom.csv': [csv, 'ok'],
  'csv-utf16.csv': [csv, ['文件是UTF-16编码，请另存为UTF-8或GBK的CSV']],
  'csv-formula.csv': [
    csv,
    ['第2行 note 列：以“=”开头，电子表格软件会把它当作公式执行；请去掉开头的符号'],
  ],
  'csv-number-as-text.csv': [csv, ['第2行 value 列：“四点四”不是数字']],
  'csv-year-out-of-range.csv': [csv, ['第2行 year 列：年份“2035”不在2015—2020年之间']],
  'xlsx-formula.xlsx': [
    xlsx,
    [
      '填报表!I4（达州市·每千人口床位数·2016年）：公式没有计算结果，请改为直接填写数值（复制后“选择性粘贴—数值”）',
    ],
  ],
  'xlsx-merged.xlsx': [xlsx, ['填报表：单元格I4:J4被合并，请取消合并后按原模板填写']],
  'xlsx-zip-bomb.xlsx': [xlsx, ['文件解压后超过100MB，可能是恶意构造的文件（压缩炸弹），未读取']],
  'xlsx-not-a-zip.xlsx': [xlsx, ['不是有效的 .xlsx 文件（无法识别的压缩格式）']],
};

describe('the bad-file corpus', () => {
  it('has an expected message for every file in test/fixtures/bad, and a file for every entry', () => {
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(CORPUS).sort());
  });

  for (const [name, [read, expected]] of Object.entries(CORPUS)) {
    it(`${name}: ${expected === 'ok' ? 'accepted' : 'refused, naming what and where'}; nothing written`, async () => {
      const db = await laptop();
      const before = await snapshot(db);
      const bytes = new Uint8Array(readFileSync(`${DIR}/${name}`));
      const messages = await read(db, name, bytes);
      expect(messages).toEqual(expected === 'ok' ? [] : expected);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(await snapshot(db)).toEqual(before);
    });
  }

  it('refuses a file over the size limit before reading it', async () => {
    const db = await laptop();
    let wasRead = false;
    const result = await prepareImport(
      db,
      {
        name: '很大的文件.json',
        size: 300 * 1024 * 1024,
        text: async () => {
          wasRead = true;
          return '';
        },
      },
      { builtinPlans: plans },
    );
    expect(result).toEqual({
      ok: false,
      errors: ['文件大小为300 MB，超过数据文件200 MB的上限，未读取'],
    });
    expect(wasRead).toBe(false);
  });
});
