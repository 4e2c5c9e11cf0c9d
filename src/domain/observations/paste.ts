import Papa from 'papaparse';

/**
 * Reads a rectangular block copied from a spreadsheet. Excel, WPS and LibreOffice put cells
 * separated by tabs and rows by newlines on the clipboard, and quote a cell that holds a tab, a
 * newline or a quote ("名称\n第二行" from Alt+Enter). Papa Parse honours those quotes before it
 * splits rows, so such a cell stays one cell and no value below it moves a row down. Pure; the
 * grid decides where the block lands.
 *
 * @example parseBlock('96.98\t97.1\r\n85\t86\r\n') → [['96.98', '97.1'], ['85', '86']]
 * @example parseBlock('"名称\n第二行"\t10\n20\t21') → [['名称\n第二行', '10'], ['20', '21']]
 */
export function parseBlock(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text, {
    delimiter: '\t',
    quoteChar: '"',
    skipEmptyLines: false,
  });
  // A quote that never closes is not a spreadsheet's: text from a web page or Word ("5 with a
  // stray quote). Read it as plain tab-separated lines rather than let it swallow the rows after it.
  const isQuoteBroken = parsed.errors.some((error) => error.type === 'Quotes');
  const rows = isQuoteBroken
    ? text.split(/\r\n|\r|\n/).map((line) => line.split('\t'))
    : parsed.data;
  // Spreadsheets end the copied block with a newline: that last empty line is not a row.
  while (rows.length > 0 && isEmptyRow(rows[rows.length - 1] as string[])) rows.pop();
  return rows.map((row) => row.map((cell) => cell.trim()));
}

function isEmptyRow(row: readonly string[]): boolean {
  return row.length === 1 && row[0] === '';
}

/** True when pasted text is a block (more than one cell), not a single value for one cell. */
export function isBlock(text: string): boolean {
  const rows = parseBlock(text);
  return rows.length > 1 || (rows[0]?.length ?? 0) > 1;
}

export interface PlacedCell {
  rowIndex: number;
  columnIndex: number;
  text: string;
}

/**
 * Places a block with its top-left cell at (startRow, startColumn) in a grid of the given size.
 * Empty cells are skipped (they do not clear values); cells falling outside are counted.
 */
export function placeBlock(
  block: readonly (readonly string[])[],
  startRow: number,
  startColumn: number,
  rowCount: number,
  columnCount: number,
): { cells: PlacedCell[]; outside: number } {
  const cells: PlacedCell[] = [];
  let outside = 0;
  block.forEach((row, r) =>
    row.forEach((text, c) => {
      if (text === '') return;
      const rowIndex = startRow + r;
      const columnIndex = startColumn + c;
      if (rowIndex >= rowCount || columnIndex >= columnCount) outside++;
      else cells.push({ rowIndex, columnIndex, text });
    }),
  );
  return { cells, outside };
}
