/**
 * Reads a rectangular block copied from a spreadsheet (Excel, WPS, LibreOffice put cells
 * separated by tabs and rows by newlines on the clipboard). Pure; the grid decides where the
 * block lands.
 *
 * @example parseBlock('96.98\t97.1\r\n85\t86\r\n') → [['96.98', '97.1'], ['85', '86']]
 */
export function parseBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  // Spreadsheets end the copied block with a newline: that last empty line is not a row.
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => line.split('\t').map((cell) => unquote(cell)));
}

/** Excel quotes a cell that holds a tab, a newline or a quote; numbers never need it. */
function unquote(cell: string): string {
  const trimmed = cell.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    return trimmed.slice(1, -1).replace(/""/g, '"');
  }
  return trimmed;
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
