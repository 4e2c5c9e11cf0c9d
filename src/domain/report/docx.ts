import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { Report, ReportBlock, ReportColumn, ReportTable } from './model';

/**
 * The report as an editable Word document, for Word and WPS, in the layout of Chinese
 * government documents (GB/T 9704-2012 《党政机关公文格式》): A4, margins 上3.7 下3.5 左2.8
 * 右2.6 cm, the title in 方正小标宋简体 二号, text in 仿宋_GB2312 三号 on a 28-point line, headings
 * 一、 in 黑体, （一） in 楷体_GB2312, 1. in bold 仿宋, page numbers "— 1 —" in 宋体 四号. Tables
 * in 五号 (wide ones in 小五) with borders and a header row repeated on every page; appendices
 * that are wide print on landscape pages. The fonts' common substitutes (黑体, 仿宋, 楷体) are
 * named in the file's font table (w:altName), so a machine without the GB2312 fonts shows the
 * nearest ones. Runs in the browser (loaded only on 报告) and in Node (the CLI).
 */

const cm = (value: number) => Math.round((value * 1440) / 2.54);
/** A4 in twips. */
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: cm(3.7), bottom: cm(3.5), left: cm(2.8), right: cm(2.6) };
/** A landscape page turned clockwise: the binding edge (left) is now at the top. */
const MARGIN_LANDSCAPE = { top: cm(2.8), bottom: cm(2.6), left: cm(3.5), right: cm(3.7) };
const BODY_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const LANDSCAPE_WIDTH = PAGE.height - MARGIN_LANDSCAPE.left - MARGIN_LANDSCAPE.right;

const FONT = {
  title: '方正小标宋简体',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  body: '仿宋_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
};

/** Sizes in half-points: 二号 22 pt, 小二 18, 三号 16, 四号 14, 五号 10.5, 小五 9. */
const SIZE = {
  title: 44,
  appendixTitle: 36,
  body: 32,
  caption: 28,
  pageNumber: 28,
  table: 21,
  wideTable: 18,
};
/** 28-point lines (GB/T 9704: 22 lines of 28 characters a page), two characters' indent. */
const LINE = { line: 560, lineRule: LineRuleType.EXACT };
const INDENT = { firstLine: 640 };

const font = (eastAsia: string) => ({ ascii: FONT.latin, hAnsi: FONT.latin, eastAsia });

/**
 * The font table with the substitutes named: Word and WPS use `altName` when the font itself is
 * not installed. Charset 86 is GB2312.
 */
const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
${[
  ['方正小标宋简体', '黑体', '02000000000000000000', 'auto', 'variable'],
  ['黑体', 'SimHei', '02010609060101010101', 'modern', 'fixed'],
  ['楷体_GB2312', '楷体', '02010609030101010101', 'modern', 'fixed'],
  ['仿宋_GB2312', '仿宋', '02010609030101010101', 'modern', 'fixed'],
  ['宋体', 'SimSun', '02010600030101010101', 'auto', 'variable'],
]
  .map(
    ([name, alt, panose, family, pitch]) =>
      `<w:font w:name="${name}">
<w:altName w:val="${alt}"/><w:panose1 w:val="${panose}"/><w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/>
</w:font>`,
  )
  .join('\n')}
