import { describe, expect, it } from 'vitest';
import { csvText, neutralizeFormula, toCsvCell } from './write-csv';

describe('cells written for Excel and WPS', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    // OWASP "CSV injection": a cell that starts with = + - @ tab or CR is a formula to Excel.
    expect(toCsvCell('=HYPERLINK("http://x","点我")')).toBe(`"'=HYPERLINK(""http://x"",""点我"")"`);
    expect(toCsvCell('+86 10 1234')).toBe("'+86 10 1234");
    expect(toCsvCell('-较上年下降')).toBe("'-较上年下降");
    expect(toCsvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(toCsvCell('\tcmd')).toBe("'\tcmd");
    expect(toCsvCell('\rcmd')).toBe(`"'\rcmd"`);
    expect(neutralizeFormula('=1+1')).toBe("'=1+1");
  });

  it('leaves numbers numbers, negative ones too, and ordinary text as it is', () => {
    expect(toCsvCell(-0.75)).toBe('-0.75');
    expect(toCsvCell(96.98)).toBe('96.98');
    expect(toCsvCell('每千人口床位数')).toBe('每千人口床位数');
    expect(toCsvCell('2016—2020年累计17万人')).toBe('2016—2020年累计17万人');
    expect(toCsvCell(null)).toBe('');
    expect(toCsvCell('a,b')).toBe('"a,b"');
  });

  it('writes a whole file with a BOM and CRLF, as Excel on Chinese Windows needs', () => {
    expect(
      csvText([
        ['指标', '值'],
        ['=1', -1],
      ]),
    ).toBe("\uFEFF指标,值\r\n'=1,-1\r\n");
  });
});
