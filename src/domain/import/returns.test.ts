import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { BEDS, JOBS, PENSION, dazhou } from '../report/test-input';
import { writeFillTemplate } from '../spreadsheet/fill-template';
import { classifyReturns, type StoredValue } from './returns-preview';
import { readReturnsFile } from './returns-file';
import type { ReturnsContext } from './returns';

// 达州's regions as the database holds them: 开江县 archived (its data kept, no new values).
const REGIONS = dazhou.regions.map((r) => ({
  regionId: r.id,
  name: r.name,
  archived: r.id === 'kaijiang',
}));
const ctx: ReturnsContext = { plan: dazhou, regions: REGIONS, defaultRegionId: 'dazhou' };

const utf8 = (text: string) => new TextEncoder().encode(text);
const read = (bytes: Uint8Array, c: ReturnsContext = ctx) => readReturnsFile(bytes, c);

async function xlsx(build: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  build(book);
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('reading departments’ returns: CSV', () => {
  it('reads a long table with Chinese headers, UTF-8 with a BOM, each value with its line', async () => {
    const result = await read(
      utf8(
        '\uFEFF指标,区域,年份,数值,数据状态,备注\r\n每千人口床位数,通川区,2017,5.1,正式,县卫健局\r\n基本养老保险参保率,渠县,2018,82.5%,初步,\r\n',
      ),
    );
    expect(result).toEqual({
      ok: true,
      format: 'csv',
      encoding: 'utf-8',
      values: [
        {
          place: '第2行 数值列',
          itemId: BEDS,
          regionId: 'tongchuan',
          year: 2017,
          value: 5.1,
          text: '5.1',
          dataStatus: 'final',
          note: '县卫健局',
        },
        {
          place: '第3行 数值列',
          itemId: PENSION,
          regionId: 'quxian',
          year: 2018,
          value: 82.5,
          text: '82.5%',
          dataStatus: 'preliminary',
        },
      ],
      problems: [],
      warnings: [],
    });
  });

  it('reads GBK as Excel on Chinese Windows saves “CSV (逗号分隔)”, the same as UTF-8 without a BOM', async () => {
    const gbk = await read(new Uint8Array(readFileSync('test/fixtures/returns-gbk.csv')));
    const plain = await read(
      utf8(
        '指标,区域,年份,数值,备注\r\n每千人口床位数,通川区,2017,5.1,县卫健局\r\n基本养老保险参保率,渠县,2018,82.5%,\r\n',
      ),
    );
    expect(gbk.ok && gbk.encoding).toBe('gb18030');
    expect(plain.ok && plain.encoding).toBe('utf-8');
    expect(gbk.ok && gbk.values).toEqual(plain.ok && plain.values);
    expect(gbk.ok && gbk.values.map((v) => [v.regionId, v.value, v.note])).toEqual([
      ['tongchuan', 5.1, '县卫健局'],
      ['quxian', 82.5, undefined],
    ]);
  });

  it('refuses UTF-16 (Excel’s “Unicode 文本”) and .xls with a message saying how to save the file', async () => {
    const text = '指标\t年份\n每千人口床位数\t2017\n';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      le[2 + i * 2] = text.charCodeAt(i) & 0xff;
      le[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(await read(le)).toEqual({
      ok: false,
      errors: ['文件是UTF-16编码，请另存为UTF-8或GBK的CSV'],
    });
    expect(await read(le.subarray(2))).toEqual({
      ok: false,
      errors: ['文件是UTF-16编码，请另存为UTF-8或GBK的CSV'],
    });
    expect(await read(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0, 0))).toEqual({
      ok: false,
      errors: [
        '文件是Excel 97—2003工作簿（.xls），请在Excel或WPS中另存为“Excel工作簿（.xlsx）”后再导入',
      ],
    });
  });

  it('lists every invalid cell at its line and column with the entry grid’s message, and keeps the valid ones', async () => {
    const result = await read(
      utf8(
        [
          '指标,区域,年份,数值',
          '基本养老保险参保率,达州市,2017,150',
          '每千人口床位数,通川区,2017,-1',
          '每千人口病床,通川区,2017,5',
          '每千人口床位数,新区,2017,5',
          '每千人口床位数,开江县,2017,5',
          '每千人口床位数,渠县,2021,5',
          '每千人口床位数,渠县,2017,1 234',
          '每千人口床位数,渠县,2018,4.9',
          '每千人口床位数,渠县,2017.5,4.9',
          '每千人口床位数,渠县,2017-01-01T00:00:00.000Z,4.9',
        ].join('\n'),
      ),
    );
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.values.map((v) => [v.place, v.regionId, v.year, v.value])).toEqual([
      ['第9行 数值列', 'quxian', 2018, 4.9],
    ]);
    expect(result.problems.map((p) => `${p.place}：${p.message}`)).toEqual([
      '第2行 数值列（达州市·基本养老保险参保率·2017年）：百分比应在0—100之间（“150”）',
      '第3行 数值列（通川区·每千人口床位数·2017年）：单位为“张”的数值不能为负数（“-1”）',
      '第4行 指标列：本规划没有指标“每千人口病床”（请用规划中的准确名称或指标编号）',
      '第5行 区域列：本规划没有区域“新区”（已有区域：达州市、通川区、达川区、宣汉县、大竹县、渠县；新的区域请先在“数据录入”中添加）',
      '第6行 区域列：区域“开江县”已归档，请先在“数据录入”中恢复后再导入',
      '第7行 年份列（渠县·每千人口床位数）：年份“2021”不在2015—2020年之间',
      '第8行 数值列（渠县·每千人口床位数·2017年）：“1 234”中间有空格，请核对',
      // 2017.5 is inside 2015—2020 but no year (hostile test); a date gets a date's message.
      '第10行 年份列（渠县·每千人口床位数）：年份“2017.5”不是整数年份，请填写四位年份，如2017',
      '第11行 年份列（渠县·每千人口床位数）：年份是日期“2017-01-01”，请填写四位年份，如2017（可把单元格格式设为“常规”）',
    ]);
  });

  it('reads a wide table (a column per year) without a region column into the chosen region, saying so', async () => {
    const result = await read(
      utf8(
        '指标名称,单位,2016年,2017年,2018\n每千人口床位数,张,4.4,4.6,\n新增城镇就业人数,万人,3.5,,3.4\n',
      ),
      { ...ctx, defaultRegionId: 'tongchuan' },
    );
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.values.map((v) => [v.place, v.itemId, v.regionId, v.year, v.value])).toEqual([
      ['第2行 2016年列', BEDS, 'tongchuan', 2016, 4.4],
      ['第2行 2017年列', BEDS, 'tongchuan', 2017, 4.6],
      ['第3行 2016年列', JOBS, 'tongchuan', 2016, 3.5],
      ['第3行 2018列', JOBS, 'tongchuan', 2018, 3.4],
    ]);
    expect(result.warnings).toEqual(['文件没有“区域”列，数值归入所选区域“通川区”']);
  });

  it('refuses a table whose header it cannot recognise', async () => {
    expect(await read(utf8('名称,数\n床位,4\n'))).toEqual({
      ok: false,
      errors: [
        '文件：没有找到可识别的表头（需要“指标”列，以及“年份”“数值”两列，或“2016年”等年份列）',
      ],
    });
  });
});

