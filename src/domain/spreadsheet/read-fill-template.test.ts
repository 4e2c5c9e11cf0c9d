import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { indexValues } from '../assessment/plan';
import { BEDS, JOBS, PENSION, dazhou, plan } from '../report/test-input';
import { writeFillTemplate, type FillTemplateSpec } from './fill-template';
import { readFillTemplate } from './read-fill-template';

// The template for 达州市 and 通川区, three items, 2016–2018. Rows follow the plan's order
// within each region: 4 达州市 新增城镇就业人数, 5 基本养老保险参保率, 6 每千人口床位数, 7–9 通川区
// the same; columns I–K are 2016–2018, L 数据状态, M 备注.
const SPEC: FillTemplateSpec = {
  plan: dazhou,
  regions: [
    { regionId: 'dazhou', name: '达州市', role: 'plan-area' },
    { regionId: 'tongchuan', name: '通川区', role: 'subregion' },
  ],
  itemIds: [BEDS, JOBS, PENSION],
  years: [2016, 2017, 2018],
  createdAt: '2019-01-10T00:00:00.000Z',
};

async function load(bytes: ArrayBuffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  return book;
}

/** Fills the template as a user would: by the names and headers they see. */
async function fill(
  bytes: ArrayBuffer,
  edit: (
    sheet: ExcelJS.Worksheet,
    at: (region: string, item: string, header: string) => ExcelJS.Cell,
  ) => void,
): Promise<ArrayBuffer> {
  const book = await load(bytes);
  const sheet = book.getWorksheet('填报表') as ExcelJS.Worksheet;
  const at = (region: string, item: string, header: string) => {
    let column = 0;
    sheet.getRow(3).eachCell((cell, c) => {
      if (cell.value === header) column = c;
    });
    let row = 0;
    sheet.eachRow((r, n) => {
      if (r.getCell(2).value === region && r.getCell(4).value === item) row = n;
    });
    if (!row || !column) throw new Error(`${region} ${item} ${header}`);
    return sheet.getCell(row, column);
  };
  edit(sheet, at);
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}

const template = writeFillTemplate(SPEC);

