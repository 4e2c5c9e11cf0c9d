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
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  // A field is taken as slices of the input, not built a character at a time: a string built by
  // `+=` per character is a chain of pieces that every later use must flatten, and reading a
  // province's 120,000 rows spent most of its time on that (docs/performance.md).
  let quoted = '';
  let runStart = 0;
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quoteLine = 0;
  let fieldStarted = false;

  const endField = (end: number) => {
    cells.push(quoted + input.slice(runStart, end));
    quoted = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    if (!(cells.length === 1 && cells[0]?.trim() === '')) records.push({ line: recordLine, cells });
    cells = [];
  };

  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (inQuotes) {
      if (c === 34 /* " */) {
        if (input.charCodeAt(i + 1) === 34) {
          quoted += input.slice(runStart, i + 1);
          i++;
        } else {
          quoted += input.slice(runStart, i);
          inQuotes = false;
        }
        runStart = i + 1;
      } else if (c === 10 /* \n */) {
        line++;
      }
      continue;
    }
    if (c === 34 && !fieldStarted) {
      quoted += input.slice(runStart, i);
      inQuotes = true;
      quoteLine = line;
      fieldStarted = true;
      runStart = i + 1;
    } else if (c === 44 /* , */) {
      endField(i);
      runStart = i + 1;
    } else if (c === 10 || c === 13 /* \r */) {
      endField(i);
      endRecord();
      if (c === 13 && input.charCodeAt(i + 1) === 10) i++;
      runStart = i + 1;
      line++;
      recordLine = line;
    } else {
      fieldStarted = true;
    }
  }
  if (inQuotes) return { ok: false, errors: [`第${quoteLine}行：引号没有闭合`] };
  if (quoted !== '' || runStart < input.length || cells.length > 0) {
    endField(input.length);
    endRecord();
  }
  return { ok: true, records };
}

// Writing lives in write-csv.ts (formula neutralisation); re-exported for existing callers.
export { toCsvCell } from './write-csv';