describe('the import preview', () => {
  const stored = (over: Partial<StoredValue>): StoredValue => ({
    itemId: BEDS,
    regionId: 'tongchuan',
    year: 2016,
    value: 4.4,
    text: '4.4',
    dataStatus: 'final',
    note: '',
    source: '县卫健局',
    version: 2,
    updatedBy: '王评估',
    updatedAt: '2019-01-01T00:00:00.000Z',
    ...over,
  });

  it('sorts values into new, changed (old → new), unchanged and invalid, duplicates invalid at both places', async () => {
    const result = await read(
      utf8(
        [
          '指标,区域,年份,数值,数据状态',
          '每千人口床位数,通川区,2016,4.4,正式', // stored 4.4 正式: unchanged
          '每千人口床位数,通川区,2017,4.7,正式', // stored 4.6: changed
          '每千人口床位数,通川区,2018,4.8,初步', // stored 4.8 正式: changed (status)
          '每千人口床位数,渠县,2017,4.1,', // nothing stored: new
          '基本养老保险参保率,渠县,2017,81,', // twice: invalid
          '基本养老保险参保率,渠县,2017,82,',
          '基本养老保险参保率,渠县,2018,abc,',
        ].join('\n'),
      ),
    );
    if (!result.ok) throw new Error(result.errors.join());
    const preview = classifyReturns(result.values, result.problems, [
      stored({}),
      stored({ year: 2017, value: 4.6, version: 1 }),
      stored({ year: 2018, value: 4.8, version: 3 }),
      stored({ regionId: 'dachuan', year: 2017, value: 4.0 }),
    ]);
    expect(preview.unchanged.map((r) => [r.place, r.old?.value, r.value])).toEqual([
      ['第2行 数值列', 4.4, 4.4],
    ]);
    expect(
      preview.changed.map((r) => [r.place, r.old?.value, r.value, r.old?.version, r.dataStatus]),
    ).toEqual([
      ['第3行 数值列', 4.6, 4.7, 1, 'final'],
      ['第4行 数值列', 4.8, 4.8, 3, 'preliminary'],
    ]);
    expect(preview.added.map((r) => [r.place, r.regionId, r.value, r.old])).toEqual([
      ['第5行 数值列', 'quxian', 4.1, null],
    ]);
    expect(preview.invalid.map((p) => `${p.place}：${p.message}`)).toEqual([
      '第8行 数值列（渠县·基本养老保险参保率·2018年）：“abc”不是数字',
      '第6行 数值列：与第7行 数值列重复（同一区域、指标、年份），请只保留一个',
      '第7行 数值列：与第6行 数值列重复（同一区域、指标、年份），请只保留一个',
    ]);
  });
});