describe('the 填报模板', () => {
  it('locks names, units, baselines and targets, opens the year cells with decimal validation, hides its key', async () => {
    const book = await load(await template);
    expect(book.worksheets.map((s) => s.name)).toEqual(['填报表', '填报说明', '_key']);
    expect((book.getWorksheet('_key') as ExcelJS.Worksheet).state).toBe('veryHidden');
    const sheet = book.getWorksheet('填报表') as ExcelJS.Worksheet;
    // Protected without a password (no hash); "0" lifts a lock: widening columns and rows and
    // filtering stay allowed, while sorting and inserting or deleting rows stay locked.
    const xml = await (
      await JSZip.loadAsync(await template)
    )
      .file('xl/worksheets/sheet1.xml')
      ?.async('string');
    expect(xml?.match(/<sheetProtection[^>]*>/)?.[0]).toBe(
      '<sheetProtection sheet="1" formatColumns="0" formatRows="0" autoFilter="0"/>',
    );
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      '序号',
      '区域',
      '领域',
      '指标',
      '单位',
      '填报口径',
      '2015年基期值',
      '2020年目标值',
      '2016年',
      '2017年',
      '2018年',
      '数据状态',
      '备注',
    ]);
    expect(sheet.getRow(6).values).toEqual([
      undefined,
      6 - 3,
      '达州市',
      '基本医疗和公共卫生服务',
      '每千人口床位数',
      '张',
      '年末数（当年值）',
      4.31,
      '5.70张',
    ]);
    // A county's row: no city baseline, no city total.
    expect(sheet.getCell('G7').value).toBe('—');
    expect(sheet.getCell('H7').value).toBe('—');
    expect(sheet.getCell('F7').value).toBe('当年完成量');
    expect(sheet.getCell('D4').protection?.locked).not.toBe(false);
    expect(sheet.getCell('J6').protection).toMatchObject({ locked: false });
    // The value rules of the entry grid (valueRuleFor): a count in 张 is 0 to 10^12.
    expect(sheet.getCell('J6').dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'between',
      formulae: [0, 1e12],
    });
    expect(sheet.getCell('K5').dataValidation).toMatchObject({
      operator: 'between',
      formulae: [0, 100],
    });
    expect(sheet.getCell('L4').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"正式,初步"'],
    });
    const guide = (book.getWorksheet('填报说明') as ExcelJS.Worksheet)
      .getColumn(1)
      .values.join('\n');
    expect(guide).toContain('每年填写当年完成的数量，不填自规划期初以来的累计数');
    expect(guide).toContain('96.98%填96.98');
    expect(guide).toContain('填报联系人：__________');
  });

  it('reads back what was filled, with the cell each value came from', async () => {
    const filled = await fill(await template, (_sheet, at) => {
      at('达州市', '新增城镇就业人数', '2016年').value = 3.5;
      at('达州市', '新增城镇就业人数', '数据状态').value = '初步';
      at('达州市', '新增城镇就业人数', '备注').value = '市人社局快报';
      at('达州市', '基本养老保险参保率', '2018年').value = '82.5%';
      at('通川区', '每千人口床位数', '2017年').value = 5.1;
    });
    const result = await readFillTemplate(filled, dazhou);
    expect(result).toEqual({
      ok: true,
      planId: 'dazhou',
      version: 1,
      warnings: [],
      values: [
        {
          cell: 'I4',
          itemId: JOBS,
          regionId: 'dazhou',
          year: 2016,
          value: 3.5,
          text: '3.5',
          dataStatus: 'preliminary',
          note: '市人社局快报',
          isFromFormula: false,
        },
        {
          cell: 'K5',
          itemId: PENSION,
          regionId: 'dazhou',
          year: 2018,
          value: 82.5,
          text: '82.5%',
          dataStatus: 'final',
          note: '',
          isFromFormula: false,
        },
        {
          cell: 'J9',
          itemId: BEDS,
          regionId: 'tongchuan',
          year: 2017,
          value: 5.1,
          text: '5.1',
          dataStatus: 'final',
          note: '',
          isFromFormula: false,
        },
      ],
    });
  });

  it('prefills stored values, which read back unchanged', async () => {
    const values = indexValues([{ itemId: BEDS, regionId: 'dazhou', year: 2016, value: 4.4 }]);
    const bytes = await writeFillTemplate({ ...SPEC, values });
    const result = await readFillTemplate(bytes, dazhou);
    expect(result.ok && result.values.map((v) => [v.cell, v.value])).toEqual([['I6', 4.4]]);
  });

  it('reads a share typed as 82.5% (which Excel stores as 0.825) as 82.5, and refuses a % format on beds', async () => {
    const filled = await fill(await template, (_sheet, at) => {
      const share = at('达州市', '基本养老保险参保率', '2016年');
      share.value = 0.825;
      share.style = { ...share.style, numFmt: '0.0%' };
      const beds = at('达州市', '每千人口床位数', '2016年');
      beds.value = 0.044;
      beds.style = { ...beds.style, numFmt: '0%' };
    });
    const result = await readFillTemplate(filled, dazhou);
    expect(result).toEqual({
      ok: false,
      errors: [
        '填报表!I6（达州市·每千人口床位数·2016年）：单元格格式为百分比，但本指标单位为“张”，请填写数值',
      ],
    });
    const share = await fill(await template, (_sheet, at) => {
      const cell = at('达州市', '基本养老保险参保率', '2016年');
      cell.value = 0.825;
      cell.style = { ...cell.style, numFmt: '0.0%' };
    });
    const ok = await readFillTemplate(share, dazhou);
    expect(ok.ok && ok.values[0]).toMatchObject({ cell: 'I5', value: 82.5 });
  });
});

describe('the entry grid’s value rules (value-rules.ts)', () => {
  it('reads a gross enrolment rate above 100% and a tiny number exactly, refusing what the grid refuses', async () => {
    const PRESCHOOL = 'education.preschool-gross-enrollment';
    const spec = { ...SPEC, regions: [SPEC.regions[0]], itemIds: [PRESCHOOL, JOBS, PENSION] };
    const filled = await fill(await writeFillTemplate(spec as FillTemplateSpec), (_sheet, at) => {
      at('达州市', '学前三年毛入学率', '2016年').value = 103.5;
      at('达州市', '新增城镇就业人数', '2016年').value = 0.0000001;
      at('达州市', '基本养老保险参保率', '2016年').value = 103.5;
    });
    const result = await readFillTemplate(filled, dazhou);
    expect(result).toEqual({
      ok: false,
      errors: ['填报表!I6（达州市·基本养老保险参保率·2016年）：百分比应在0—100之间（“103.5”）'],
    });
    const fixed = await fill(filled, (_sheet, at) => {
      at('达州市', '基本养老保险参保率', '2016年').value = 83.5;
    });
    const read = await readFillTemplate(fixed, dazhou);
    if (!read.ok) throw new Error(read.errors.join('\n'));
    expect(read.values.map((v) => [v.itemId, v.value, v.text])).toEqual([
      [PRESCHOOL, 103.5, '103.5'],
      [JOBS, 1e-7, '0.0000001'],
      [PENSION, 83.5, '83.5'],
    ]);
  });
});

