import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../catalog/schema';
import { loadAllPlans } from '../catalog/test-plans';
import type { ImplementationRecord } from '../implementation/model';
import {
  readChecklistSheet,
  writeChecklistSheet,
  type ChecklistSheetSpec,
} from './checklist-sheet';

// 周村区's checklist for 2018: 100 service items then 27 tasks, one row each from row 4, so
// 免费义务教育 (svc.education.1) is on row 4 and task.2 on row 105. Columns: A 序号, B 类别, C 领域,
// D 编号, E 事项, F 牵头单位, G 落实情况, H 依据说明（数据）, I 文件文号, J 牵头单位反馈.
const zhoucun = loadAllPlans().find((p) => p.id === 'zhoucun') as Plan;

const stored: ImplementationRecord[] = [
  {
    planId: 'zhoucun',
    subject: { kind: 'service', id: 'svc.education.2' },
    regionId: 'zhoucun',
    year: 2018,
    status: 'in_progress',
    evidence: '已发放上半年补助',
    documentRef: '',
    reply: '',
    by: '王评估',
    at: '2019-01-10T00:00:00.000Z',
  },
];

const SPEC: ChecklistSheetSpec = {
  plan: zhoucun,
  region: { regionId: 'zhoucun', name: '周村区' },
  year: 2018,
  records: stored,
  createdAt: '2019-01-10T00:00:00.000Z',
};

async function load(bytes: ArrayBuffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  return book;
}