describe('reading departments’ returns: .xlsx', () => {
  it('reads a long sheet with typed numbers, a percentage-formatted share and a formula’s cached result', async () => {
    const bytes = await xlsx((book) => {
      const sheet = book.addWorksheet('部门报送');
      sheet.addRow(['某局2018年报送']);
      sheet.addRow([]);
      sheet.addRow(['区域', '指标', '年份', '数值', '备注']);
      sheet.addRow(['通川区', '每千人口床位数', 2018, 5.6, '']);
      const share = sheet.addRow(['渠县', '基本养老保险参保率', 2018, 0.825]);
      share.getCell(4).numFmt = '0.0%';
      sheet.addRow(['渠县', '每千人口床位数', 2018, { formula: 'D4-1.4', result: 4.2 }]);
      sheet.addRow(['渠县', '每千人口床位数', 2017, { formula: 'D4-1' }]);
      const date = sheet.addRow(['渠县', '每千人口床位数', 2016, new Date(Date.UTC(2016, 0, 4))]);
      date.getCell(4).numFmt = 'yyyy-mm-dd';
      sheet.addRow(['渠县', '新增城镇就业人数', 2016, true]);
    });
    const result = await read(bytes);
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.format).toBe('xlsx');
    expect(
      result.values.map((v) => [v.place, v.regionId, v.itemId, v.year, v.value, v.text]),
    ).toEqual([
      ['部门报送!D4', 'tongchuan', BEDS, 2018, 5.6, '5.6'],
      ['部门报送!D5', 'quxian', PENSION, 2018, 82.5, '82.5%'],
      ['部门报送!D6', 'quxian', BEDS, 2018, 4.2, '4.2'],
    ]);
    expect(result.warnings).toEqual([
      '部门报送!D6（渠县·每千人口床位数·2018年）：单元格为公式，已按其计算结果4.2读取，请核对',
    ]);
    expect(result.problems.map((p) => `${p.place}：${p.message}`)).toEqual([
      '部门报送!D7（渠县·每千人口床位数·2017年）：公式没有计算结果，请改为直接填写数值（复制后“选择性粘贴—数值”）',
      '部门报送!D8（渠县·每千人口床位数·2016年）：不是数值（日期），请填写数字',
      '部门报送!D9（渠县·新增城镇就业人数·2016年）：不是数值（逻辑值）',
    ]);
  });

  it('reads one sheet per region named after it (wide), names a sheet it cannot read, and refuses merged rows', async () => {
    const bytes = await xlsx((book) => {
      book.addWorksheet('填报说明').addRow(['请按年份填写']);
      const a = book.addWorksheet('通川区');
      a.addRow(['指标', '2016年实际值', '2017年实际值']);
      a.addRow(['每千人口床位数', 5.0, 5.2]);
      const b = book.addWorksheet('渠县');
      b.addRow(['指标', '2016', '2017']);
      b.addRow(['每千人口床位数', 4.0, 4.1]);
      const hidden = book.addWorksheet('旧数据');
      hidden.state = 'hidden';
      hidden.addRow(['指标', '2016']);
      hidden.addRow(['每千人口床位数', 9]);
    });
    const result = await read(bytes);
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.values.map((v) => [v.place, v.regionId, v.year, v.value])).toEqual([
      ['通川区!B2', 'tongchuan', 2016, 5.0],
      ['通川区!C2', 'tongchuan', 2017, 5.2],
      ['渠县!B2', 'quxian', 2016, 4.0],
      ['渠县!C2', 'quxian', 2017, 4.1],
    ]);
    expect(result.warnings).toEqual([
      '工作表“通川区”没有“区域”列，按工作表名称归入“通川区”',
      '工作表“渠县”没有“区域”列，按工作表名称归入“渠县”',
      '工作表“填报说明”：没有找到可识别的表头（需要“指标”列，以及“年份”“数值”两列，或“2016年”等年份列），未读取该工作表',
    ]);

    const merged = await xlsx((book) => {
      const sheet = book.addWorksheet('Sheet1');
      sheet.addRow(['区域', '指标', '2016年', '2017年']);
      sheet.addRow(['通川区', '每千人口床位数', 5.0, 5.2]);
      sheet.addRow(['', '基本养老保险参保率', 80, 81]);
      sheet.mergeCells('A2:A3');
    });
    expect(await read(merged)).toEqual({
      ok: false,
      errors: [
        '工作表“Sheet1”：单元格A2:A3被合并，请取消合并并在每一行填写完整的区域和指标后再导入',
      ],
    });

    // A hidden row (a department's draft or old figure) was read like any other (hostile test):
    // the file is refused with the row named, as for merged cells.
    const hidden = await xlsx((book) => {
      const sheet = book.addWorksheet('Sheet1');
      sheet.addRow(['区域', '指标', '2016年', '2017年']);
      sheet.addRow(['通川区', '每千人口床位数', 5.0, 5.2]);
      sheet.addRow(['通川区', '基本养老保险参保率', 80, 81]).hidden = true;
    });
    expect(await read(hidden)).toEqual({
      ok: false,
      errors: ['工作表“Sheet1”：第3行是隐藏行，请取消隐藏并核对（或删除该行）后再导入'],
    });
  });

  it(
    'refuses a huge sheet, a zip bomb and a workbook without any table',
    { timeout: 120_000 },
    async () => {
      const huge = await xlsx((book) => {
        const sheet = book.addWorksheet('Sheet1');
        sheet.addRow(['区域', '指标', '年份', '数值']);
        for (let i = 0; i < 20_001; i++) sheet.addRow(['通川区', '每千人口床位数', 2016, 5]);
      });
      expect(await read(huge)).toEqual({
        ok: false,
        errors: ['工作表“Sheet1”有20002行，超过上限20000行，未读取'],
      });
      const zip = new JSZip();
      zip.file('[Content_Types].xml', '<Types/>');
      zip.file('xl/media/image1.bin', new Uint8Array(120 * 1024 * 1024));
      const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
      expect(bomb.byteLength).toBeLessThan(1024 * 1024);
      expect(await read(bomb)).toEqual({
        ok: false,
        errors: ['文件解压后超过100MB，可能是恶意构造的文件（压缩炸弹），未读取'],
      });
      const empty = await xlsx((book) => book.addWorksheet('Sheet1').addRow(['你好']));
      expect(await read(empty)).toEqual({
        ok: false,
        errors: [
          '工作表“Sheet1”：没有找到可识别的表头（需要“指标”列，以及“年份”“数值”两列，或“2016年”等年份列）',
        ],
      });
    },
  );

  it('reads a filled 填报模板 by its key: bad cells are listed, the rest kept; an archived region’s cells refused', async () => {
    const template = await writeFillTemplate({
      plan: dazhou,
      regions: [
        { regionId: 'dazhou', name: '达州市', role: 'plan-area' },
        { regionId: 'kaijiang', name: '开江县', role: 'subregion' },
      ],
      itemIds: [BEDS, PENSION],
      years: [2016, 2017],
      createdAt: '2019-01-10T00:00:00.000Z',
    });
    // Rows: 4 达州市 基本养老保险参保率, 5 达州市 每千人口床位数, 6–7 开江县 the same; I–J 2016–2017.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template);
    const sheet = book.getWorksheet('填报表') as ExcelJS.Worksheet;
    sheet.getCell('I4').value = 101;
    sheet.getCell('J4').value = 80.5;
    sheet.getCell('I5').value = 4.4;
    sheet.getCell('K5').value = '暂定';
    sheet.getCell('I7').value = 3.9;
    const bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
    const result = await read(bytes);
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.format).toBe('template');
    expect(result.values.map((v) => [v.place, v.regionId, v.itemId, v.year, v.value])).toEqual([
      ['填报表!J4', 'dazhou', PENSION, 2017, 80.5],
    ]);
    expect(result.problems.map((p) => `${p.place}：${p.message}`)).toEqual([
      '填报表!I4（达州市·基本养老保险参保率·2016年）：百分比应在0—100之间（“101”）',
      '填报表!K5（达州市·每千人口床位数）：数据状态“暂定”应为“正式”或“初步”',
      '填报表!I7：区域“开江县”已归档，请先在“数据录入”中恢复后再导入',
    ]);
  });
});