describe('hostile or damaged files', () => {
  it('takes a formula’s cached result with a warning, and refuses a formula without one', async () => {
    const cached = await fill(await template, (_sheet, at) => {
      at('达州市', '每千人口床位数', '2016年').value = { formula: '4.4*1', result: 4.4 };
    });
    const result = await readFillTemplate(cached, dazhou);
    expect(result.ok && result.values[0]).toMatchObject({
      cell: 'I6',
      value: 4.4,
      isFromFormula: true,
    });
    expect(result.ok && result.warnings).toEqual([
      '填报表!I6（达州市·每千人口床位数·2016年）：单元格为公式，已按其计算结果4.4读取，请核对',
    ]);
    // A result Excel keeps to 17 digits (14/3) is read to Excel's own 15, the precision the
    // entry grid accepts, not as 4.666666666666667 (hostile test).
    const division = await fill(await template, (_sheet, at) => {
      at('达州市', '每千人口床位数', '2016年').value = { formula: '14/3', result: 14 / 3 };
    });
    const divided = await readFillTemplate(division, dazhou);
    expect(divided.ok && divided.values[0]?.value).toBe(4.66666666666667);
    expect(divided.ok && divided.warnings).toEqual([
      '填报表!I6（达州市·每千人口床位数·2016年）：单元格为公式，已按其计算结果4.66666666666667读取，请核对',
    ]);
    const uncached = await fill(await template, (_sheet, at) => {
      at('达州市', '每千人口床位数', '2016年').value = {
        formula: 'SUM(X1:X9)',
      } as ExcelJS.CellFormulaValue;
    });
    expect(await readFillTemplate(uncached, dazhou)).toEqual({
      ok: false,
      errors: [
        '填报表!I6（达州市·每千人口床位数·2016年）：公式没有计算结果，请改为直接填写数值（复制后“选择性粘贴—数值”）',
      ],
    });
  });

  it('refuses merged cells in the data area, naming them', async () => {
    const merged = await fill(await template, (sheet) => {
      sheet.unprotect();
      sheet.mergeCells('I4:J4');
    });
    expect(await readFillTemplate(merged, dazhou)).toEqual({
      ok: false,
      errors: ['填报表：单元格I4:J4被合并，请取消合并后按原模板填写'],
    });
  });

  it('refuses a hidden row in the data area, naming it', async () => {
    const hidden = await fill(await template, (sheet) => {
      sheet.getRow(4).hidden = true;
    });
    expect(await readFillTemplate(hidden, dazhou)).toEqual({
      ok: false,
      errors: ['填报表：第4行是隐藏行，请取消隐藏并核对后再导入'],
    });
  });

  it('names every cell that holds no number, and writes nothing', async () => {
    const wrong = await fill(await template, (_sheet, at) => {
      at('达州市', '每千人口床位数', '2016年').value = '约4.5';
      at('达州市', '每千人口床位数', '2017年').value = true;
      // What Excel stores when someone types 2018-1-1: a day number with a date format.
      // (A new style object: cells loaded by ExcelJS share theirs.)
      const date = at('达州市', '每千人口床位数', '2018年');
      date.value = new Date(Date.UTC(2018, 0, 1));
      date.style = { ...date.style, numFmt: 'yyyy-mm-dd' };
      at('通川区', '每千人口床位数', '2016年').value = -3;
      at('通川区', '每千人口床位数', '数据状态').value = '估计';
      at('通川区', '每千人口床位数', '2017年').value = 5; // valid, but the file is refused as a whole
    });
    expect(await readFillTemplate(wrong, dazhou)).toEqual({
      ok: false,
      errors: [
        '填报表!I6（达州市·每千人口床位数·2016年）：“约4.5”不是数字',
        '填报表!J6（达州市·每千人口床位数·2017年）：不是数值（逻辑值）',
        '填报表!K6（达州市·每千人口床位数·2018年）：不是数值（日期），请填写数字',
        '填报表!I9（通川区·每千人口床位数·2016年）：单位为“张”的数值不能为负数（“-3”）',
        '填报表!L9（通川区·每千人口床位数）：数据状态“估计”应为“正式”或“初步”',
      ],
    });
  });

  it('refuses a row that no longer shows the item and region the key names (moved or inserted rows)', async () => {
    const moved = await fill(await template, (sheet) => {
      sheet.unprotect();
      sheet.spliceRows(5, 0, [99, '达州市', '', '插入的行']);
    });
    const result = await readFillTemplate(moved, dazhou);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toBe(
      '填报表第5行：应为“达州市·基本养老保险参保率”，实为“达州市·插入的行”；请勿插入、删除或移动行，请用原模板重新填写',
    );
  });

  it('refuses values typed outside the template’s rows', async () => {
    const outside = await fill(await template, (sheet) => {
      sheet.getCell('J12').value = 7;
    });
    expect(await readFillTemplate(outside, dazhou)).toEqual({
      ok: false,
      errors: ['填报表!J12：在模板范围之外有内容“7”，请只在模板的浅黄色单元格中填写'],
    });
  });

  it('refuses a template of another plan, a file without a key and a key of a later version', async () => {
    expect(await readFillTemplate(await template, plan('zhoucun'))).toEqual({
      ok: false,
      errors: [
        '这是《达州市“十三五”基本公共服务均等化规划》的填报模板，不是当前规划《周村区推进基本公共服务均等化“十三五”规划》的，未读取；请先在页首切换到该规划',
      ],
    });
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Sheet1').getCell('A1').value = 1;
    expect(await readFillTemplate((await plain.xlsx.writeBuffer()) as ArrayBuffer, dazhou)).toEqual(
      {
        ok: false,
        errors: ['不是本系统生成的填报模板（缺少模板标识），请使用从“报告”页下载的模板'],
      },
    );
    const later = await load(await template);
    (later.getWorksheet('_key') as ExcelJS.Worksheet).getCell('B2').value = 2;
    expect(await readFillTemplate((await later.xlsx.writeBuffer()) as ArrayBuffer, dazhou)).toEqual(
      {
        ok: false,
        errors: ['模板格式为第2版，本系统只能读取第1版，请更新系统或使用新下载的模板'],
      },
    );
  });

  it('refuses a sheet with more rows than the limit before reading its cells', async () => {
    const huge = await fill(await template, (sheet) => {
      sheet.getCell('A5000').value = 'x';
    });
    expect(await readFillTemplate(huge, dazhou, { maxRows: 1000 })).toEqual({
      ok: false,
      errors: ['“填报表”有5000行，超过上限1000行，不是本系统的填报模板或已被改动，未读取'],
    });
  });

  it('refuses a zip bomb before parsing it, even one whose declared sizes lie', async () => {
    const zip = await JSZip.loadAsync(await template);
    // 8 MB of zeros deflate to about 8 kB.
    zip.file('xl/media/image1.bin', new Uint8Array(8 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const limits = { maxUncompressedBytes: 4 * 1024 * 1024 };
    expect(bomb.byteLength).toBeLessThan(200 * 1024);
    const refused = {
      ok: false,
      errors: ['文件解压后超过4MB，可能是恶意构造的文件（压缩炸弹），未读取'],
    };
    expect(await readFillTemplate(bomb, dazhou, limits)).toEqual(refused);
    // The same file with every declared size rewritten to 100 bytes.
    const liar = lieAboutSizes(bomb);
    expect(await readFillTemplate(liar, dazhou, limits)).toEqual(refused);
  });

  it('does not expand XML entities (billion laughs): the file is refused, quickly', async () => {
    const zip = await JSZip.loadAsync(await template);
    const lol = ['<!ENTITY lol0 "lol">'];
    for (let i = 1; i < 10; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    zip.file(
      'xl/sharedStrings.xml',
      `<?xml version="1.0"?><!DOCTYPE lolz [${lol.join('')}]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>`,
    );
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const started = Date.now();
    const result = await readFillTemplate(bytes, dazhou);
    expect(result).toEqual({
      ok: false,
      errors: ['文件无法读取：不是有效的 .xlsx 文件，或已损坏'],
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses what is not an .xlsx at all', async () => {
    expect(
      await readFillTemplate(new TextEncoder().encode('指标,年份\n床位,4.4').buffer, dazhou),
    ).toEqual({
      ok: false,
      errors: ['不是有效的 .xlsx 文件（无法识别的压缩格式）'],
    });
  });
});

/** Rewrites the uncompressed size of every entry, in the central directory and local headers. */
function lieAboutSizes(zip: Uint8Array): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x02014b50) view.setUint32(i + 24, 100, true);
    if (signature === 0x04034b50) view.setUint32(i + 22, 100, true);
  }
  return out;
}
