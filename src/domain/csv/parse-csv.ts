/** One parsed CSV record with the 1-based line of the file where it starts. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; errors: string[] };

/**
 * Parses CSV text (RFC 4180: comma-separated, double-quoted fields with "" escapes, CRLF or LF).
 * A UTF-8 byte-order mark is dropped; blank lines are skipped. An unterminated quote is an error
 * naming the line where the field began.
 */
export function parseCsv(text: string): CsvResult {
  const input = text.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quoteLine = 0;
  let fieldStarted = false;

  const endRecord = () => {
    cells.push(field);
    if (!(cells.length === 1 && cells[0]?.trim() === '')) records.push({ line: recordLine, cells });
    cells = [];
    field = '';
    fieldStarted = false;
  };

  for (let i = 0; i < input.length; i++) {
    const c = input[i] as string;
    if (inQuotes) {
      if (c === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && !fieldStarted) {
      inQuotes = true;
      quoteLine = line;
      fieldStarted = true;
    } else if (c === ',') {
      cells.push(field);
      field = '';
      fieldStarted = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (inQuotes) return { ok: false, errors: [`第${quoteLine}行：引号没有闭合`] };
  if (field !== '' || cells.length > 0) endRecord();
  return { ok: true, records };
}

// Writing lives in write-csv.ts (formula neutralisation); re-exported for existing callers.
export { toCsvCell } from './write-csv';