<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
</w:fonts>`;

export async function renderReportDocx(report: Report): Promise<ArrayBuffer> {
  const body: Array<Paragraph | Table> = [];
  if (report.demoNotice) {
    body.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        border: {
          top: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 2 },
          bottom: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 2 },
        },
        spacing: { after: 240 },
        children: [
          new TextRun({
            text: report.demoNotice,
            bold: true,
            font: font(FONT.heading1),
            size: SIZE.caption,
          }),
        ],
      }),
    );
  }
  body.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT },
      children: report.titleLines.map(
        (line, i) =>
          new TextRun({
            text: line,
            font: font(FONT.title),
            size: SIZE.title,
            break: i > 0 ? 1 : 0,
          }),
      ),
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...LINE, after: 280 },
      children: [new TextRun({ text: report.subtitle, font: font(FONT.heading2) })],
    }),
  );
  for (const section of report.sections) {
    body.push(
      new Paragraph({
        indent: INDENT,
        spacing: LINE,
        keepNext: true,
        children: [new TextRun({ text: section.heading, font: font(FONT.heading1) })],
      }),
    );
    for (const block of section.blocks) body.push(...renderBlock(block, BODY_WIDTH));
  }

  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: { ascii: FONT.pageNumber, hAnsi: FONT.pageNumber, eastAsia: FONT.pageNumber },
            size: SIZE.pageNumber,
          }),
        ],
      }),
    ],
  });
  const portrait: ISectionOptions['properties'] = {
    page: {
      size: { ...PAGE, orientation: PageOrientation.PORTRAIT },
      margin: { ...MARGIN, header: cm(1.5), footer: cm(2.5) },
    },
  };
  const sections: ISectionOptions[] = [
    { properties: portrait, footers: { default: footer }, children: body },
  ];
  for (const appendix of report.appendices) {
    const isWide = appendix.table.isWide === true;
    const width = isWide ? LANDSCAPE_WIDTH : BODY_WIDTH;
    sections.push({
      properties: isWide
        ? {
            page: {
              size: { ...PAGE, orientation: PageOrientation.LANDSCAPE },
              margin: { ...MARGIN_LANDSCAPE, header: cm(1.2), footer: cm(1.6) },
            },
          }
        : portrait,
      footers: { default: footer },
      children: [
        new Paragraph({
          spacing: LINE,
          children: [new TextRun({ text: appendix.label, font: font(FONT.heading1) })],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: 560, lineRule: LineRuleType.EXACT, after: 120 },
          children: [
            new TextRun({
              text: appendix.table.caption,
              font: font(FONT.title),
              size: SIZE.appendixTitle,
            }),
          ],
        }),
        renderTable(appendix.table, width),
        ...tableNotes(appendix.table),
      ],
    });
  }

  const doc = new Document({
    creator: '基本公共服务均等化规划监测评估',
    title: report.title,
    description: report.subtitle,
    styles: {
      default: {
        document: {
          run: { font: font(FONT.body), size: SIZE.body },
          paragraph: { spacing: LINE },
        },
      },
    },
    sections,
  });
  return Packer.toArrayBuffer(doc, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
}

function renderBlock(block: ReportBlock, width: number): Array<Paragraph | Table> {
  switch (block.type) {
    case 'heading':
      return [
        new Paragraph({
          indent: INDENT,
          spacing: LINE,
          keepNext: true,
          children: [new TextRun({ text: block.text, font: font(FONT.heading2) })],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          indent: INDENT,
          spacing: LINE,
          alignment: AlignmentType.JUSTIFIED,
          children: [
            ...(block.lead ? [new TextRun({ text: block.lead, bold: true })] : []),
            new TextRun({ text: block.text }),
          ],
        }),
      ];
    case 'placeholder':
      return [
        new Paragraph({
          indent: INDENT,
          spacing: LINE,
          children: [new TextRun({ text: block.text, font: font(FONT.heading2) })],
        }),
      ];
    case 'table':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 120, after: 60 },
          keepNext: true,
          children: [
            new TextRun({
              text: block.table.caption,
              font: font(FONT.heading1),
              size: SIZE.caption,
            }),
          ],
        }),
        renderTable(block.table, width),
        ...tableNotes(block.table),
      ];
  }
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
};
const CELL_MARGINS = { top: 20, bottom: 20, left: 50, right: 50 };
const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

function cellParagraph(
  text: string,
  align: ReportColumn['align'],
  size: number,
  isHeader: boolean,
) {
  return new Paragraph({
    alignment: isHeader ? AlignmentType.CENTER : ALIGN[align],
    spacing: { line: 240, lineRule: LineRuleType.AUTO },
    children: [new TextRun({ text, size, ...(isHeader ? { font: font(FONT.heading1) } : {}) })],
  });
}

/** Column widths in twips, scaled to the page from the model's relative widths. */
function columnWidths(columns: readonly ReportColumn[], width: number): number[] {
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  return columns.map((c) => Math.floor((c.width / total) * width));
}

function renderTable(table: ReportTable, width: number): Table {
  const size = table.isWide ? SIZE.wideTable : SIZE.table;
  const widths = columnWidths(table.columns, width);
  const hasGroups = table.columns.some((c) => c.group);
  const headerCell = (
    text: string,
    index: number,
    span: { rows?: number; columns?: number } = {},
  ) => {
    const w = widths.slice(index, index + (span.columns ?? 1)).reduce((a, b) => a + b, 0);
    return new TableCell({
      children: [cellParagraph(text, 'center', size, true)],
      width: { size: w, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: CELL_MARGINS,
      ...(span.rows ? { rowSpan: span.rows } : {}),
      ...(span.columns ? { columnSpan: span.columns } : {}),
    });
  };

  const header: TableRow[] = [];
  if (hasGroups) {
    const top: TableCell[] = [];
    const bottom: TableCell[] = [];
    for (let i = 0; i < table.columns.length;) {
      const column = table.columns[i] as ReportColumn;
      if (!column.group) {
        top.push(headerCell(column.header, i, { rows: 2 }));
        i++;
        continue;
      }
      let j = i;
      while (j < table.columns.length && table.columns[j]?.group === column.group) {
        bottom.push(headerCell((table.columns[j] as ReportColumn).header, j));
        j++;
      }
      top.push(headerCell(column.group, i, { columns: j - i }));
      i = j;
    }
    header.push(
      new TableRow({ tableHeader: true, cantSplit: true, children: top }),
      new TableRow({ tableHeader: true, cantSplit: true, children: bottom }),
    );
  } else {
    header.push(
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: table.columns.map((c, i) => headerCell(c.header, i)),
      }),
    );
  }

  // Runs of equal cells in a merging column (领域) print as one cell spanning the rows.
  const spans = table.columns.map((column, ci) => {
    const out: number[] = table.rows.map(() => 1);
    if (!column.mergeRuns) return out;
    for (let start = 0; start < table.rows.length;) {
      let end = start + 1;
      const value = table.rows[start]?.[ci]?.text;
      while (end < table.rows.length && table.rows[end]?.[ci]?.text === value) end++;
      out[start] = end - start;
      for (let k = start + 1; k < end; k++) out[k] = 0;
      start = end;
    }
    return out;
  });
  const body = table.rows.map(
    (row, ri) =>
      new TableRow({
        cantSplit: true,
        children: row.flatMap((cell, ci) => {
          const span = spans[ci]?.[ri] ?? 1;
          if (span === 0) return [];
          const column = table.columns[ci] as ReportColumn;
          return [
            new TableCell({
              children: [cellParagraph(cell.text, column.align, size, false)],
              width: { size: widths[ci] ?? 0, type: WidthType.DXA },
              verticalAlign: VerticalAlignTable.CENTER,
              margins: CELL_MARGINS,
              ...(span > 1 ? { rowSpan: span } : {}),
            }),
          ];
        }),
      }),
  );

  return new Table({
    rows: [...header, ...body],
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
  });
}

function tableNotes(table: ReportTable): Paragraph[] {
  return table.notes.map(
    (note) =>
      new Paragraph({
        spacing: { line: 320, lineRule: LineRuleType.EXACT },
        children: [new TextRun({ text: note, size: table.isWide ? SIZE.wideTable : SIZE.table })],
      }),
  );
}
