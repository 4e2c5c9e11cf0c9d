import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text';

const CSV = 'indicator,region,year,value\r\n每千人口床位数,达州市,2017,4.9\r\n';
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeText', () => {
  it('reads UTF-8 with or without a byte-order mark', () => {
    expect(decodeText(utf8(CSV))).toEqual({ ok: true, text: CSV, encoding: 'utf-8' });
    expect(decodeText(utf8(`\uFEFF${CSV}`))).toEqual({ ok: true, text: CSV, encoding: 'utf-8' });
  });

  it('reads GBK as Excel on Chinese Windows saves a CSV', () => {
    // The fixture was written by Python's gb18030 codec: 每 is C3 BF in GBK.
    const bytes = new Uint8Array(readFileSync('test/fixtures/dazhou-actuals-gbk.csv'));
    expect([...bytes.subarray(34, 36)]).toEqual([0xc3, 0xbf]);
    const result = decodeText(bytes);
    expect(result).toMatchObject({ ok: true, encoding: 'gb18030' });
    if (result.ok)
      expect(result.text.split('\r\n')[1]).toBe('每千人口床位数,达州市,2017,4.9,市卫健委');
  });

  it('says plainly that a file is UTF-16, with or without a byte-order mark', () => {
    const message = '文件是UTF-16编码，请另存为UTF-8或GBK的CSV';
    const le = new Uint8Array(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV, 'utf16le')]),
    );
    const be = new Uint8Array(Buffer.from(CSV, 'utf16le').swap16());
    expect(decodeText(le)).toEqual({ ok: false, error: message });
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...be]))).toEqual({ ok: false, error: message });
    expect(decodeText(new Uint8Array(Buffer.from(CSV, 'utf16le')))).toEqual({
      ok: false,
      error: message,
    });
  });

  it('names a workbook handed over instead of a CSV', () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    expect(decodeText(xlsx)).toEqual({
      ok: false,
      error: '文件是Excel工作簿（.xlsx），不是CSV；请在Excel中另存为“CSV UTF-8”',
    });
  });

  it('refuses bytes that are neither UTF-8 nor GB18030, and text with NUL characters', () => {
    expect(decodeText(new Uint8Array([0x61, 0xff, 0x20]))).toMatchObject({
      ok: false,
      error: '无法识别文件的编码（既不是UTF-8，也不是GBK/GB18030）；请在Excel中另存为“CSV UTF-8”',
    });
    expect(decodeText(utf8('a,b\u0000c'))).toMatchObject({ ok: false });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xc3, 0x28]))).toMatchObject({ ok: false });
  });

  it('reads an empty file as empty text', () => {
    expect(decodeText(new Uint8Array())).toEqual({ ok: true, text: '', encoding: 'utf-8' });
  });
});
