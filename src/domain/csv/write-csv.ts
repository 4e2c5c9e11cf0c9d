/**
 * Text written for spreadsheets (CSV and .xlsx). Excel and WPS run a cell that begins with
 * `=`, `+`, `-`, `@`, a tab or a carriage return as a formula (OWASP "CSV injection"): a region
 * name or a note typed as `=HYPERLINK(…)` would become a live link or worse. Such text gets a
 * leading apostrophe, the mark Excel itself uses for "this is text". Numbers are written as
 * numbers, negative ones too: only text is ever prefixed.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV field: numbers as they are, text neutralised and quoted when it needs it. */
export function toCsvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutralizeFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole CSV file: UTF-8 with a byte-order mark (without it Excel on Chinese Windows reads
 * the file as GBK and garbles it) and CRLF line ends.
 */
export function csvText(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return `\uFEFF${rows.map((row) => row.map(toCsvCell).join(',')).join('\r\n')}\r\n`;
}
