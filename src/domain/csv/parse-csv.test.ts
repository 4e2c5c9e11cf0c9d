import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, type CsvRecord, type CsvResult } from './parse-csv';

describe('parseCsv', () => {
  it('reads fields, quoted fields with commas, "" escapes and line breaks, CRLF or LF, and skips blank lines', () => {
    const text = '\uFEFFa,b,c\r\n"x,1","say ""hi""",\n\n"two\nlines",z\r\nlast';
    expect(parseCsv(text)).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['a', 'b', 'c'] },
        { line: 2, cells: ['x,1', 'say "hi"', ''] },
        { line: 4, cells: ['two\nlines', 'z'] },
        { line: 6, cells: ['last'] },
      ],
    });
  });

  it('keeps a quote inside an unquoted field, and text after a closing quote', () => {
    expect(parseCsv('5"6,"a"b\n')).toEqual({
      ok: true,
      records: [{ line: 1, cells: ['5"6', 'ab'] }],
    });
  });

  it('names the line where an unterminated quote began', () => {
    expect(parseCsv('a\nb,"open\nmore')).toEqual({ ok: false, errors: ['第2行：引号没有闭合'] });
  });

  it('reads every text as the character-by-character reader it replaced did', () => {
    // The reader before docs/performance.md's change, kept here as the oracle: the same records
    // for any mix of the characters that matter.
    const chars = fc.constantFrom('a', '中', ' ', ',', '"', '\n', '\r', '\r\n', '\uFEFF', '1');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(parseCsv(text)).toEqual(referenceParse(text));
      }),
      { numRuns: 2000 },
    );
  });
});

/** The previous parseCsv, verbatim. */
function referenceParse(text: string): CsvResult {
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
