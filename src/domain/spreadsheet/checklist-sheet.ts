import ExcelJS from 'exceljs';
import {
  decodeAddress,
  hiddenRows,
  isDateFormat,
  plainText,
  titledPlan,
} from './read-fill-template';
import type { Plan } from '../catalog/schema';
import { neutralizeFormula } from '../csv/write-csv';
import {
  IMPLEMENTATION_LABELS,
  IMPLEMENTATION_STATUSES,
  MAX_TEXT,
  subjectsOf,
  validateImplementation,
  type ImplementationRecord,
  type ImplementationStatus,
  type Subject,
} from '../implementation/model';
import { HEAD_FILL, OPEN_FILL, SHEET_PROTECTION } from './fill-template';
import { BORDER, toArrayBuffer } from './xlsx-tables';
import { checkZip, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-guard';

/**
 * The 落实情况表: an Excel workbook of one region's service-list items and key tasks for one
 * year, for lead units to fill with their implementation status, evidence and reply, and for the
 * app to read back (the bulk update of 服务清单). Built like the 填报模板 (fill-template.ts): one
 * sheet, locked names, open yellow cells (the status with a list of the five statuses), a very
 * hidden key naming the plan, region, year and the item of every row. The reader goes by the key,
 * checks each row still shows its item, and returns every row with the problems found at its
 * cells; what to do with them (preview, all or nothing) is the page's (docs/implementation.md).
 */
export const CHECKLIST_FORMAT = 'gongfu-monitor-checklist';
export const CHECKLIST_VERSION = 1;
export const CHECKLIST_SHEET = '落实情况表';
export const CHECKLIST_GUIDE_SHEET = '填写说明';
export const CHECKLIST_KEY_SHEET = '_key';

export const CHECKLIST_LAYOUT = {
  headerRow: 3,
  firstDataRow: 4,
  columns: {
    number: 1,
    kind: 2,
    domain: 3,
    printedNumber: 4,
    name: 5,
    lead: 6,
    status: 7,
    evidence: 8,
    documentRef: 9,
    reply: 10,
  },
  lastColumn: 10,
} as const;

const KEY_FIELDS = [
  'format',
  'version',
  'planId',
  'regionId',
  'regionName',
  'year',
  'createdAt',
] as const;
const KEY_TABLE_ROW = KEY_FIELDS.length + 2;

export interface ChecklistSheetSpec {
  plan: Plan;
  region: { regionId: string; name: string };
  year: number;
  /** Records of the region and year already stored: prefilled, so a unit corrects rather than retypes. */
  records: readonly ImplementationRecord[];
  createdAt: string;
}

const ZH = IMPLEMENTATION_LABELS['zh-CN'];
const STATUS_WORDS = IMPLEMENTATION_STATUSES.map((s) => ZH[s]);
const STATUS_BY_WORD = new Map(IMPLEMENTATION_STATUSES.map((s) => [ZH[s], s]));

/** What a row shows for its item: a service's name, a task's text. */
function subjectRow(plan: Plan, item: ReturnType<typeof subjectsOf>[number]) {
  const domainName = new Map(plan.domains.map((d) => [d.id, d.name]));
  if (item.kind === 'service') {
    const service = plan.services.find((s) => s.id === item.id);
    return {
      kind: '服务项目',
      domain: service ? (domainName.get(service.domain) ?? '') : '',
      number: service?.number ?? '',
      name: service?.name ?? item.id,
      lead: service?.leadUnit ?? '',
    };
  }
  const task = plan.tasks.find((t) => t.id === item.id);
  return {
    kind: '重点任务',
    domain: task?.domain ? (domainName.get(task.domain) ?? '') : '综合',
    number: task?.number ?? '',
    name: task?.text ?? item.id,
    lead: task?.responsibleText ?? task?.leadUnit ?? '',
  };
}

export async function writeChecklistSheet(spec: ChecklistSheetSpec): Promise<ArrayBuffer> {
  const { plan, region, year } = spec;
  const L = CHECKLIST_LAYOUT;
  const stored = new Map(
    spec.records
      .filter((r) => r.regionId === region.regionId && r.year === year)
      .map((r) => [`${r.subject.kind}:${r.subject.id}`, r]),
  );
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '基本公共服务均等化规划监测评估';
  const sheet = workbook.addWorksheet(CHECKLIST_SHEET, {
    views: [{ state: 'frozen', xSplit: L.columns.name, ySplit: L.headerRow }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  sheet.getCell(1, 1).value = neutralizeFormula(
    `《${plan.name}》服务清单和重点任务落实情况表（${region.name}，${year}年）`,
  );
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(2, 1).value =
    '请只在浅黄色单元格中填写；其余单元格已锁定。“已落实”“未达标”须填写依据（说明、数据或文件文号）。详见“填写说明”。';
  const headers = [
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
  ];
  const widths = [6, 9, 16, 6, 40, 22, 10, 36, 20, 30];
  headers.forEach((header, i) => {
    const cell = sheet.getCell(L.headerRow, i + 1);
    cell.value = header;
    cell.font = { bold: true };
    cell.fill = HEAD_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    sheet.getColumn(i + 1).width = widths[i] ?? 10;
  });

  const keyRows: Array<[number, string, string, string]> = [];
  let row = L.firstDataRow;
  for (const item of subjectsOf(plan)) {
    const shown = subjectRow(plan, item);
    const record = stored.get(`${item.kind}:${item.id}`);
    const locked: Array<string | number> = [
      row - L.firstDataRow + 1,
      shown.kind,
      shown.domain,
      shown.number,
      shown.name,
      shown.lead,
    ];
    locked.forEach((value, i) => {
      const cell = sheet.getCell(row, i + 1);
      cell.value = typeof value === 'string' ? neutralizeFormula(value) : value;
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', wrapText: i === 4 || i === 5 };
    });
    const open: Array<[number, string]> = [
      [L.columns.status, record ? ZH[record.status] : ''],
      [L.columns.evidence, record?.evidence ?? ''],
      [L.columns.documentRef, record?.documentRef ?? ''],
      [L.columns.reply, record?.reply ?? ''],
    ];
    for (const [column, value] of open) {
      const cell = sheet.getCell(row, column);
      // Stored text goes back as written (a string cell is never a formula in .xlsx), so that
      // an unchanged row reads back unchanged; only the locked cells are neutralised.
      cell.value = value || null;
      cell.protection = { locked: false };
      cell.fill = OPEN_FILL;
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', wrapText: true };
    }
    sheet.getCell(row, L.columns.status).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${STATUS_WORDS.join(',')}"`],
      showErrorMessage: true,
      errorTitle: '落实情况',
      error: `请选择${STATUS_WORDS.join('、')}之一；未掌握情况的留空`,
    };
    keyRows.push([row, item.kind, item.id, shown.name]);
    row++;
  }
  sheet.autoFilter = {
    from: { row: L.headerRow, column: 1 },
    to: { row: L.headerRow, column: L.lastColumn },
  };
  await sheet.protect('', SHEET_PROTECTION);

  const guide = workbook.addWorksheet(CHECKLIST_GUIDE_SHEET);
  guide.getColumn(1).width = 110;
  [
    '填写说明',
    `一、本表用于报送《${plan.name}》服务清单事项和重点任务在${region.name}${year}年的落实情况。请只在“${CHECKLIST_SHEET}”工作表的浅黄色单元格中填写，不要增删行列、不要移动行、不要改动其他单元格（已锁定）。`,
    `二、“落实情况”从下拉列表中选择：已落实（达到清单标准或完成任务）、推进中（已启动，尚未达到）、未启动、未达标（已实施但未达到清单标准）、不适用（本地区不涉及）。未掌握情况的留空，系统不作改动。`,
    '三、选择“已落实”或“未达标”的，须在“依据说明（数据）”或“文件文号”中写明依据，如实施文件的文号、覆盖人数、资金额度等。',
    '四、“牵头单位反馈”填写牵头单位对落实情况的说明或意见。每个单元格不超过2000字。',
    '五、请直接填写文字，不要使用公式。',
    `六、本表由基本公共服务均等化规划监测评估系统生成（规划编号 ${plan.id}，区域 ${region.name}，${year}年，表格格式第${CHECKLIST_VERSION}版，${spec.createdAt.slice(0, 10)}），请勿更改工作表名称。已录入系统的落实情况已预先填入，请核对。`,
  ].forEach((line, i) => {
    const cell = guide.getCell(i + 1, 1);
    cell.value = neutralizeFormula(line);
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) cell.font = { bold: true, size: 14 };
  });

  const key = workbook.addWorksheet(CHECKLIST_KEY_SHEET, { state: 'veryHidden' });
  const fields: Record<(typeof KEY_FIELDS)[number], string | number> = {
    format: CHECKLIST_FORMAT,
    version: CHECKLIST_VERSION,
    planId: plan.id,
    regionId: region.regionId,
    regionName: region.name,
    year,
    createdAt: spec.createdAt,
  };
  KEY_FIELDS.forEach((name, i) => {
    key.getCell(i + 1, 1).value = name;
    key.getCell(i + 1, 2).value = fields[name];
  });
  ['row', 'kind', 'subjectId', 'name'].forEach(
    (h, i) => (key.getCell(KEY_TABLE_ROW, i + 1).value = h),
  );
  keyRows.forEach((r, i) =>
    r.forEach((v, j) => (key.getCell(KEY_TABLE_ROW + 1 + i, j + 1).value = v)),
  );
  await key.protect('', { selectLockedCells: true });
  return toArrayBuffer(await workbook.xlsx.writeBuffer());
}

/** One row as read: the item, what was filled, and the problems found at its cells. */
export interface ChecklistRow {
  /** The sheet row (1-based). */
  row: number;
  subject: Subject;
  name: string;
  /** null: left blank (the app changes nothing for it). */
  status: ImplementationStatus | null;
  evidence: string;
  documentRef: string;
  reply: string;
  /** "落实情况表!G12（事项）：…"; empty when the row can be taken. */
  errors: string[];
}

export type ChecklistReadResult =
  | {
      ok: true;
      planId: string;
      regionId: string;
      regionName: string;
      year: number;
      rows: ChecklistRow[];
      warnings: string[];
    }
  | { ok: false; errors: string[] };

export interface ChecklistReadLimits extends ZipLimits {
  maxRows: number;
}

export const DEFAULT_CHECKLIST_LIMITS: ChecklistReadLimits = {
  ...DEFAULT_ZIP_LIMITS,
  maxRows: 5000,
};

const fail = (...errors: string[]): ChecklistReadResult => ({ ok: false, errors });

/** A cell's text, a formula's cached result (with a warning), or why it cannot be read. */
function readText(
  cell: ExcelJS.Cell,
): { text: string; isFromFormula: boolean } | { error: string } {
  const raw = cell.value;
  if (
    raw !== null &&
    typeof raw === 'object' &&
    !(raw instanceof Date) &&
    ('formula' in raw || 'sharedFormula' in raw)
  ) {
    const result = (raw as ExcelJS.CellFormulaValue).result;
    if (
      result === undefined ||
      result === null ||
      (typeof result === 'object' && 'error' in result)
    ) {
      return { error: '公式没有计算结果，请改为直接填写文字' };
    }
    return { text: plainText(result as ExcelJS.CellValue).trim(), isFromFormula: true };
  }
  if (raw !== null && typeof raw === 'object' && 'error' in raw) {
    return { error: `不是文字（错误值${String(raw.error)}）` };
  }
  // Excel turns a typed "2018/5/1" into a day number with a date format (or ExcelJS into a Date):
  // the text is the date the department saw, not 43221.
  if (raw instanceof Date) return { text: isoDay(raw), isFromFormula: false };
  if (typeof raw === 'number' && isDateFormat(cell.numFmt)) {
    return {
      text: isoDay(new Date(Math.round((raw - 25_569) * 86_400_000))),
      isFromFormula: false,
    };
  }
  return { text: plainText(raw).trim(), isFromFormula: false };
}

/** A date's day by its UTC fields, as Excel's day numbers and ExcelJS's Dates encode it. */
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Reads a filled 落实情况表. File-level problems (not this app's sheet, another plan, rows moved
 * or inserted, merged cells, text outside the template, a zip bomb) refuse the file; problems of
 * a row (a status not in the list, 已落实 without evidence, text too long, a formula without a
 * result) are returned with the row, naming the cell, so that a preview can show them.
 */
export async function readChecklistSheet(
  data: ArrayBuffer | Uint8Array,
  plan: Plan,
  limits: Partial<ChecklistReadLimits> = {},
): Promise<ChecklistReadResult> {
  const limit = { ...DEFAULT_CHECKLIST_LIMITS, ...limits };
  const zipProblem = await checkZip(data, limit);
  if (zipProblem) return fail(zipProblem);
  const book = new ExcelJS.Workbook();
  try {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    await book.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch {
    return fail('文件无法读取：不是有效的 .xlsx 文件，或已损坏');
  }
  const key = book.getWorksheet(CHECKLIST_KEY_SHEET);
  if (!key)
    return fail('不是本系统生成的落实情况表（缺少模板标识），请使用从“服务清单”页下载的模板');
  const field = (name: (typeof KEY_FIELDS)[number]) =>
    key.getCell(KEY_FIELDS.indexOf(name) + 1, 2).value;
  if (field('format') !== CHECKLIST_FORMAT) {
    return fail('不是本系统生成的落实情况表（模板标识不符），请使用从“服务清单”页下载的模板');
  }
  if (field('version') !== CHECKLIST_VERSION) {
    return fail(
      `表格格式为第${plainText(field('version'))}版，本系统只能读取第${CHECKLIST_VERSION}版，请更新系统或使用新下载的模板`,
    );
  }
  const planId = plainText(field('planId'));
  if (planId !== plan.id) {
    return fail(
      `这是${titledPlan(book, CHECKLIST_SHEET, planId)}的落实情况表，不是当前规划《${plan.name}》的，未读取；请先在页首切换到该规划`,
    );
  }
  const year = Number(field('year'));
  if (!Number.isInteger(year) || year < plan.period.start || year > plan.period.end) {
    return fail(
      `模板标识已损坏（年份“${plainText(field('year'))}”不在${plan.period.start}—${plan.period.end}年之间）`,
    );
  }
  const regionId = plainText(field('regionId'));
  const regionName = plainText(field('regionName'));
  const subjects = new Map(subjectsOf(plan).map((s) => [`${s.kind}:${s.id}`, s]));
  const keyRows: Array<{ row: number; subject: Subject; name: string }> = [];
  for (let r = KEY_TABLE_ROW + 1; ; r++) {
    const row = Number(key.getCell(r, 1).value);
    if (!row) break;
    const kind = plainText(key.getCell(r, 2).value);
    const id = plainText(key.getCell(r, 3).value);
    if ((kind !== 'service' && kind !== 'task') || !subjects.has(`${kind}:${id}`)) {
      return fail(`模板标识已损坏（本规划没有事项“${id}”）`);
    }
    keyRows.push({ row, subject: { kind, id }, name: plainText(key.getCell(r, 4).value) });
    if (keyRows.length > limit.maxRows) return fail('模板标识已损坏（行数超过上限）');
  }
  const sheet = book.getWorksheet(CHECKLIST_SHEET);
  if (!sheet) return fail(`找不到工作表“${CHECKLIST_SHEET}”，请勿更改工作表名称`);
  if (sheet.rowCount > limit.maxRows) {
    return fail(
      `“${CHECKLIST_SHEET}”有${sheet.rowCount}行，超过上限${limit.maxRows}行，不是本系统的落实情况表或已被改动，未读取`,
    );
  }
  const L = CHECKLIST_LAYOUT;
  const errors: string[] = [];
  for (const range of sheet.model.merges ?? []) {
    const [start = '', end = ''] = range.split(':');
    if (decodeAddress(start)[0] >= L.firstDataRow || decodeAddress(end)[0] >= L.firstDataRow) {
      errors.push(`${CHECKLIST_SHEET}：单元格${range}被合并，请取消合并后按原模板填写`);
    }
  }
  for (const row of hiddenRows(sheet, L.firstDataRow))
    errors.push(`${CHECKLIST_SHEET}：第${row}行是隐藏行，请取消隐藏并核对后再导入`);
  if (errors.length > 0) return fail(...errors);
  for (const k of keyRows) {
    const shown = plainText(sheet.getCell(k.row, L.columns.name).value);
    if (shown !== k.name) {
      errors.push(
        `${CHECKLIST_SHEET}第${k.row}行：应为“${k.name}”，实为“${shown}”；请勿插入、删除或移动行，请用原模板重新填写`,
      );
    }
  }
  if (errors.length > 0) return fail(...errors);
  const keyRowNumbers = new Set(keyRows.map((k) => k.row));
  sheet.eachRow((row, r) => {
    if (r <= L.headerRow) return;
    row.eachCell((cell, c) => {
      const isInside = keyRowNumbers.has(r) && c <= L.lastColumn;
      const text = plainText(cell.value).trim();
      if (!isInside && text !== '') {
        errors.push(
          `${CHECKLIST_SHEET}!${cell.address}：在模板范围之外有内容“${text}”，请只在模板的浅黄色单元格中填写`,
        );
      }
    });
  });
  if (errors.length > 0) return fail(...errors);

  const warnings: string[] = [];
  const rows = keyRows.map((k): ChecklistRow => {
    const rowErrors: string[] = [];
    const at = (column: number) =>
      `${CHECKLIST_SHEET}!${sheet.getCell(k.row, column).address}（${k.name}）`;
    const read = (column: number): string => {
      const got = readText(sheet.getCell(k.row, column));
      if ('error' in got) {
        rowErrors.push(`${at(column)}：${got.error}`);
        return '';
      }
      if (got.isFromFormula)
        warnings.push(`${at(column)}：单元格为公式，已按其计算结果“${got.text}”读取，请核对`);
      return got.text;
    };
    const statusText = read(L.columns.status);
    const evidence = read(L.columns.evidence);
    const documentRef = read(L.columns.documentRef);
    const reply = read(L.columns.reply);
    let status: ImplementationStatus | null = null;
    if (statusText !== '') {
      status = STATUS_BY_WORD.get(statusText) ?? null;
      if (status === null) {
        rowErrors.push(
          `${at(L.columns.status)}：落实情况“${statusText}”应为${STATUS_WORDS.join('、')}之一`,
        );
      }
    } else if (rowErrors.length === 0 && (evidence || documentRef || reply)) {
      rowErrors.push(`${at(L.columns.status)}：填写了依据或反馈，但未选择落实情况`);
    }
    const lengths: Array<[number, string, string]> = [
      [L.columns.evidence, evidence, '依据'],
      [L.columns.documentRef, documentRef, '文件'],
      [L.columns.reply, reply, '牵头单位反馈'],
    ];
    for (const [column, value, label] of lengths) {
      if (value.length > MAX_TEXT)
        rowErrors.push(`${at(column)}：${label}过长（最多${MAX_TEXT}字）`);
    }
    if (status !== null && rowErrors.length === 0) {
      // The domain's own rule, so that the file cannot store what the dialog refuses.
      const problems = validateImplementation(
        { subject: k.subject, regionId, year, status, evidence, documentRef, reply },
        plan,
      );
      for (const problem of problems) rowErrors.push(`${at(L.columns.evidence)}：${problem}`);
    }
    return {
      row: k.row,
      subject: k.subject,
      name: k.name,
      status,
      evidence,
      documentRef,
      reply,
      errors: rowErrors,
    };
  });
  return { ok: true, planId, regionId, regionName, year, rows, warnings };
}
