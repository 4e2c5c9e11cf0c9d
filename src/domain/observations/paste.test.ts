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

  it('tells a single value from a block', () => {
    expect(isBlock('96.98')).toBe(false);
    expect(isBlock('96.98\n')).toBe(false);
    expect(isBlock('1\t2')).toBe(true);
    expect(isBlock('1\n2')).toBe(true);
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
