import { describe, expect, it } from 'vitest';
import { isBlock, parseBlock, placeBlock } from './paste';

describe('parseBlock', () => {
  it('splits an Excel block into rows and cells, without the trailing newline', () => {
    expect(parseBlock('96.98\t97.1\r\n85\t86\r\n')).toEqual([
      ['96.98', '97.1'],
      ['85', '86'],
    ]);
  });

  it('keeps empty cells in place and unquotes quoted ones', () => {
    expect(parseBlock('1\t\t3\n"1,234"\t2')).toEqual([
      ['1', '', '3'],
      ['1,234', '2'],
    ]);
  });

  it('keeps an Excel cell with a line break (Alt+Enter) as one cell, so no value moves a row down', () => {
    // Regression: lines were split before Excel's quotes were honoured, so 20 landed in row 3.
    expect(parseBlock('"名称\n第二行"\t10\t11\n20\t21\t22')).toEqual([
      ['名称\n第二行', '10', '11'],
      ['20', '21', '22'],
    ]);
    expect(parseBlock('"a\r\nb"\t1\r\n2\t3\r\n')).toEqual([
      ['a\r\nb', '1'],
      ['2', '3'],
    ]);
    expect(parseBlock('"他说""好"""\t5')).toEqual([['他说"好"', '5']]);
  });

  it('reads a stray quote that never closes as text, without swallowing the rows after it', () => {
    // Text from a web page or Word, not from a spreadsheet: a lone quote opens no cell.
    expect(parseBlock('"5\t6\n7\t8')).toEqual([
      ['"5', '6'],
      ['7', '8'],
    ]);
  });

  it('tells a single value from a block', () => {
    expect(isBlock('96.98')).toBe(false);
    expect(isBlock('96.98\n')).toBe(false);
    expect(isBlock('1\t2')).toBe(true);
    expect(isBlock('1\n2')).toBe(true);
    expect(isBlock('"名称\n第二行"')).toBe(false);
  });
});

describe('placeBlock', () => {
  it('places cells from the focused cell, skipping empty ones and counting those outside', () => {
    // Given a 2×6 grid and the focus on row 1, column 4
    const block = [
      ['1', '', '3'],
      ['4', '5', '6'],
    ];
    // When a 2×3 block is pasted there
    const { cells, outside } = placeBlock(block, 1, 4, 2, 6);
    // Then only "1" lands; "3" is right of the grid and the second row below it
    expect(cells).toEqual([{ rowIndex: 1, columnIndex: 4, text: '1' }]);
    expect(outside).toBe(4);
  });

  it('fills a whole block that fits', () => {
    const { cells, outside } = placeBlock(
      [
        ['1', '2'],
        ['3', '4'],
      ],
      0,
      0,
      5,
      5,
    );
    expect(cells.map((c) => [c.rowIndex, c.columnIndex, c.text])).toEqual([
      [0, 0, '1'],
      [0, 1, '2'],
      [1, 0, '3'],
      [1, 1, '4'],
    ]);
    expect(outside).toBe(0);
  });
});