/** Edits the filled sheet as a user would. */
async function fill(
  bytes: ArrayBuffer,
  edit: (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void,
): Promise<ArrayBuffer> {
  const book = await load(bytes);
  edit(book.getWorksheet('落实情况表') as ExcelJS.Worksheet, book);
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}

const template = writeChecklistSheet(SPEC);

describe('the 落实情况表 template', () => {
  it('lists every item and task of the plan, prefilled, with open status cells and a hidden key', async () => {
    const book = await load(await template);
    expect(book.worksheets.map((s) => s.name)).toEqual(['落实情况表', '填写说明', '_key']);
    expect(book.getWorksheet('_key')?.state).toBe('veryHidden');
    const sheet = book.getWorksheet('落实情况表') as ExcelJS.Worksheet;
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      '序号',
      '类别',
      '领域',
      '编号',
      '事项',
      '牵头单位',
      '落实情况',
      '依据说明（数据）',
      '文件文号',
      '牵头单位反馈',
    ]);
    expect(sheet.getCell('E4').value).toBe('免费义务教育');
    expect(sheet.getCell('B4').value).toBe('服务项目');
    expect(sheet.getCell('F4').value).toBe('区财政局、区教体局');
    // The stored 推进中 of 寄宿生生活补助 (row 5) is prefilled, with its evidence.
    expect(sheet.getCell('G5').value).toBe('推进中');
    expect(sheet.getCell('H5').value).toBe('已发放上半年补助');
    expect(sheet.getCell('B105').value).toBe('重点任务');
    expect(sheet.getCell('F105').value).toBe('区教体局牵头，其他有关部门按职责分工负责');
    expect(sheet.getCell('G4').protection?.locked).toBe(false);
    expect(sheet.getCell('E4').protection?.locked).not.toBe(false);
    expect(sheet.getCell('G4').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"已落实,推进中,未启动,未达标,不适用"'],
    });
    expect(sheet.rowCount).toBe(3 + 127);
  });

  it('reads back each row with its cells, statuses in the plans’ words', async () => {
    const filled = await fill(await template, (sheet) => {
      sheet.getCell('G4').value = '已落实';
      sheet.getCell('H4').value = '全区38所学校全部免除学杂费';
      sheet.getCell('I4').value = '周教体发〔2018〕12号';
      sheet.getCell('G105').value = ' 未达标 ';
      sheet.getCell('J105').value = '2019年列入预算';
      sheet.getCell('H105').value = '经费未到位';
    });
    const read = await readChecklistSheet(filled, zhoucun);
    if (!read.ok) throw new Error(read.errors.join('\n'));
    expect(read).toMatchObject({ regionId: 'zhoucun', regionName: '周村区', year: 2018 });
    expect(read.rows).toHaveLength(127);
    expect(read.rows[0]).toEqual({
      row: 4,
      subject: { kind: 'service', id: 'svc.education.1' },
      name: '免费义务教育',
      status: 'done',
      evidence: '全区38所学校全部免除学杂费',
      documentRef: '周教体发〔2018〕12号',
      reply: '',
      errors: [],
    });
    expect(read.rows[1]).toMatchObject({ status: 'in_progress', evidence: '已发放上半年补助' });
    expect(read.rows[101]).toMatchObject({
      subject: { kind: 'task', id: 'task.2' },
      status: 'below_standard',
      reply: '2019年列入预算',
    });
    expect(read.rows[2]).toMatchObject({ status: null, errors: [] });
  });

  it('reads a date Excel made of what was typed as the date it shows, not its day number (hostile test)', async () => {
    const filled = await fill(await template, (sheet) => {
      sheet.getCell('G4').value = '已落实';
      // "2018/5/1" typed into 依据 becomes day 43221 with a date format.
      sheet.getCell('H4').value = 43221;
      sheet.getCell('H4').numFmt = 'yyyy/m/d';
    });
    const read = await readChecklistSheet(filled, zhoucun);
    if (!read.ok) throw new Error(read.errors.join('\n'));
    expect(read.rows[0]).toMatchObject({ status: 'done', evidence: '2018-05-01' });
  });

  it('gives back stored text exactly, even text Excel would take for a formula when typed', async () => {
    const bytes = await writeChecklistSheet({
      ...SPEC,
      records: [
        { ...(stored[0] as ImplementationRecord), evidence: '-待核实', reply: '=区财政局意见' },
      ],
    });
    const read = await readChecklistSheet(bytes, zhoucun);
    expect(read.ok && read.rows[1]).toMatchObject({ evidence: '-待核实', reply: '=区财政局意见' });
  });

  it('names the cell of every row it cannot take, and still reads the others', async () => {
    const filled = await fill(await template, (sheet) => {
      sheet.getCell('G4').value = '完成';
      sheet.getCell('G6').value = '已落实';
      sheet.getCell('J7').value = '已布置';
      sheet.getCell('H8').value = 'x'.repeat(2001);
      sheet.getCell('G8').value = '推进中';
    });
    const read = await readChecklistSheet(filled, zhoucun);
    if (!read.ok) throw new Error(read.errors.join('\n'));
    const errors = (row: number) => read.rows.find((r) => r.row === row)?.errors;
    expect(errors(4)).toEqual([
      '落实情况表!G4（免费义务教育）：落实情况“完成”应为已落实、推进中、未启动、未达标、不适用之一',
    ]);
    expect(errors(6)).toEqual([
      '落实情况表!H6（学前教育政府助学金）：“已落实”或“未达标”须填写依据（说明、文件或数据）',
    ]);
    expect(errors(7)).toEqual([
      '落实情况表!G7（中等职业教育国家助学金）：填写了依据或反馈，但未选择落实情况',
    ]);
    expect(errors(8)).toEqual([
      '落实情况表!H8（免除建档立卡家庭经济困难儿童学前教育保教费）：依据过长（最多2000字）',
    ]);
  });

  it('refuses a file whose rows were moved or inserted, or that holds text outside the template', async () => {
    const moved = await fill(await template, (sheet) => {
      sheet.getCell('E5').value = '免费义务教育';
    });
    const read = await readChecklistSheet(moved, zhoucun);
    expect(read).toEqual({
      ok: false,
      errors: [
        '落实情况表第5行：应为“寄宿生生活补助”，实为“免费义务教育”；请勿插入、删除或移动行，请用原模板重新填写',
      ],
    });
    const outside = await fill(await template, (sheet) => {
      sheet.getCell('K4').value = '补充说明';
      sheet.getCell('A140').value = '新增事项';
    });
    expect(await readChecklistSheet(outside, zhoucun)).toEqual({
      ok: false,
      errors: [
        '落实情况表!K4：在模板范围之外有内容“补充说明”，请只在模板的浅黄色单元格中填写',
        '落实情况表!A140：在模板范围之外有内容“新增事项”，请只在模板的浅黄色单元格中填写',
      ],
    });
  });

  it('refuses merged cells, a formula without a result, another plan’s file and one without a key', async () => {
    const merged = await fill(await template, (sheet) => sheet.mergeCells('H4:J4'));
    expect(await readChecklistSheet(merged, zhoucun)).toEqual({
      ok: false,
      errors: ['落实情况表：单元格H4:J4被合并，请取消合并后按原模板填写'],
    });
    const hidden = await fill(await template, (sheet) => {
      sheet.getRow(5).hidden = true;
    });
    expect(await readChecklistSheet(hidden, zhoucun)).toEqual({
      ok: false,
      errors: ['落实情况表：第5行是隐藏行，请取消隐藏并核对后再导入'],
    });
    const formula = await fill(await template, (sheet) => {
      sheet.getCell('G4').value = { formula: 'IF(1,"已落实","")' } as ExcelJS.CellFormulaValue;
    });
    const read = await readChecklistSheet(formula, zhoucun);
    expect(read.ok && read.rows[0]?.errors).toEqual([
      '落实情况表!G4（免费义务教育）：公式没有计算结果，请改为直接填写文字',
    ]);
    const dazhou = loadAllPlans().find((p) => p.id === 'dazhou') as Plan;
    expect(await readChecklistSheet(await template, dazhou)).toEqual({
      ok: false,
      errors: [
        '这是《周村区推进基本公共服务均等化“十三五”规划》的落实情况表，不是当前规划《达州市“十三五”基本公共服务均等化规划》的，未读取；请先在页首切换到该规划',
      ],
    });
    const noKey = await fill(await template, (_sheet, book) => {
      book.removeWorksheet((book.getWorksheet('_key') as ExcelJS.Worksheet).id);
    });
    expect(await readChecklistSheet(noKey, zhoucun)).toEqual({
      ok: false,
      errors: ['不是本系统生成的落实情况表（缺少模板标识），请使用从“服务清单”页下载的模板'],
    });
  });

  it('refuses a zip bomb before parsing it, and what is not an .xlsx at all', async () => {
    const zip = new JSZip();
    zip.file('xl/worksheets/sheet1.xml', '0'.repeat(8_000_000));
    const bomb = await zip.generateAsync({ type: 'arraybuffer', compression: 'DEFLATE' });
    const read = await readChecklistSheet(bomb, zhoucun, { maxUncompressedBytes: 1_000_000 });
    expect(read.ok).toBe(false);
    expect(!read.ok && read.errors[0]).toMatch(/解压后超过/);
    expect(
      await readChecklistSheet(new TextEncoder().encode('序号,事项\n1,a').buffer, zhoucun),
    ).toEqual({ ok: false, errors: [expect.stringMatching(/不是有效的 \.xlsx 文件|不是 \.xlsx/)] });
  });
});
